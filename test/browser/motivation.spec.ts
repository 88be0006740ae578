import { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonths } from '@retention/domain';
import { appClock, eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** A manager's team statements and scheme editor with the worthless-scheme warning; an operator's own bonus from the desk. */
describe('motivation', () => {
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

  it('a manager reads the team, opens a statement, tries a worthless scheme and saves one for next month', async () => {
    await signIn(page, 'manager');
    await page.goto('/motivation');
    await page.getByTestId('motivation-team').waitFor();
    await page.getByTestId('motivation-row-operator').click();
    await page.getByTestId('statement').waitFor();
    await shoot(page, 'manager-motivation-team');

    await page.getByTestId('month-next').click();
    await page.getByRole('tab').nth(1).click();
    await page.getByTestId('scheme-perPointAbove').fill('40');
    await page.getByTestId('scheme-savedRevenueShare').fill('0');
    await page.getByTestId('scheme-preview').click();
    await page.getByTestId('scheme-warning-worthless').waitFor();
    await shoot(page, 'manager-motivation-worthless-scheme');

    await page.getByTestId('scheme-perPointAbove').fill('200');
    await page.getByTestId('scheme-savedRevenueShare').fill('30');
    await page.getByTestId('scheme-preview').click();
    await page.getByText(/large enough to matter/).waitFor();
    await page.getByTestId('scheme-save').click();
    const next = addMonths(appClock().today().slice(0, 7), 1);
    await eventually(
      async () => (await pool.query(
        `SELECT per_point_above::float8 AS per_point, saved_revenue_share::float8 AS share FROM bonus_scheme
          WHERE month = $1::date ORDER BY version DESC LIMIT 1`, [`${next}-01`])).rows[0],
      (r) => expect(r).toEqual({ per_point: 200, share: 0.3 }),
    );
    await shoot(page, 'manager-motivation-scheme-saved');
  });

  it('an operator opens their own statement from the desk', async () => {
    await signIn(page, 'operator');
    await page.getByTestId('desk-my-bonus').click();
    await page.getByTestId('statement').waitFor({ timeout: 60_000 });
    await page.getByText('My bonus').first().waitFor();
    expect(await page.getByTestId('motivation-team').count()).toBe(0);
    await shoot(page, 'operator-my-bonus');
  });
});
