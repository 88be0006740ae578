import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';

/** One colour per competitor in every chart and legend; the churn-to-competitors chart names each one. */
describe('chart colours', () => {
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

  /** Competitor id → swatch colour, per chart, read from the tables beside the charts. */
  async function swatches(p: Page): Promise<Record<string, Record<string, string>>> {
    return p.locator('[data-testid="competitor-bar-row"][data-competitor-id]').evaluateAll((rows) => {
      const out: Record<string, Record<string, string>> = {};
      for (const r of rows) {
        const chart = r.getAttribute('data-chart') ?? '';
        const swatch = r.querySelector('.rc-legend__swatch') as HTMLElement | null;
        (out[chart] ??= {})[r.getAttribute('data-competitor-id') ?? ''] = swatch ? getComputedStyle(swatch).backgroundColor : '';
      }
      return out;
    });
  }

  it('gives a competitor the same colour beside the competitors chart and the 12-month chart, and different competitors different ones', async () => {
    await signIn(page, 'executive');
    await page.goto('/executive/reports/competitors?span=12');
    await page.locator('[data-testid="competitor-bar-row"][data-chart="trend"]').first().waitFor();
    const colours = await swatches(page);
    const bars = colours['competitors'] ?? {};
    const trend = colours['trend'] ?? {};
    const both = Object.keys(bars).filter((id) => id in trend);
    expect(both.length).toBeGreaterThanOrEqual(2);
    for (const id of both) expect(trend[id]).toBe(bars[id]);
    expect(new Set(Object.values(bars)).size).toBe(Object.keys(bars).length);
    await shoot(page, 'competitors-report-colours-1280');
  });
});
