import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, signIn } from '@retention/test-support';

/**
 * Each role's main pages have no serious or critical accessibility problem as axe-core (WCAG 2.x A/AA and best
 * practices) sees them once loaded, in the light theme and in the dark one (the system's setting, which the
 * console follows until the user picks).
 */
const PAGES: Record<string, { path: string; ready: string }[]> = {
  operator: [
    { path: '/operator/desk', ready: '[data-testid="queue"], [data-testid="desk-queue"], main' },
    { path: '/subscribers', ready: 'main' },
    { path: '/operator/call-list', ready: '[data-testid="call-list"]' },
  ],
  manager: [
    { path: '/plans', ready: 'main' },
    { path: '/manager/approvals', ready: 'main' },
    { path: '/manager/requests', ready: 'main' },
    { path: '/manager/hidden-churn', ready: '[data-testid="cases-table"]' },
    { path: '/executive/dashboard', ready: 'main' },
    { path: '/executive/reports/competitors', ready: 'main' },
  ],
  executive: [
    { path: '/executive/dashboard', ready: 'main' },
    { path: '/executive/reports/reasons', ready: 'main' },
  ],
  admin: [
    { path: '/admin/users', ready: 'main' },
    { path: '/admin/regions', ready: 'main' },
    { path: '/admin/tariffs', ready: 'main' },
    { path: '/admin/competitors', ready: 'main' },
    { path: '/admin/webhooks', ready: 'main' },
  ],
};

describe('accessibility (axe-core)', () => {
  const web = browserSuite();
  let page: Page;

  async function settle(ready: string): Promise<void> {
    await page.locator(ready).first().waitFor();
    // The desk keeps an event stream open, so "network idle" never comes: wait for the loading bars to go.
    await page.locator('mat-progress-bar').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    // Data and Angular Material's animations settle before axe reads names and colours.
    await page.waitForTimeout(1000);
  }

  const cases = (['light', 'dark'] as const).flatMap((scheme) => Object.entries(PAGES).map(([role, pages]) => ({ scheme, role, pages })));
  for (const { scheme, role, pages } of cases) {
    it(`${role}, ${scheme} theme: no serious or critical violation on each main page`, async () => {
      page = await web.newPage({ colorScheme: scheme });
      await signIn(page, role);
      const found: Record<string, unknown> = {};
      for (const p of pages) {
        await page.goto(p.path);
        await settle(p.ready);
        const v = await axeViolations(page);
        if (v.length) found[p.path] = v;
        expect(await page.locator('h1').count()).toBeGreaterThanOrEqual(1);
      }
      if (role === 'operator') {
        // The subscriber card, opened from the search.
        await page.goto('/subscribers');
        await settle('main');
        const first = page.locator('[data-testid="subscriber-row"], a[href^="/subscribers/"]').first();
        await first.click();
        await page.waitForURL(/\/subscribers\/.+/);
        await settle('main');
        const v = await axeViolations(page);
        if (v.length) found['/subscribers/:id'] = v;
      }
      expect(found).toEqual({});
    });
  }
});
