import { addMonths, daysInMonth, monthKeyOf, MonthKey, monthsBetween, monthStart, nextMonthStart } from './months';

/**
 * The days a report period covers (docs/methodology.md, "Month to date"). A period is whole months
 * `from`..`to`; when it reaches the month of today it stops at today (month to date), and the period it
 * is compared with stops at the same day of its own month, so that a part month is never set against a
 * whole one.
 */
export interface ReportPeriodDays {
  from: MonthKey;
  to: MonthKey;
  /** The first day, 'YYYY-MM-DD'. */
  start: string;
  /** The day after the last one (exclusive end), 'YYYY-MM-DD'. */
  end: string;
  /** The last day included when the period stops before its last month is over (month to date), else null. */
  through: string | null;
  /** Months covered: whole months, the month cut short as the share of its days included. */
  months: number;
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function cutAt(from: MonthKey, to: MonthKey, through: string | null): ReportPeriodDays {
  const whole = monthsBetween(from, to) + 1;
  if (through === null) return { from, to, start: monthStart(from), end: nextMonthStart(to), through: null, months: whole };
  const month = monthKeyOf(through);
  const days = Number(through.slice(8, 10));
  return {
    from,
    to,
    start: monthStart(from),
    end: dayAfter(through),
    through,
    months: monthsBetween(from, month) + days / daysInMonth(month),
  };
}

/**
 * A report period as of `today` ('YYYY-MM-DD'), and the one before it (as many months, ending the month
 * before `from`). A period that reaches today's month stops at today; the one before stops at the same
 * day of the month as many months earlier (its last day when that month is shorter). A period wholly in
 * the past, or wholly after today, covers its whole months.
 * On 4 November, November stops at 4 November and is compared with 1–4 October.
 */
export function reportPeriodAsOf(from: MonthKey, to: MonthKey, today: string): { current: ReportPeriodDays; previous: ReportPeriodDays } {
  const span = monthsBetween(from, to) + 1;
  if (span < 1) throw new RangeError(`A period ends after it starts: ${from} – ${to}`);
  const previous = { from: addMonths(from, -span), to: addMonths(from, -1) };
  const month = monthKeyOf(today);
  if (month < from || month > to) {
    return { current: cutAt(from, to, null), previous: cutAt(previous.from, previous.to, null) };
  }
  const before = addMonths(month, -span);
  const day = Math.min(Number(today.slice(8, 10)), daysInMonth(before));
  return {
    current: cutAt(from, to, today),
    previous: cutAt(previous.from, previous.to, `${before}-${String(day).padStart(2, '0')}`),
  };
}
