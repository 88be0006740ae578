import { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** A manager trains the reason model on the resolutions, reads its accuracy and switches it on or sees why not. */
describe('reason model on the classifier page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pool: Pool;

  beforeAll(async () => {
    browser = await launchBrowser();
    pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  });
  afterAll(async () => {
    await pool.query(`UPDATE reason_model SET active = false WHERE active`);
    await pool.end();
    await browser.close();
  });
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('trains a version, shows its accuracy against the table, and switches it on only when it is better', async () => {
    await signIn(page, 'manager');
    await page.goto('/manager/classifier');
    await page.getByTestId('model-list').waitFor();
    const before = (await pool.query(`SELECT COALESCE(max(version), 0)::int AS version FROM reason_model`)).rows[0].version;
    await page.getByTestId('model-retrain').click();
    const { version } = await eventually(
      async () => (await pool.query(`SELECT COALESCE(max(version), 0)::int AS version FROM reason_model`)).rows[0],
      (r) => expect(r.version).toBeGreaterThan(before),
    );
    const item = page.locator(`[data-testid="model-item"][data-version="${version}"]`);
    const trained = await eventually(
      async () => (await pool.query(`SELECT status, metrics FROM reason_model WHERE version = $1`, [version])).rows[0],
      (r) => expect(r.status).toBe('ready'),
      120_000,
    );
    await item.locator('table').waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toMatch(/%/);
    expect(await item.getByTestId('model-classifier-version').textContent()).toMatch(/Trained with classifier version \d+/);
    if (trained.metrics.beatsRules) {
      await item.getByTestId('model-on').click();
      await eventually(
        async () => (await pool.query(`SELECT active FROM reason_model WHERE version = $1`, [version])).rows[0].active,
        (active) => expect(active).toBe(true),
      );
      await item.getByTestId('model-off').waitFor();
    } else {
      expect(await item.getByTestId('model-on').count()).toBe(0);
      expect(await item.textContent()).toMatch(/Not better than the table/);
    }
    await shoot(page, 'manager-reason-model');
  });
});
