import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';

/** The report archive: an administrator produces a month's churn-to-competitor report; an executive views and downloads it. */
describe('report archive', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('an administrator produces a past month, then an executive views it and downloads it in Ukrainian', async () => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-report-archive').click();
    await page.waitForURL(/\/report-archive/);
    // The month before the current one, as the schedule would.
    await page.getByTestId('archive-produce').click();
    await page.locator('[data-testid^="archive-row-"]').first().waitFor();
    const row = page.locator('[data-testid^="archive-row-"]').first();
    await expect(row.locator('rc-chip').textContent()).resolves.toMatch(/Queued|Producing|Ready/);
    await page.locator('[data-testid^="archive-view-"]').first().waitFor({ timeout: 30_000 });
    await shoot(page, 'admin-report-archive');
    await context.close();

    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('rc.language', 'uk'));
    await signIn(page, 'executive');
    await page.goto('/report-archive');
    await page.locator('[data-testid^="archive-view-"]').first().click();
    await page.getByTestId('archive-view').waitFor();
    expect(await page.getByTestId('archive-view').textContent()).toContain('Відтік до конкурентів');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid^="archive-html-"]').first().click();
    expect((await download).suggestedFilename()).toMatch(/^churn-to-competitors-\d{4}-\d{2}-uk\.html$/);
    await shoot(page, 'executive-report-archive-uk');
  });
});
