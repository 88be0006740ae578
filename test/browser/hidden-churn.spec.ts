import { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** A manager's hidden-churn journey: the cases the demo's first scan found, a new scan with its progress, a call list built and assigned. */
describe('hidden churn', () => {
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
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('a manager runs a scan, builds a call list from the filters and assigns it to an operator', async () => {
    await signIn(page, 'manager');
    await page.goto('/manager/hidden-churn');
    await page.getByTestId('case-row').first().waitFor();
    await shoot(page, 'hidden-churn-cases');

    const scansBefore = Number((await pool.query(`SELECT count(*)::int AS n FROM hidden_churn_scan WHERE status = 'completed'`)).rows[0].n);
    await page.getByTestId('scan-run').click();
    await eventually(
      async () => Number((await pool.query(`SELECT count(*)::int AS n FROM hidden_churn_scan WHERE status = 'completed'`)).rows[0].n),
      (n) => expect(n).toBe(scansBefore + 1),
      30_000,
    );
    await page.getByTestId('scan-last').waitFor();

    const name = `Browser list ${Date.now()}`;
    await page.getByTestId('list-name').fill(name);
    await page.getByTestId('list-size').fill('3');
    await page.getByTestId('list-operators').click();
    await page.getByRole('option', { name: /Olena Kovalenko/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('list-build').click();
    await page.getByTestId('list-row').filter({ hasText: name }).waitFor();
    await shoot(page, 'hidden-churn-call-list');

    const { rows } = await pool.query(
      `SELECT u.username, c.status FROM hidden_churn_case c JOIN hidden_churn_call_list l ON l.id = c.call_list_id
         JOIN app_user u ON u.id = c.assignee_id WHERE l.name = $1`,
      [name],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(rows.every((r) => r.username === 'operator' && r.status === 'assigned')).toBe(true);
  });
});
