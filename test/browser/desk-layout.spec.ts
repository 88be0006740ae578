import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/**
 * The desk on a call-centre monitor: at 1280×720, 1366×768 and 1920×1080, in every language, the intake words,
 * the refined words, the suggestions with their whole titles, the script and Resolve are on screen without
 * scrolling.
 */
describe('desk layout', () => {
  let browser: Browser;
  let pool: Pool;
  let requestId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
    const { rows: [s] } = await pool.query(
      `SELECT s.account_number FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number OFFSET 7 LIMIT 1`,
    );
    const base = process.env['BASE_URL'];
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'operator' }),
    });
    const auth = { Authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/disconnect-requests`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ accountNumber: s.account_number, services: ['internet'], channel: 'web', statedReason: 'Too expensive, the neighbours pay less elsewhere' }),
    });
    expect(created.status).toBe(201);
    requestId = (await created.json()).id;
    expect((await fetch(`${base}/api/disconnect-requests/${requestId}/claim`, { method: 'POST', headers: auth })).status).toBe(200);
  });
  afterAll(async () => {
    await pool.end();
    await browser.close();
  });

  async function expectOnScreen(page: Page, testId: string, whole = true, nth = 0): Promise<void> {
    const box = await page.getByTestId(testId).nth(nth).boundingBox();
    const vp = page.viewportSize() as { width: number; height: number };
    expect(box).not.toBeNull();
    const b = box as { x: number; y: number; width: number; height: number };
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(vp.width);
    // A panel need only start on screen (its top lines readable); a control must be whole.
    expect(whole ? b.y + b.height : b.y + 80).toBeLessThanOrEqual(vp.height);
  }

  const SIZES = [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ];

  it.each(SIZES)('fits $width×$height in en, ru and uk', async (viewport) => {
    const context = await newBrowserContext(browser, { viewport });
    const page = await context.newPage();
    try {
      await signIn(page, 'operator');
      for (const lang of ['en', 'ru', 'uk']) {
        await page.evaluate((l) => localStorage.setItem('rc.language', l), lang);
        await page.goto(`/operator/desk?r=${requestId}`);
        await page.getByTestId('intake-reason').waitFor();
        await page.getByTestId('stated-reason').fill('FastNet is cheaper, I am switching to them');
        await page.getByTestId('reason-suggestion').first().waitFor();
        await page.getByTestId('reason-suggestion').first().click();
        await page.getByTestId('script-questions').waitFor();

        for (const id of ['intake-reason', 'stated-reason', 'resolve-submit', 'request-header']) await expectOnScreen(page, id);
        await expectOnScreen(page, 'script-panel', false);
        const suggestions = page.getByTestId('reason-suggestion');
        for (let i = 0; i < (await suggestions.count()); i++) await expectOnScreen(page, 'reason-suggestion', true, i);
        // Whole titles: nothing cut off with an ellipsis or hidden past the box.
        const cut = await page.$$eval('[data-testid="reason-suggestion"] .rc-rp__title', (els) =>
          els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
        );
        expect(cut).toEqual([]);
        // The Resolve button keeps its label on one line.
        const submit = await page.getByTestId('resolve-submit').boundingBox();
        expect(submit?.height).toBeLessThan(48);
        // The queue's title and count are whole beside the New request button (a labelled button covered them).
        await expectOnScreen(page, 'desk-new-request');
        const add = await page.getByTestId('desk-new-request').boundingBox();
        const count = await page.getByTestId('queue-count').boundingBox();
        expect((count?.x ?? 0) + (count?.width ?? 0)).toBeLessThanOrEqual(add?.x ?? 0);
        expect(await page.locator('.rc-q__head h2').evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
        await shoot(page, `desk-${viewport.width}x${viewport.height}-${lang}`);
      }
    } finally {
      await context.close();
    }
  });
});
