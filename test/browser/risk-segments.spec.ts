import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';

/** A manager reads churn by risk segment, each against the best of its split, and opens one segment's leavers. */
describe('risk segments', () => {
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

  it('five splits with their best segment, fitting 1280x720, and a segment drills into its leavers', async () => {
    await signIn(page, 'manager');
    await page.getByTestId('nav-risk-segments').click();
    await page.waitForURL(/\/executive\/risk-segments/);
    await page.getByTestId('risk-segments').waitFor();
    // The last 12 months: enough leavers in every split of the demo operator.
    await page.getByTestId('report-range-12').click();
    await page.getByTestId('segments-contract').getByRole('button').first().waitFor();
    for (const d of ['contract', 'spend', 'tenure', 'region', 'service']) {
      const card = page.getByTestId(`segments-${d}`);
      expect(await card.getByRole('button').count()).toBeGreaterThan(0);
      expect(await card.textContent()).toMatch(/best/);
    }
    expect(await page.getByTestId('segments-contract').textContent()).toContain('Month-to-month');
    // The page fits the screen: no horizontal scroll, and the five splits end above the fold.
    const fit = await page.evaluate(() => {
      const last = document.querySelector('[data-testid="segments-service"]')?.getBoundingClientRect();
      return { wide: document.documentElement.scrollWidth, bottom: Math.max(
        document.querySelector('[data-testid="segments-region"]')?.getBoundingClientRect().bottom ?? 0, last?.bottom ?? 0) };
    });
    expect(fit.wide).toBeLessThanOrEqual(1280);
    // No split's table is wider than its card.
    const overflowing = await page.locator('.rc-segments__card').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('data-testid')));
    expect(overflowing).toEqual([]);
    expect(fit.bottom).toBeLessThanOrEqual(720);
    await shoot(page, 'manager-risk-segments');

    const m2m = page.getByTestId('segment-contract-month_to_month');
    const left = Number((await m2m.getByTestId('segment-left').textContent())?.replace(/\D/g, ''));
    await m2m.click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('Month-to-month');
    await panel.locator('tr.mat-mdc-row').first().waitFor();
    // As many leavers as the row says the segment lost.
    expect(Number((await page.getByTestId('drill-count').textContent())?.replace(/\D/g, ''))).toBe(left);
    await shoot(page, 'manager-risk-segment-drill');
  });

  it('reads in Russian', async () => {
    await page.addInitScript(() => localStorage.setItem('rc.language', 'ru'));
    await signIn(page, 'executive');
    await page.goto('/executive/risk-segments?span=12');
    await page.getByTestId('segments-tenure').getByRole('button').first().waitFor();
    expect(await page.getByTestId('risk-segments').textContent()).toContain('Тип договора');
    const overflowing = await page.locator('.rc-segments__card').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('data-testid')));
    expect(overflowing).toEqual([]);
    await shoot(page, 'executive-risk-segments-ru');
  });
});
