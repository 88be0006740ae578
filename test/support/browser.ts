import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { Pool } from 'pg';
import { appClock } from '@retention/api-core';

export const BASE_URL = () => process.env['BASE_URL'] as string;

/** Debian's Chromium, headless, with the flags a closed network needs (Playwright gives it a fresh profile). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context on the test clock (the browser's Date runs from the same instant as the API's). */
export async function newBrowserContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  nowMs = appClock().nowMs(),
): Promise<BrowserContext> {
  // Reduced motion: Material then opens dialogs and closes snack bars at once, so a test never types into a dialog
  // whose opening animation is about to move the focus to its first field, nor finds a leaving snack bar.
  const context = await browser.newContext({ locale: 'en-GB', baseURL: BASE_URL(), reducedMotion: 'reduce', ...options });
  await context.clock.install({ time: nowMs });
  return context;
}

export async function signIn(page: Page, username: string, password = username): Promise<void> {
  await page.goto(`${BASE_URL()}/`);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/** The call-centre monitor every browser test starts on unless it asks for another size. */
export const DESK_VIEWPORT = { width: 1280, height: 720 } as const;

/** What a browser spec works with: set by the hooks `browserSuite` registers, read inside the tests. */
export interface BrowserSuite {
  readonly browser: Browser;
  /** This test's context (1280×720 on the test clock unless the suite asked otherwise), closed after it. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** A connection pool on the test database, for planting data (only with `{ pool: true }`). */
  readonly pool: Pool;
  /** Another context and page for this test (e.g. a second user at another desk), closed with the test's own. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The setup every browser spec repeats, once: call it in a `describe` and it launches Chromium for the file,
 * opens a fresh context and page per test (closing it, and any further ones, after the test) and, when asked,
 * a small pool on the test database. `signIn(s.page, 'operator')` then signs a role in.
 */
export function browserSuite(options: { pool?: boolean; context?: BrowserContextOptions } = {}): BrowserSuite {
  let browser: Browser | undefined;
  let pool: Pool | undefined;
  let contexts: BrowserContext[] = [];
  let page: Page | undefined;
  const contextOptions: BrowserContextOptions = { viewport: DESK_VIEWPORT, ...options.context };
  const open = async (extra: BrowserContextOptions = {}): Promise<Page> => {
    const context = await newBrowserContext(need(browser, 'browser'), { ...contextOptions, ...extra });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    if (options.pool) pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await browser?.close();
  });
  beforeEach(async () => {
    page = await open();
  });
  afterEach(async () => {
    const closing = contexts;
    contexts = [];
    await Promise.all(closing.map((c) => c.close()));
  });

  return {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(contexts[0], 'context');
    },
    get page() {
      return need(page, 'page');
    },
    get pool() {
      return need(pool, 'pool (ask browserSuite for { pool: true })');
    },
    newPage: open,
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`No ${what} here: use it inside a test of a describe that called browserSuite()`);
  return value;
}

/** A bearer token for a demo user (whose password is their user name unless given). */
export async function apiToken(username: string, password = username): Promise<string> {
  const res = await fetch(`${BASE_URL()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`Sign-in of ${username} answered ${res.status}`);
  return (await res.json()).accessToken;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of many shapes, read field by field by the tests
export type ApiJson = any;

/** One API call with a token, as the console makes it: the status and the JSON body (null for 204). */
export async function apiCall(token: string, method: string, path: string, body?: object): Promise<{ status: number; body: ApiJson }> {
  const res = await fetch(`${BASE_URL()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** Screenshots for people to look at, when SCREENSHOT_DIR is set. */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env['SCREENSHOT_DIR'];
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Retry `read` until `check` passes (or time runs out, then the last failure is thrown). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** One accessibility problem axe-core found: its rule, impact, help text and the first offending elements (selector and HTML). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (node_modules/axe-core, injected into the page) on the page as it stands, and returns the
 * violations of at least the given impact (serious and critical by default), WCAG 2.x A and AA rules and
 * axe's best practices.
 */
export async function axeViolations(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated, not a <script> tag: the console's Content-Security-Policy allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`) }));
  });
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}
