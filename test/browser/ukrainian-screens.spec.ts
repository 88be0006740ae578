import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiCall, apiToken, browserSuite, shoot, signIn } from '@retention/test-support';

/**
 * Every screen of each role in Ukrainian (the longest words of the three languages) at 1280×720: the screens are
 * the role's side navigation, plus the subscriber card. None may scroll sideways or clip a button, a chip, a tab
 * or a field's label; each is saved to SCREENSHOT_DIR for people to look at.
 */
describe('every screen in Ukrainian at 1280×720', () => {
  const web = browserSuite();
  const agent = `uk.agent.${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    // Demo sales agents cannot sign in (no password): the test adds one of its own.
    const admin = await apiToken('admin');
    const created = await apiCall(admin, 'POST', '/api/users', { username: agent, displayName: 'Тарас Агент', role: 'sales_agent', password: 'agent-password' });
    expect(created.status).toBe(201);
  });

  async function settle(page: Page): Promise<void> {
    await page.locator('h1').first().waitFor();
    // The desk keeps an event stream open, so "network idle" never comes: wait for the loading bars to go.
    await page.locator('mat-progress-bar').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(800);
  }

  /** What overflows sideways or is cut: each as "what: text (scroll/client px)". */
  function overflows(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found: string[] = [];
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
      const root = document.scrollingElement ?? document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) found.push(`page scrolls sideways (${root.scrollWidth}/${root.clientWidth})`);
      // The main containers: the content beside the navigation, the page's header, panels and cards. A box wider
      // than its container counts only when it shows (not Material's invisible touch targets and focus rings).
      const invisible = '.mat-mdc-button-touch-target, .mat-focus-indicator, .mat-ripple, .mdc-button__ripple, .cdk-visually-hidden';
      for (const el of Array.from(document.querySelectorAll('mat-sidenav-content, main, .rc-page-header, .rc-panel, mat-card, mat-toolbar'))) {
        if (!visible(el) || el.scrollWidth <= el.clientWidth + 1) continue;
        const right = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth;
        const out = Array.from(el.querySelectorAll('*')).filter(
          (c) => !c.matches(invisible) && !c.closest('.rc-table-scroll, .mat-mdc-tab-header, .cdk-overlay-container') && visible(c) && c.getBoundingClientRect().right > right + 1,
        );
        // The innermost ones say what sticks out.
        const innermost = out.filter((c) => !out.some((d) => d !== c && c.contains(d)));
        if (innermost.length) found.push(`container ${describe(el).slice(0, 60)} overflows by ${el.scrollWidth - el.clientWidth}px: ${innermost.slice(0, 3).map(describe).join('; ')}`);
      }
      // Labels cut short: buttons, chips, tabs, toggles, form-field labels and the navigation's entries whose text is
      // wider than their box.
      const labels =
        '.mdc-button__label, .mat-mdc-button-toggle-label-content, .mdc-tab__text-label, .mdc-evolution-chip__text-label, .rc-chip, mat-label, .mdc-floating-label, .mat-mdc-select-value-text, .mdc-list-item__primary-text';
      for (const el of Array.from(document.querySelectorAll(labels))) {
        if (visible(el) && el.scrollWidth > el.clientWidth + 1) found.push(`clipped ${describe(el)} (${el.scrollWidth}/${el.clientWidth})`);
      }
      return found;
    });
  }

  const ROLES = ['operator', 'manager', 'executive', 'admin', 'sales agent'] as const;
  for (const role of ROLES) {
    it(`${role}: every screen fits without sideways scrolling or clipped labels`, async () => {
      const page = web.page;
      await page.addInitScript(() => localStorage.setItem('rc.language', 'uk'));
      await signIn(page, role === 'sales agent' ? agent : role, role === 'sales agent' ? 'agent-password' : undefined);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
      const paths = await page.locator('mat-sidenav a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') as string));
      expect(paths.length).toBeGreaterThan(0);
      if (paths.includes('/subscribers')) paths.push('card');

      const problems: Record<string, string[]> = {};
      for (const path of paths) {
        if (path === 'card') {
          await page.goto('/subscribers');
          await settle(page);
          await page.locator('[data-testid="subscriber-row"], a[href^="/subscribers/"]').first().click();
          await page.waitForURL(/\/subscribers\/.+/);
        } else {
          await page.goto(path);
        }
        await settle(page);
        const name = `uk-${role.replace(' ', '-')}-${path === 'card' ? 'subscriber-card' : path.replace(/^\//, '').replace(/[/?=&]+/g, '-')}`;
        await shoot(page, name);
        const found = await overflows(page);
        if (found.length) problems[name] = found;
      }
      expect(problems).toEqual({});
    });
  }
});
