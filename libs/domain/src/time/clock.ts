/**
 * The application's notion of "now": real time, optionally shifted by a fixed offset. Production
 * runs with offset 0; the test suites shift every process (API, demo generator, PostgreSQL
 * sessions, browser) by the same offset so that they all live on one fixed test date.
 */
export interface Clock {
  /** Milliseconds since 1970 (like Date.now()). */
  nowMs(): number;
  now(): Date;
  /** Today's calendar date in UTC, 'YYYY-MM-DD'. */
  today(): string;
}

export function shiftedClock(offsetMs = 0): Clock {
  if (!Number.isSafeInteger(offsetMs)) throw new RangeError(`clock offset must be whole milliseconds, got ${offsetMs}`);
  const nowMs = () => Date.now() + offsetMs;
  return {
    nowMs,
    now: () => new Date(nowMs()),
    today: () => new Date(nowMs()).toISOString().slice(0, 10),
  };
}
