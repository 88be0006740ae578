/**
 * Calendar helpers on month keys ('YYYY-MM') and calendar dates ('YYYY-MM-DD').
 *
 * Everything is UTC and plain arithmetic: no time zones, no locale. Dates are exchanged as
 * 'YYYY-MM-DD' strings (what a Postgres `date` column gives back); a `Date` is read by its UTC parts.
 * Years are limited to 0001..9999 so that every key is four digits; what a client may send is
 * narrower ({@link INPUT_YEARS}), so that every month or day derived from an input (a previous
 * period, a trend, the start of the next month) is still a valid key.
 *
 * This is the one date parser of the application: the API's validators (`IsMonthKey`,
 * `IsCalendarDate`, `IsInstant`) call it with {@link INPUT_YEARS}, and the code reads the values
 * they let through with it, so nothing a validator accepts can fail to parse later.
 */

/** A month key, 'YYYY-MM' (e.g. '2026-11'). */
export type MonthKey = string;

export interface YearMonth {
  year: number;
  /** 1..12 */
  month: number;
}

export interface CalendarDate extends YearMonth {
  /** 1..31 */
  day: number;
}

/** Inclusive bounds of the years a value may have. */
export interface YearRange {
  min: number;
  max: number;
}

/** Every four-digit year: what arithmetic on keys may reach. */
export const ALL_YEARS: Readonly<YearRange> = { min: 1, max: 9999 };

/**
 * The years a client may name in a month, a date or an instant (bodies, queries, paths): any
 * subscriber history or plan fits, and years like 0000 or 9999 are refused at the door.
 */
export const INPUT_YEARS: Readonly<YearRange> = { min: 1900, max: 2199 };

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 'YYYY-MM-DDTHH:MM[:SS[.fraction]]' with 'Z' or '±HH:MM': the extended calendar form only. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function checkYearMonth(year: number, month: number, input: unknown, years: YearRange = ALL_YEARS): void {
  if (month < 1 || month > 12 || year < ALL_YEARS.min || year > ALL_YEARS.max) {
    throw new RangeError(`Invalid month: ${String(input)}`);
  }
  if (year < years.min || year > years.max) {
    throw new RangeError(`Year out of range (${years.min}..${years.max}): ${String(input)}`);
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month given as numbers (month 1..12). */
export function daysInYearMonth(year: number, month: number): number {
  checkYearMonth(year, month, `${year}-${month}`);
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds a key from numbers: formatMonthKey(2026, 1) === '2026-01'. */
export function formatMonthKey(year: number, month: number): MonthKey {
  if (!Number.isInteger(year) || !Number.isInteger(month)) {
    throw new RangeError(`Invalid month: ${year}-${month}`);
  }
  checkYearMonth(year, month, `${year}-${month}`);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/**
 * Parses and validates 'YYYY-MM' with a year in `years`. Throws RangeError on anything else
 * ('2026-13', '2026-1', '2026-11-01', a year outside the range).
 */
export function parseMonth(key: string, years: YearRange = ALL_YEARS): YearMonth {
  const match = typeof key === 'string' ? MONTH_KEY.exec(key) : null;
  if (!match) {
    throw new RangeError(`Invalid month key (expected YYYY-MM): ${String(key)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  checkYearMonth(year, month, key, years);
  return { year, month };
}

/**
 * Reads a calendar date from a 'YYYY-MM-DD' string (validated against the calendar: '2025-02-29' throws;
 * ISO week, ordinal and basic forms such as '2026-W48-1', '2026-330' or '20261126' are not dates here)
 * or from a Date (its UTC parts), with a year in `years`. Throws RangeError on anything else.
 */
export function parseCalendarDate(value: string | Date, years: YearRange = ALL_YEARS): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError('Invalid date: Invalid Date');
    }
    const year = value.getUTCFullYear();
    const month = value.getUTCMonth() + 1;
    checkYearMonth(year, month, value.toISOString(), years);
    return { year, month, day: value.getUTCDate() };
  }
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkYearMonth(year, month, value, years);
  if (day < 1 || day > daysInYearMonth(year, month)) {
    throw new RangeError(`Invalid date: ${value}`);
  }
  return { year, month, day };
}

/**
 * Reads an instant written 'YYYY-MM-DDTHH:MM[:SS[.fraction]]' with 'Z' or an offset '±HH:MM'
 * (what `Date.prototype.toISOString` and most clients send) and returns it as a Date. The date
 * part goes through {@link parseCalendarDate}; the time must exist (no 24:00, no leap seconds).
 * Throws RangeError on anything else, including a time without a zone (whose meaning would
 * depend on the server's time zone).
 */
export function parseInstant(value: string, years: YearRange = ALL_YEARS): Date {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) {
    throw new RangeError(`Invalid instant (expected YYYY-MM-DDTHH:MM:SSZ or an offset like +02:00): ${String(value)}`);
  }
  const [, date, hh, mm, ss = '0', fraction = '', zone, offH = '0', offM = '0'] = match;
  const { year, month, day } = parseCalendarDate(date, years);
  const [hour, minute, second] = [Number(hh), Number(mm), Number(ss)];
  if (hour > 23 || minute > 59 || second > 59 || Number(offH) > 23 || Number(offM) > 59) {
    throw new RangeError(`Invalid time: ${value}`);
  }
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute - offsetMinutes, second, ms);
  return utc;
}

/** Formats a calendar date: formatCalendarDate({ year: 2026, month: 2, day: 1 }) === '2026-02-01'. */
export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  checkYearMonth(year, month, `${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Shifts a 'YYYY-MM-DD' date by whole days (negative goes back): addDays('2026-12-31', 1) === '2027-01-01'. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Days to add must be an integer: ${days}`);
  }
  const { year, month, day } = parseCalendarDate(date);
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, day + days);
  return formatCalendarDate(parseCalendarDate(shifted));
}

/** First day of the month: monthStart('2026-11') === '2026-11-01'. */
export function monthStart(key: MonthKey): string {
  parseMonth(key);
  return `${key}-01`;
}

/** First day of the following month, the exclusive end of the month: nextMonthStart('2026-12') === '2027-01-01'. */
export function nextMonthStart(key: MonthKey): string {
  return monthStart(addMonths(key, 1));
}

/** Days in the month of the key: daysInMonth('2024-02') === 29. */
export function daysInMonth(key: MonthKey): number {
  const { year, month } = parseMonth(key);
  return daysInYearMonth(year, month);
}

/** Shifts a month key by a whole number of months (negative goes back): addMonths('2026-11', -1) === '2026-10'. */
export function addMonths(key: MonthKey, months: number): MonthKey {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Months to add must be an integer: ${months}`);
  }
  const { year, month } = parseMonth(key);
  const index = year * 12 + (month - 1) + months;
  return formatMonthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** Number of months from `from` to `to` (negative when `to` is earlier): monthsBetween('2026-11', '2027-02') === 3. */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** All month keys from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const count = monthsBetween(from, to);
  const keys: MonthKey[] = [];
  for (let i = 0; i <= count; i++) {
    keys.push(addMonths(from, i));
  }
  return keys;
}

/** Month key of a date: monthKeyOf('2026-11-30') === '2026-11'; a Date is read in UTC. */
export function monthKeyOf(date: string | Date): MonthKey {
  const { year, month } = parseCalendarDate(date);
  return formatMonthKey(year, month);
}
