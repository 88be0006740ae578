import { LifetimeRating } from '@retention/contracts';
import { addDays, daysInYearMonth, formatCalendarDate, parseCalendarDate } from '../time/months';

/** Subscriber tenure and lifetime (docs/methodology.md, "Lifetime ratings and value"). */

/**
 * New subscribers are those connected less than this many months ago (docs/methodology.md, "Lifetime ratings and
 * value"; configurable: NEW_SUBSCRIBER_MONTHS in README.md).
 */
export const DEFAULT_NEW_SUBSCRIBER_MONTHS = 6;

/**
 * Whole calendar months completed between connection and `asOf` (dates as 'YYYY-MM-DD' or Date in UTC).
 *
 * A month is complete when the connection's day-of-month is reached again, or, if the later month is shorter,
 * on its last day: 2024-01-31 → 2024-02-29 is 1 month, 2024-01-31 → 2024-02-28 is 0, 2024-01-15 → 2024-02-14
 * is 0 and → 2024-02-15 is 1. An `asOf` before the connection date gives 0 (not yet connected), not a negative.
 */
export function tenureMonths(connectedOn: string | Date, asOf: string | Date): number {
  const from = parseCalendarDate(connectedOn);
  const to = parseCalendarDate(asOf);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  const anniversaryDay = Math.min(from.day, daysInYearMonth(to.year, to.month));
  if (to.day < anniversaryDay) {
    months--;
  }
  return Math.max(months, 0);
}

/**
 * Lifetime rating (docs/methodology.md, "Lifetime ratings and value"). Said loosely, under 6 months is poor,
 * 6–12 fair, 12–18 good, over 18 excellent; those ranges share their ends, so each band here includes its lower
 * end and excludes its upper end:
 *
 *   months < 6          poor
 *   6 ≤ months < 12     fair
 *   12 ≤ months < 18    good
 *   months ≥ 18         excellent   (18 counts: 18 months and more is the optimum)
 *
 * Fractional months are allowed (an average lifetime of 5.9 months is poor). Throws RangeError if negative.
 */
export function lifetimeRating(months: number): LifetimeRating {
  if (!Number.isFinite(months) || months < 0) {
    throw new RangeError(`Lifetime in months must be a finite number >= 0, got ${months}`);
  }
  return LIFETIME_RATING_FROM.find((b) => months >= b.months)?.rating ?? LifetimeRating.Poor;
}

/** Where each rating starts, in whole or fractional months, best first (lifetimeRating; SQL derives its bands from it). */
export const LIFETIME_RATING_FROM: readonly { rating: LifetimeRating; months: number }[] = [
  { rating: LifetimeRating.Excellent, months: 18 },
  { rating: LifetimeRating.Good, months: 12 },
  { rating: LifetimeRating.Fair, months: 6 },
  { rating: LifetimeRating.Poor, months: 0 },
];

/** True when the subscriber has completed fewer than `thresholdMonths` whole months by `asOf`. */
export function isNewSubscriber(
  connectedOn: string | Date,
  asOf: string | Date,
  thresholdMonths = DEFAULT_NEW_SUBSCRIBER_MONTHS,
): boolean {
  if (!Number.isFinite(thresholdMonths) || thresholdMonths < 0) {
    throw new RangeError(`thresholdMonths must be a finite number >= 0, got ${thresholdMonths}`);
  }
  return tenureMonths(connectedOn, asOf) < thresholdMonths;
}

/**
 * The earliest connection date that is still new on `asOf`, so that a statement can compare dates:
 * isNewSubscriber(c, asOf, m) holds exactly when c >= newSubscriberSince(asOf, m) (tenure only shrinks as the
 * connection date moves later). Null when no date is new (a threshold of 0). The rule stays isNewSubscriber's: the
 * answer is the first day it calls new, a few days after the connection date `ceil(m)` months before `asOf`
 * (`asOf` 2026-11-15, 6 months: 2026-05-16; `asOf` 2024-02-29, 1 month: 2024-02-01, as January's 29th to 31st
 * complete their month on February's last day).
 */
export function newSubscriberSince(asOf: string | Date, thresholdMonths = DEFAULT_NEW_SUBSCRIBER_MONTHS): string | null {
  if (!isNewSubscriber(asOf, asOf, thresholdMonths)) return null;
  const to = parseCalendarDate(asOf);
  const back = to.year * 12 + (to.month - 1) - Math.ceil(thresholdMonths);
  const year = Math.floor(back / 12);
  const month = (back % 12) + 1;
  // Connected on this day (asOf's day, or that month's last), the subscriber has ceil(m) whole months: not new.
  let day = formatCalendarDate({ year, month, day: Math.min(to.day, daysInYearMonth(year, month)) });
  while (!isNewSubscriber(day, asOf, thresholdMonths)) day = addDays(day, 1);
  return day;
}

/** Mean of tenures in months; null for an empty list. Throws RangeError on a negative or non-finite tenure. */
export function averageLifetimeMonths(tenures: readonly number[]): number | null {
  if (tenures.length === 0) {
    return null;
  }
  let sum = 0;
  for (const tenure of tenures) {
    if (!Number.isFinite(tenure) || tenure < 0) {
      throw new RangeError(`Tenure must be a finite number >= 0, got ${tenure}`);
    }
    sum += tenure;
  }
  return sum / tenures.length;
}
