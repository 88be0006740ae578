/**
 * Calendar helpers on month keys ('YYYY-MM') and calendar dates ('YYYY-MM-DD').
 *
 * Everything is UTC and plain arithmetic: no time zones, no locale. Dates are exchanged as
 * 'YYYY-MM-DD' strings (what a Postgres `date` column gives back); a `Date` is read by its UTC parts.
 * Years are limited to 0001..9999 so that every key is four digits.
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

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function checkYearMonth(year: number, month: number, input: unknown): void {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
    throw new RangeError(`Invalid month: ${String(input)}`);
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

/** Parses and validates 'YYYY-MM'. Throws RangeError on anything else ('2026-13', '2026-1', '2026-11-01'). */
export function parseMonth(key: string): YearMonth {
  const match = typeof key === 'string' ? MONTH_KEY.exec(key) : null;
  if (!match) {
    throw new RangeError(`Invalid month key (expected YYYY-MM): ${String(key)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  checkYearMonth(year, month, key);
  return { year, month };
}

/**
 * Reads a calendar date from a 'YYYY-MM-DD' string (validated against the calendar: '2025-02-29' throws)
 * or from a Date (its UTC parts). Throws RangeError on anything else.
 */
export function parseCalendarDate(value: string | Date): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError('Invalid date: Invalid Date');
    }
    const year = value.getUTCFullYear();
    const month = value.getUTCMonth() + 1;
    checkYearMonth(year, month, value.toISOString());
    return { year, month, day: value.getUTCDate() };
  }
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkYearMonth(year, month, value);
  if (day < 1 || day > daysInYearMonth(year, month)) {
    throw new RangeError(`Invalid date: ${value}`);
  }
  return { year, month, day };
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
