import { join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
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
export async function newBrowserContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', baseURL: BASE_URL(), ...options });
  await context.clock.install({ time: appClock().nowMs() });
  return context;
}

export async function signIn(page: Page, username: string, password = username): Promise<void> {
  await page.goto(`${BASE_URL()}/`);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor();
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
