import { addMonths, formatMonthKey, parseMonth } from '@retention/domain';

/** How many months a report covers, ending with the chosen month: this month, the last 3, the last 12. */
export type RangeSpan = 1 | 3 | 12;
export const RANGE_SPANS: readonly RangeSpan[] = [1, 3, 12];

/**
 * What every report and the dashboard are filtered by. It lives in the URL (`?month=2026-10&span=3&service=internet`),
 * so a link, Back and a reload keep the same view, and switching between reports keeps the filter.
 */
export interface ReportQuery {
  /** The last month of the period, 'YYYY-MM'. */
  month: string;
  span: RangeSpan;
  service: string | null;
  region: string | null;
}

/** What the API calls a report period. */
export interface ReportPeriod {
  from: string;
  to: string;
  service?: string;
  region?: string;
}

export interface QueryParamSource {
  get(name: string): string | null;
}

const CODE = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** The month of `now` in the user's own calendar (a manager at 00:30 on the 1st is in the new month). */
export function currentMonth(now: Date = new Date()): string {
  return formatMonthKey(now.getFullYear(), now.getMonth() + 1);
}

export function isMonthKey(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    parseMonth(value);
    return true;
  } catch {
    return false;
  }
}

export function isRangeSpan(value: unknown): value is RangeSpan {
  return RANGE_SPANS.includes(Number(value) as RangeSpan) && String(Number(value)) === String(value);
}

export function defaultQuery(now: Date = new Date()): ReportQuery {
  return { month: currentMonth(now), span: 1, service: null, region: null };
}

/** Reads the filter from the URL; anything missing or malformed falls back to the current month alone. */
export function parseReportQuery(params: QueryParamSource, now: Date = new Date()): ReportQuery {
  const month = params.get('month');
  const span = params.get('span');
  const service = params.get('service');
  const region = params.get('region');
  return {
    month: isMonthKey(month) ? month : currentMonth(now),
    span: isRangeSpan(span) ? (Number(span) as RangeSpan) : 1,
    service: service && CODE.test(service) ? service : null,
    region: region && CODE.test(region) ? region : null,
  };
}

/** The URL form of a filter; defaults are left out so that the plain address means "this month, everything". */
export function toQueryParams(q: ReportQuery, now: Date = new Date()): Record<string, string | null> {
  return {
    month: q.month === currentMonth(now) ? null : q.month,
    span: q.span === 1 ? null : String(q.span),
    service: q.service,
    region: q.region,
  };
}

/** First and last month of the period. */
export function periodOf(q: ReportQuery): ReportPeriod {
  const p: ReportPeriod = { from: addMonths(q.month, -(q.span - 1)), to: q.month };
  if (q.service) p.service = q.service;
  if (q.region) p.region = q.region;
  return p;
}

/** The period before, as long as this one: what the key figures compare with. */
export function previousPeriod(q: ReportQuery): { from: string; to: string } {
  const { from } = periodOf(q);
  return { from: addMonths(from, -q.span), to: addMonths(from, -1) };
}

/** Months offered by a month picker: the newest first, `count` of them, ending `ahead` months after `latest`. */
export function monthOptions(latest: string, count: number, ahead = 0): string[] {
  const last = addMonths(latest, ahead);
  return Array.from({ length: count }, (_, i) => addMonths(last, -i));
}
