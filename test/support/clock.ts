import { appClock } from '@retention/api-core';

/**
 * The test clock. Every suite runs on this instant (time flows on from it during the run), so the
 * demo data, the API, its SQL (`app_now()`/`app_today()`) and the browser agree whatever the real
 * date: the global setup sets CLOCK_OFFSET_MS for every process and as the test database's default
 * `app.clock_offset_ms`, and {@link newBrowserContext} installs it in the browser. TEST_NOW in the
 * environment moves the whole run to another instant (to check that nothing reads the real date).
 */
export const TEST_NOW = process.env['TEST_NOW'] || '2026-11-15T10:00:00Z';
export const TEST_TODAY = TEST_NOW.slice(0, 10);

/** Sets the offset for this process and the ones it starts (call before anything reads the clock). */
export function installTestClock(): number {
  const offset = Date.parse(TEST_NOW) - Date.now();
  process.env['CLOCK_OFFSET_MS'] = String(offset);
  return offset;
}

export { appClock };
