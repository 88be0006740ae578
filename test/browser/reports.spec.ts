import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { reportPeriodAsOf } from '@retention/domain';
import { appClock, BASE_URL, eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** A manager's plan for next month; an executive's dashboard, drill-down and download. */
describe('plans and reports', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pool: Pool;

  beforeAll(async () => {
    browser = await launchBrowser();
    pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await browser.close();
  });
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('a manager sets next month’s plan from the last one', async () => {
    const next = appClock().now();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const month = next.toISOString().slice(0, 7);
    await signIn(page, 'manager');
    await page.goto(`/plans?month=${month}`);
    await page.getByTestId('plan-month').waitFor();
    await page.getByTestId('plan-from-last').click();
    const line = page.locator('[data-testid="plan-line"][data-service="internet"]');
    await line.waitFor();
    await line.getByTestId('plan-managed-max').fill('77');
    await page.getByTestId('plan-save').click();
    await eventually(
      async () => (await pool.query(
        `SELECT l.managed_max FROM churn_plan p JOIN churn_plan_line l ON l.plan_id = p.id JOIN service v ON v.id = l.service_id
          WHERE p.month = $1::date AND v.code = 'internet' ORDER BY p.version DESC LIMIT 1`, [`${month}-01`])).rows[0],
      (r) => expect(r).toEqual({ managed_max: 77 }),
    );
    await shoot(page, 'manager-plan');
  });

  it('a manager whose month was changed by another manager meanwhile is told who changed it, reloads and saves again', async () => {
    const later = appClock().now();
    later.setUTCDate(1);
    later.setUTCMonth(later.getUTCMonth() + 2);
    const month = later.toISOString().slice(0, 7);
    const call = async (path: string, method: string, token: string | null, body?: object) => {
      const res = await fetch(`${BASE_URL()}/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const admin = (await call('/auth/login', 'POST', null, { username: 'admin', password: 'admin' })).accessToken;
    await call('/users', 'POST', admin, { username: 'planner3', password: 'planner3-pass', role: 'manager', displayName: 'Olena Planner' });
    const other = (await call('/auth/login', 'POST', null, { username: 'planner3', password: 'planner3-pass' })).accessToken;
    const lines = (managedMax: number) => [{ service: 'internet', region: null, managedMax, unmanagedMax: 5, targetSaveRate: 0.3 }];
    await call(`/churn-plans/${month}`, 'PUT', other, { lines: lines(50), baseVersion: 0 });

    await signIn(page, 'manager');
    await page.goto(`/plans?month=${month}`);
    const line = page.locator('[data-testid="plan-line"][data-service="internet"]');
    await line.waitFor();
    await line.getByTestId('plan-managed-max').fill('60');
    // Meanwhile the other manager saves a new version of the same month.
    await call(`/churn-plans/${month}`, 'PUT', other, { lines: lines(55), baseVersion: 1 });
    await page.getByTestId('plan-save').click();
    const conflict = page.getByTestId('plan-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Olena Planner changed this month’s plan on .+ \(now version 2; you edited version 1\)/);
    await shoot(page, 'manager-plan-conflict');

    await page.getByTestId('plan-reload').click();
    await eventually(() => line.getByTestId('plan-managed-max').inputValue(), (v) => expect(v).toBe('55'));
    expect(await conflict.count()).toBe(0);
    await line.getByTestId('plan-managed-max').fill('60');
    await page.getByTestId('plan-save').click();
    await eventually(
      async () => (await pool.query(
        `SELECT p.version, l.managed_max FROM churn_plan p JOIN churn_plan_line l ON l.plan_id = p.id JOIN service v ON v.id = l.service_id
          WHERE p.month = $1::date AND v.code = 'internet' ORDER BY p.version`, [`${month}-01`])).rows,
      (rows) => expect(rows).toEqual([{ version: 1, managed_max: 50 }, { version: 2, managed_max: 55 }, { version: 3, managed_max: 60 }]),
    );
  });

  it('an executive opens the dashboard, drills from a competitor to its requests and from the churn rate to the subscribers who left, and downloads the XLSX', async () => {
    // Someone there since before this month leaves today, so that this month has a leaver to drill to on any test date.
    const { rows: [leaver] } = await pool.query(
      `SELECT s.account_number FROM subscriber s WHERE s.status = 'active' AND s.connected_on < date_trunc('month', app_today())
          AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id) ORDER BY s.account_number DESC LIMIT 1`,
    );
    const login = await page.request.post('/api/auth/login', { data: { username: 'operator', password: 'operator' } });
    const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
    const created = await page.request.post('/api/disconnect-requests', { headers, data: { accountNumber: leaver.account_number, services: [], channel: 'phone' } });
    const requestId = (await created.json()).id;
    expect((await page.request.post(`/api/disconnect-requests/${requestId}/claim`, { headers })).status()).toBe(200);
    expect((await page.request.post(`/api/disconnect-requests/${requestId}/resolve`, { headers, data: { outcome: 'disconnected', reasonCode: 'price_increase' } })).status()).toBe(200);

    await signIn(page, 'executive');
    await page.goto('/executive');
    await page.getByTestId('kpi-churn_rate').waitFor();
    await page.getByTestId('chart-competitors').waitFor();
    // This month so far, labelled so, against the same days of the month before (docs/methodology.md).
    const today = appClock().today();
    const before = reportPeriodAsOf(today.slice(0, 7), today.slice(0, 7), today).previous.through as string;
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const days = (last: string) => `1–${Number(last.slice(8, 10))} ${MONTHS[Number(last.slice(5, 7)) - 1]} ${last.slice(0, 4)}`;
    const note = page.getByTestId('kpi-period-note');
    await note.waitFor();
    expect(await note.textContent()).toContain(`Month to date: changes are against the same days of the period before, ${days(before)}.`);
    expect(await page.locator('.rc-page-subtitle').first().textContent()).toContain(`Month to date: ${days(today)}`);
    await shoot(page, 'executive-dashboard');
    const bar = page.locator('[data-testid="competitor-bar-row"][data-competitor-id]').first();
    await bar.waitFor();
    const competitorId = await bar.getAttribute('data-competitor-id');
    await bar.click();
    await page.getByTestId('drill-panel').waitFor();
    const rows = page.getByTestId('drill-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    const { rows: [c] } = await pool.query(`SELECT name FROM competitor WHERE id = $1`, [competitorId]);
    expect(await page.getByTestId('drill-panel').textContent()).toContain(c.name);
    await shoot(page, 'executive-drill');
    await page.getByTestId('drill-close').click();
    await page.getByTestId('drill-panel').waitFor({ state: 'detached' });

    // A key figure drills to the subscribers behind it: the churn rate to those who left this month.
    await page.getByTestId('kpi-churn_rate').click();
    await page.getByTestId('drill-panel').waitFor();
    await page.getByTestId('drill-row').first().waitFor();
    const left = Number((await page.getByTestId('drill-count').textContent())?.replace(/\D/g, ''));
    const month = appClock().now().toISOString().slice(0, 7);
    // Those the churn rate counts: there at the month's start, left voluntarily since, up to today.
    const { rows: [{ n }] } = await pool.query(
      `SELECT count(*)::int AS n FROM subscriber WHERE disconnected_on >= $1::date AND disconnected_on <= app_today()
          AND connected_on < $1::date AND disconnect_kind = 'voluntary'`,
      [`${month}-01`],
    );
    expect(left).toBe(n);
    expect(await page.getByTestId('drill-panel').textContent()).toContain('Left on');
    await shoot(page, 'executive-drill-subscribers');

    await page.goto('/executive/competitors');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file as string) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Competitor');
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('Total to competitors');

    // Over a year: everyone who went to a competitor by competitor × reason × service × region; the reasons
    // with non-payment and technical closures apart, and reason not found per operator.
    await page.goto('/executive/reports/competitors?span=12');
    await page.getByTestId('competitor-cell').first().waitFor();
    await shoot(page, 'executive-competitors');
    await page.goto('/executive/reports/reasons?span=12');
    await page.getByTestId('reason-not-found-row').first().waitFor();
    expect(Number(await page.getByTestId('reasons-non-payment').textContent())).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('reasons-technical').textContent())).toBeGreaterThanOrEqual(0);
    await shoot(page, 'executive-reasons');

    // Key figures come with NPS per operator and the rule that attributes the answers.
    await page.goto('/executive/reports/key-figures?span=12');
    const nps = page.getByTestId('nps-by-operator');
    await nps.getByText('representative when it was given', { exact: false }).waitFor();
    expect(await nps.textContent()).toContain('NPS per operator');
  });
});
