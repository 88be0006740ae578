import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** An operator corrects a subscriber's temperament and activity from the card; the advice follows at once. */
describe('the card’s segment', () => {
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

  it('records melancholic and passive with a note; the advice changes without a reload and the change is audited', async () => {
    const { rows: [s] } = await pool.query(
      `SELECT id FROM subscriber WHERE temperament = 'choleric' AND activity_segment = 'active'
          AND NOT EXISTS (SELECT 1 FROM subscriber_segment_change c WHERE c.subscriber_id = subscriber.id)
        ORDER BY account_number DESC LIMIT 1`,
    );
    await signIn(page, 'operator');
    await page.goto(`/subscribers/${s.id}`);
    const advice = page.getByTestId('segment-advice');
    await advice.waitFor();
    expect(await advice.innerText()).toContain('Choleric');

    await page.getByTestId('segment-edit').click();
    await page.getByTestId('segment-temperament').click();
    await page.getByRole('option', { name: 'Melancholic' }).click();
    await page.getByTestId('segment-activity').click();
    await page.getByRole('option', { name: 'Passive' }).click();
    await page.getByTestId('segment-note').fill('Asked the same thing three times');
    await shoot(page, 'card-segment-form-1280');
    await page.getByTestId('segment-save').click();

    await page.getByTestId('segment-changed').waitFor();
    const text = await advice.innerText();
    expect(text).toContain('Melancholic');
    expect(text).toContain('Passive');
    expect(text).not.toContain('Choleric');
    expect(await page.getByTestId('segment-changed').innerText()).toMatch(/Recorded by .+/);
    await shoot(page, 'card-segment-saved-1280');
    const { rows } = await pool.query(`SELECT temperament_to, activity_to, note FROM subscriber_segment_change WHERE subscriber_id = $1`, [s.id]);
    expect(rows).toEqual([{ temperament_to: 'melancholic', activity_to: 'passive', note: 'Asked the same thing three times' }]);
  });
});
