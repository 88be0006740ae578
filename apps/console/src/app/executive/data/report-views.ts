import type { ChurnByReasonReport, ChurnToCompetitorsReport, PlanVsActualReport, PlanVsActualRow } from '@retention/contracts';
import type { CompetitorBar } from '../charts/competitors-chart.component';
import type { PlanBar } from '../charts/plan-chart.component';
import type { ReasonBar } from '../charts/reasons-chart.component';
import type { TrendSeries } from '../charts/trend-chart.component';

/** The id the console gives the competitor-less rows (the API sends `competitorId: null`). */
export const UNKNOWN_ID = 'unknown';
export const MOVED_OUT_ID = 'moved-out';

/**
 * Competitors with any churn, largest first, then the unknown competitor; "moved out of coverage" last, beside
 * them (it is not a competitor, but often one in disguise). Competitors with nothing in the period are left out.
 */
export function competitorBars(report: ChurnToCompetitorsReport, unknownLabel: string, movedOutLabel: string): CompetitorBar[] {
  const named = report.rows
    .filter((r) => r.competitorId !== null && (r.subscribers > 0 || r.monthlyRevenue > 0))
    .map<CompetitorBar>((r) => ({
      id: r.competitorId as string,
      label: r.competitor,
      kind: 'competitor',
      subscribers: r.subscribers,
      revenue: r.monthlyRevenue,
    }));
  const unknown = report.rows.find((r) => r.competitorId === null);
  const bars = [...named];
  if (unknown && (unknown.subscribers > 0 || unknown.monthlyRevenue > 0)) {
    bars.push({ id: UNKNOWN_ID, label: unknownLabel, kind: 'unknown', subscribers: unknown.subscribers, revenue: unknown.monthlyRevenue });
  }
  if (report.movedOutOfCoverage.subscribers > 0 || report.movedOutOfCoverage.monthlyRevenue > 0) {
    bars.push({
      id: MOVED_OUT_ID,
      label: movedOutLabel,
      kind: 'moved-out',
      subscribers: report.movedOutOfCoverage.subscribers,
      revenue: report.movedOutOfCoverage.monthlyRevenue,
    });
  }
  return bars;
}

/** The 12-month trend per competitor (and the unknown one), for a stacked chart; silent competitors are left out. */
export function trendSeries(report: ChurnToCompetitorsReport, unknownLabel: string): { months: string[]; series: TrendSeries[] } {
  const months = report.rows[0]?.trend.map((t) => t.month) ?? [];
  const series = report.rows
    .filter((r) => r.trend.some((t) => t.subscribers > 0))
    .map<TrendSeries>((r) => ({
      id: r.competitorId ?? UNKNOWN_ID,
      label: r.competitorId === null ? unknownLabel : r.competitor,
      kind: r.competitorId === null ? 'unknown' : 'competitor',
      values: months.map((m) => r.trend.find((t) => t.month === m)?.subscribers ?? 0),
    }))
    // Named competitors by their 12-month total, the unknown one on top of the stack.
    .sort((a, b) => (a.kind === b.kind ? sum(b.values) - sum(a.values) : a.kind === 'unknown' ? 1 : -1));
  return { months, series };
}

/** A reason's norm over the report's period, in subscribers: threshold × average base × months. */
export function reasonNorm(report: Pick<ChurnByReasonReport, 'averageBase' | 'months'>, threshold: number): number {
  return threshold * report.averageBase * report.months;
}

/**
 * Reasons for the chart, largest first. `limit` keeps the top ones (the dashboard shows ten); reasons with no
 * churn are left out unless they have nothing else to show.
 */
export function reasonBars(report: ChurnByReasonReport, title: (code: string) => string, limit?: number): ReasonBar[] {
  const bars = report.rows
    .filter((r) => r.subscribers > 0)
    .map<ReasonBar>((r) => ({
      code: r.reasonCode,
      label: title(r.reasonCode),
      managed: r.managed,
      subscribers: r.subscribers,
      norm: reasonNorm(report, r.threshold),
    }))
    .sort((a, b) => b.subscribers - a.subscribers || a.label.localeCompare(b.label));
  return limit ? bars.slice(0, limit) : bars;
}

export interface PlanServiceTotal extends PlanBar {
  nonPayment: number;
  managedMax: number | null;
  unmanagedMax: number | null;
}

/**
 * Plan versus actual per service over the whole period. A plan total is given only when every month of the
 * period had a plan for the service: a plan for some months against churn of all of them would mislead.
 */
export function planTotals(report: PlanVsActualReport, serviceName: (code: string) => string): PlanServiceTotal[] {
  const order: string[] = [];
  const groups = new Map<string, PlanVsActualRow[]>();
  for (const r of report.rows) {
    if (!groups.has(r.service)) {
      groups.set(r.service, []);
      order.push(r.service);
    }
    groups.get(r.service)?.push(r);
  }
  return order.map((service) => {
    const rows = groups.get(service) ?? [];
    const planned = rows.every((r) => r.managedMax !== null && r.unmanagedMax !== null);
    const managedMax = planned ? sum(rows.map((r) => r.managedMax ?? 0)) : null;
    const unmanagedMax = planned ? sum(rows.map((r) => r.unmanagedMax ?? 0)) : null;
    return {
      service,
      label: serviceName(service),
      managed: sum(rows.map((r) => r.actualManaged)),
      unmanaged: sum(rows.map((r) => r.actualUnmanaged)),
      nonPayment: sum(rows.map((r) => r.actualNonPayment)),
      managedMax,
      unmanagedMax,
      plan: managedMax === null || unmanagedMax === null ? null : managedMax + unmanagedMax,
    };
  });
}

/** Actual as a share of the plan's maximum; null without a plan (or with a zero plan, where any churn is over). */
export function planShare(actual: number, max: number | null): number | null {
  return max === null || max === 0 ? null : actual / max;
}

export function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
