import type { Page } from 'playwright-core';
import { browserSuite, shoot, signIn } from '@retention/test-support';

/** One colour per competitor in every chart and legend; the churn-to-competitors chart names each one. */
describe('chart colours', () => {
  const web = browserSuite();
  let page: Page;
  async function open(colorScheme: 'light' | 'dark'): Promise<void> {
    page = await web.newPage({ colorScheme });
  }

  /** WCAG contrast ratio of two rgb() colours. */
  function contrast(a: string, b: string): number {
    const lum = (rgb: string) => {
      const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

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
    await open('light');
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

  it('in the dark theme, draws every competitor 3:1 against the chart card, in other colours than the light theme', async () => {
    await open('light');
    await signIn(page, 'executive');
    await page.goto('/executive/reports/competitors?span=12');
    await page.locator('[data-testid="competitor-bar-row"][data-chart="trend"]').first().waitFor();
    const light = (await swatches(page))['competitors'] ?? {};

    await open('dark');
    await signIn(page, 'executive');
    await page.goto('/executive/reports/competitors?span=12');
    await page.locator('[data-testid="competitor-bar-row"][data-chart="trend"]').first().waitFor();
    await page.waitForTimeout(500);
    const dark = await swatches(page);
    // The background the swatches (and the charts beside them) sit on: the first ancestor that paints one.
    const background = await page.locator('[data-testid="competitor-bar-row"] .rc-legend__swatch').first().evaluate((el) => {
      for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && bg !== 'transparent' && !bg.endsWith(', 0)')) return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    });
    const weak: string[] = [];
    for (const [chart, byId] of Object.entries(dark)) {
      for (const [id, colour] of Object.entries(byId)) if (contrast(colour, background) < 3) weak.push(`${chart} ${id} ${colour} on ${background}`);
    }
    expect(weak).toEqual([]);
    const ids = Object.keys(dark['competitors'] ?? {}).filter((id) => id in light);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(dark['competitors'][id]).not.toBe(light[id]);
    await shoot(page, 'competitors-report-colours-dark-1280');
  });
});
