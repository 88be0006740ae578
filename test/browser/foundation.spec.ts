import { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, eventually, launchBrowser, newBrowserContext, shoot, signIn, TEST_TODAY } from '@retention/test-support';
import { Pool } from 'pg';

describe('console: each role signs in and finds its home', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('refuses a wrong password with a message', async () => {
    await page.goto(`${BASE_URL()}/`);
    await page.getByTestId('sign-in-username').fill('operator');
    await page.getByTestId('sign-in-password').fill('wrong');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toMatch(/wrong|incorrect|invalid/i);
  });

  it.each([
    ['operator', 'Operator', ['nav-subscribers'], ['nav-users']],
    ['manager', 'Retention manager', ['nav-subscribers'], ['nav-users', 'nav-regions']],
    ['executive', 'Executive', ['nav-subscribers'], ['nav-users', 'nav-tariffs']],
    ['admin', 'Administrator', ['nav-users', 'nav-regions', 'nav-tariffs', 'nav-competitors'], []],
  ])('%s signs in and sees only what the role may use', async (username, role, visible, hidden) => {
    await signIn(page, username);
    expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).toBe(TEST_TODAY);
    expect(await page.getByTestId('user-role').textContent()).toContain(role);
    for (const id of visible) expect(await page.getByTestId(id).isVisible()).toBe(true);
    for (const id of hidden) expect(await page.getByTestId(id).count()).toBe(0);
    await shoot(page, `home-${username}`);
  });

  it('an operator finds a subscriber by phone and opens the card', async () => {
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    const { rows } = await pool.query(
      `SELECT account_number, full_name, phone FROM subscriber WHERE status = 'active' ORDER BY account_number LIMIT 1 OFFSET 5`,
    );
    await pool.end();
    const s = rows[0];
    await signIn(page, 'operator');
    await page.goto(`${BASE_URL()}/subscribers`);
    await page.getByTestId('subscriber-search').fill(s.phone.replace(/\D/g, '').slice(-7));
    const row = page.locator(`[data-testid="subscriber-row"][data-account="${s.account_number}"]`);
    await row.waitFor();
    await shoot(page, 'search');
    await row.click();
    await page.getByTestId('subscriber-card-header').waitFor();
    expect(await page.getByTestId('card-account').textContent()).toContain(s.account_number);
    expect(await page.getByTestId('card-name').textContent()).toContain(s.full_name);
    await page.locator('canvas').first().waitFor();
    await shoot(page, 'card');
  });

  it('signing out ends the session on the server: its token is refused afterwards', async () => {
    await signIn(page, 'executive');
    const token: string = await page.evaluate(() => JSON.parse(sessionStorage.getItem('rc.session') ?? '{}').accessToken);
    const me = async () => (await fetch(`${BASE_URL()}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
    expect(await me()).toBe(200);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-username').waitFor();
    await eventually(me, (status) => expect(status).toBe(401));
  });

  it('the built console: hashed files are cached for good, index.html is revalidated', async () => {
    const index = await fetch(`${BASE_URL()}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+-[A-Z0-9]{8}\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.some((a) => /^main-/.test(a))).toBe(true);
    expect(assets.some((a) => /^styles-/.test(a))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${BASE_URL()}/${asset}`);
      expect({ asset, status: res.status, cacheControl: res.headers.get('cache-control') })
        .toEqual({ asset, status: 200, cacheControl: 'public, max-age=31536000, immutable' });
    }
    const api = await fetch(`${BASE_URL()}/api/health`);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('switches the language to Ukrainian and back', async () => {
    await signIn(page, 'operator');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-uk').click();
    await page.waitForFunction(() => document.documentElement.lang === 'uk');
    expect(await page.getByTestId('nav-subscribers').textContent()).toMatch(/Абонент/);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });
});
