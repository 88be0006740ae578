import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, shoot, signIn } from '@retention/test-support';

/** The dark theme: follows the system until the user picks, the pick is kept per user, and it stays accessible. */
describe('light and dark theme', () => {
  const web = browserSuite();
  let page: Page;

  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('mat-sidenav-content, .mat-drawer-content, body') as Element).backgroundColor);
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };

  async function settle(): Promise<void> {
    await page.locator('h1').first().waitFor();
    await page.locator('mat-progress-bar').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
  }

  it('follows a dark system setting; an operator switches to light, which is kept for them after a reload', async () => {
    page = await web.newPage({ colorScheme: 'dark' });
    await signIn(page, 'operator');
    await page.goto('/operator/desk');
    await settle();
    expect(luminance(await background())).toBeLessThan(0.3);
    expect(await page.getByTestId('theme-switch').getAttribute('aria-pressed')).toBe('true');
    await shoot(page, 'theme-desk-dark');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('theme-switch').click();
    await page.waitForTimeout(300);
    expect(luminance(await background())).toBeGreaterThan(0.7);
    await page.reload();
    await settle();
    expect(luminance(await background())).toBeGreaterThan(0.7);
    await shoot(page, 'theme-desk-light');
  });

  it('an executive picks dark on a light system: the dashboard, its charts and tiles in the dark theme, with no serious violation', async () => {
    page = await web.newPage({ colorScheme: 'light' });
    await signIn(page, 'executive');
    await page.goto('/executive/dashboard');
    await settle();
    expect(luminance(await background())).toBeGreaterThan(0.7);
    await shoot(page, 'theme-dashboard-light');
    await page.getByTestId('theme-switch').click();
    await page.waitForTimeout(800);
    expect(luminance(await background())).toBeLessThan(0.3);
    await shoot(page, 'theme-dashboard-dark');
    expect(await axeViolations(page)).toEqual([]);
    // The charts below the tiles, in the dark theme's text and grid colours.
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const dir = process.env['SCREENSHOT_DIR'];
    if (dir) await page.screenshot({ path: `${dir}/theme-dashboard-dark-charts.png` });
    // Another user on the same machine still follows the system.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rc.theme')))).toEqual(['rc.theme:executive']);
  });
});
