import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { baseLifetimeMonths, CHURN_KINDS, type ChurnKind, type MonthKey, monthsBetween, monthStart, nextMonthStart } from '@retention/domain';
import { DataSource } from 'typeorm';
import { baseEventsSql, revenueRowsSql, sourceDays } from './churn-facts.sql';

/** How the base's members end, as baseEventsSql has them: the kinds of ending a subscriber has. */
const LEAVING_KINDS = CHURN_KINDS;

/**
 * `dates` ('YYYY-MM-DD') bound one parameter each (`d(i)`), and the latest of them (`before`): the planner sees
 * each as a value. Behind an expression over one array it guessed a third of a table for `before` (and read the
 * whole of an index for the part months), and every row evaluated the array's subscripts in every column.
 */
function bindDates(dates: readonly string[]): { params: unknown[]; d: (i: number) => string; before: string } {
  const params: unknown[] = [...dates, dates.reduce((a, b) => (b > a ? b : a))];
  return { params, d: (i) => `$${i + 1}::date`, before: `$${dates.length + 1}::date` };
}

/** The base's flows over a period (docs/methodology.md, "Churn rate"). */
export interface BaseFlows {
  /** Who left in the period, by kind of ending... */
  left: Record<ChurnKind, number>;
  /** ...and of them, those who were there at its start. */
  leftFromStart: Record<ChurnKind, number>;
  /** Who joined in the period. */
  joined: number;
  /** The days from connection to leaving of its real leavers (voluntary and non-payment). */
  leaverTenureDays: number;
}

/** A slice of the base: subscribers, or with a service its subscriptions; in one region when given. */
export interface BaseSlice {
  service?: string;
  region?: string;
}

/**
 * The base's expected lifetime from its flows over a period (docs/methodology.md, "Lifetime"): one
 * definition for LTV, the economic effect of a reason and an operator's discount authority.
 */
export function lifetimeOf(atStart: number, flows: BaseFlows, months: number): number {
  return baseLifetimeMonths({ lostFromStart: flows.leftFromStart.voluntary + flows.leftFromStart.non_payment, atStart, months });
}

/**
 * The base and its recurring revenue read from the roll-ups (base_flow, revenue_flow): the one
 * reading that reports, plans and requests share.
 */
@Injectable()
export class BaseFlowsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The base at each of `dates` and its flows over each period (a pair of indexes into `dates`, start
   * and end), in one pass over the roll-ups (baseEventsSql; in a month holding a date other than its
   * first day the days before it are read day by day): subscribers, or with a service its subscriptions; in the region
   * when one is given (docs/methodology.md, "Churn rate").
   */
  async baseFigures(dates: string[], periods: [number, number][], f: BaseSlice): Promise<{ at: number[]; periods: BaseFlows[] }> {
    const { params, d, before } = bindDates(dates);
    const events = baseEventsSql(f, before, params, sourceDays(dates));
    const real = `kind IN ('voluntary', 'non_payment')`;
    // The column of the grouped events (below) saying they joined before period `p`'s start.
    const joinedBefore = (p: number) => `before_${p}`;
    const columns = [
      ...dates.map((_, i) => `sum(CASE WHEN kind IS NULL THEN n ELSE -n END) FILTER (WHERE on_day < ${d(i)})`),
      ...periods.flatMap(([a, b], p) => {
        const inPeriod = `on_day >= ${d(a)} AND on_day < ${d(b)}`;
        return [
          ...LEAVING_KINDS.flatMap((k) => [
            `sum(n) FILTER (WHERE kind = '${k}' AND ${inPeriod})`,
            `sum(n) FILTER (WHERE kind = '${k}' AND ${inPeriod} AND ${joinedBefore(p)})`,
          ]),
          `sum(n) FILTER (WHERE kind IS NULL AND ${inPeriod})`,
          `sum(tenure_days) FILTER (WHERE ${real} AND ${inPeriod})`,
        ];
      }),
    ];
    // The events summed first per day, kind and whether they joined before each period (all the columns above
    // ask of them): some hundreds of groups instead of 45,000 rows under the forty-odd conditions.
    const flags = periods.map((_, p) => joinedBefore(p));
    const grouped = `SELECT on_day, kind, ${[...periods.map(([a], p) => `since < ${d(a)} AS ${flags[p]}`), 'sum(n) AS n', 'sum(tenure_days) AS tenure_days'].join(', ')}
                       FROM (${events}) e GROUP BY ${['on_day', 'kind', ...flags].join(', ')}`;
    const [row] = await this.db.query(`SELECT ARRAY[${columns.map((c) => `COALESCE(${c}, 0)::float8`).join(', ')}] AS v FROM (${grouped}) e`, params);
    const v: number[] = row.v;
    const width = LEAVING_KINDS.length * 2 + 2;
    return {
      at: v.slice(0, dates.length),
      periods: periods.map((_, p) => {
        const x = v.slice(dates.length + p * width, dates.length + (p + 1) * width);
        const by = (i: number) => Object.fromEntries(LEAVING_KINDS.map((k, j) => [k, x[2 * j + i]])) as Record<(typeof LEAVING_KINDS)[number], number>;
        return { left: by(0), leftFromStart: by(1), joined: x[width - 2], leaverTenureDays: x[width - 1] };
      }),
    };
  }

  /**
   * Monthly recurring revenue at each of `dates` (the subscriptions running that day), and for each
   * period (a pair of indexes into `dates`) the MRR gained: what the subscribers who joined in it pay at
   * its end. One pass over revenueRowsSql: the MRR from the changes per month of mrr_flow (a few thousand rows),
   * the MRR gained from the revenue_flow rows of those who joined in the periods alone (read whole for the four
   * dates of the key figures, revenue_flow's 307,473 rows at a million subscribers took most of their time beside
   * their headline statement); in a month holding a date other than its first day the days before it are read
   * day by day, once for both.
   */
  async revenue(dates: string[], periods: [number, number][], f: BaseSlice): Promise<{ mrr: number[]; newMrr: number[] }> {
    const { params, d, before } = bindDates(dates);
    const [from, to] = periods.length
      ? [`LEAST(${periods.map(([a]) => d(a)).join(', ')})`, `GREATEST(${periods.map(([, b]) => d(b)).join(', ')})`]
      : [before, before];
    const rows = revenueRowsSql(f, before, params, sourceDays(dates), from, to);
    const runningAt = (i: number) => `r.started < ${d(i)} AND (r.ended IS NULL OR r.ended >= ${d(i)})`;
    const columns = [
      ...dates.map((_, i) => `sum(r.fee) FILTER (WHERE r.part <> 'gained' AND ${runningAt(i)})`),
      ...periods.map(([a, b]) => `sum(r.fee) FILTER (WHERE r.part <> 'mrr' AND r.joined >= ${d(a)} AND r.joined < ${d(b)} AND ${runningAt(b)})`),
    ];
    const [row] = await this.db.query(`SELECT ARRAY[${columns.map((c) => `COALESCE(${c}, 0)::float8`).join(', ')}] AS v FROM (${rows}) r`, params);
    const v: number[] = row.v;
    return { mrr: v.slice(0, dates.length), newMrr: v.slice(dates.length) };
  }

  /** The base's expected lifetime over whole months `from`–`to`, in the region and for the service when given. */
  async expectedLifetime(from: MonthKey, to: MonthKey, f: BaseSlice = {}): Promise<number> {
    const base = await this.baseFigures([monthStart(from), nextMonthStart(to)], [[0, 1]], f);
    return lifetimeOf(base.at[0], base.periods[0], monthsBetween(from, to) + 1);
  }
}
