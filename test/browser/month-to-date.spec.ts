import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '@retention/api-core';
import { addMonths } from '@retention/domain';
import { appClock, freshSubscribers, launchBrowser, newBrowserContext, shoot } from '@retention/test-support';
import { Pool } from 'pg';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const CONSOLE = join(ROOT, 'dist/apps/console/browser');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const label = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * The executive dashboard on the 4th of a month (docs/methodology.md, "Month to date"): the built server
 * and the browser run on a fixed clock, the 4th of the month after the run's, at 10:00 UTC, on the run's
 * database. The dashboard says that its figures are month to date (1–4 of the month) and compares them
 * with the same four days of the month before, never with that whole month.
 */
describe('the executive dashboard on the 4th of a month', () => {
  const month = addMonths(appClock().today().slice(0, 7), 1);
  const previousMonth = addMonths(month, -1);
  const fourth = `${month}-04T10:00:00Z`;
  let server: ChildProcess;
  let base: string;
  let output = '';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // A server of its own on that clock; it runs no jobs, so that nothing scheduled runs on the 4th for the other suites.
    server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env, PORT: String(port), STATIC_DIR: CONSOLE, LOG_LEVEL: 'warn', JOB_WORKERS: 'false', LOGIN_ATTEMPTS_PER_MINUTE: '100',
        CLOCK_OFFSET_MS: String(Date.parse(fourth) - Date.now()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${output}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`The server did not answer /api/health within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await launchBrowser();
    context = await newBrowserContext(browser, { baseURL: base, viewport: { width: 1280, height: 720 } }, Date.parse(fourth));
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });

  it('labels its figures month to date, 1–4, and compares them with 1–4 of the month before', async () => {
    // Two subscribers there since before the month before leave: one today (the 4th), one on the 2nd of the month
    // before (re-dated in the tables), so that both months' first four days have a loss.
    const login = async (username: string) =>
      (await (await page.request.post('/api/auth/login', { data: { username, password: username } })).json()).accessToken as string;
    const op = { Authorization: `Bearer ${await login('operator')}` };
    const executive = { Authorization: `Bearer ${await login('executive')}` };
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    try {
      const leavers = await freshSubscribers(pool, 2);
      for (const { accountNumber } of leavers) {
        const created = await (await page.request.post('/api/disconnect-requests', { headers: op, data: { accountNumber, services: [], channel: 'phone' } })).json();
        expect((await page.request.post(`/api/disconnect-requests/${created.id}/claim`, { headers: op })).status()).toBe(200);
        expect((await page.request.post(`/api/disconnect-requests/${created.id}/resolve`, { headers: op, data: { outcome: 'disconnected', reasonCode: 'price_increase' } })).status()).toBe(200);
      }
      const before = `${previousMonth}-02`;
      await pool.query(`UPDATE subscription SET ended_on = $2 WHERE subscriber_id = $1 AND ended_on = $3`, [leavers[1].id, before, `${month}-04`]);
      await pool.query(`UPDATE subscriber SET disconnected_on = $2 WHERE id = $1`, [leavers[1].id, before]);
      await pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE subscriber_id = $1`, [leavers[1].id, `${before}T12:00:00Z`]);
    } finally {
      await pool.end();
    }

    // The API: this month through the 4th against the month before through its 4th.
    const key = await (await page.request.get(`/api/reports/key-figures?from=${month}&to=${month}`, { headers: executive })).json();
    expect(key.through).toBe(`${month}-04`);
    expect(key.previous).toEqual({ from: previousMonth, to: previousMonth, through: `${previousMonth}-04` });
    const churn = key.figures.find((f: { key: string }) => f.key === 'churn_rate');
    expect(churn.value).toBeGreaterThan(0);
    expect(churn.previous).toBeGreaterThan(0);

    await page.goto('/');
    await page.getByTestId('sign-in-username').fill('executive');
    await page.getByTestId('sign-in-password').fill('executive');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('user-name').waitFor();
    await page.goto('/executive');
    const tile = page.getByTestId('kpi-churn_rate');
    await tile.waitFor();
    const note = page.getByTestId('kpi-period-note');
    await note.waitFor();
    expect(await page.locator('.rc-page-subtitle').first().textContent()).toContain(`Month to date: 1–4 ${label(month)}`);
    expect(await note.textContent()).toContain(`Month to date: changes are against the same days of the period before, 1–4 ${label(previousMonth)}.`);
    // The tile compares with the same days: its previous value is the API's for 1–4 of the month before.
    expect(await tile.textContent()).toContain(`${(churn.previous * 100).toFixed(2)}%`);
    await shoot(page, 'executive-dashboard-on-the-4th');
  });
});
