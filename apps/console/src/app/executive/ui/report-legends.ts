import { inject, Injectable } from '@angular/core';
import type { ChurnToCompetitorsReport } from '@retention/contracts';
import { CHART } from '../charts/chart-theme';
import type { CompetitorBar } from '../charts/competitors-chart.component';
import type { ReasonBar } from '../charts/reasons-chart.component';
import type { TrendSeries } from '../charts/trend-chart.component';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { type PlanServiceTotal, planShare, sum } from '../data/report-views';
import type { LegendColumn, LegendRow } from './drill-legend.component';

/**
 * `data-competitor-id` is a competitor's real id, so that a test can look the competitor up; the rows without one
 * ("not named", "moved out of coverage") say what they are in `data-kind` instead.
 */
function competitorAttrs(id: string, kind: string, chart: string): Record<string, string> {
  return kind === 'competitor' ? { 'data-competitor-id': id, 'data-chart': chart } : { 'data-kind': kind, 'data-chart': chart };
}

/** The tables beside the charts, built from the same rows the charts draw. */
@Injectable({ providedIn: 'root' })
export class ReportLegends {
  private readonly fmt = inject(ReportFormat);
  private readonly lookups = inject(ReportLookups);

  competitorColumns(): LegendColumn[] {
    return [
      { label: this.fmt.t('chart.subscribers'), numeric: true },
      { label: this.fmt.t('chart.share'), numeric: true },
      { label: this.fmt.t('chart.revenueLost'), numeric: true },
    ];
  }

  competitorRows(bars: readonly CompetitorBar[], total: number): LegendRow[] {
    return bars.map((b) => ({
      id: b.id,
      label: b.label,
      swatch: this.lookups.competitorColor(b.id, b.kind),
      cells: [
        this.fmt.number(b.subscribers, '1.0-0'),
        b.kind === 'moved-out' || !total ? '' : this.fmt.percent(b.subscribers / total, '1.1-1'),
        this.fmt.money(b.revenue),
      ],
      testId: 'competitor-bar-row',
      attrs: competitorAttrs(b.id, b.kind, 'competitors'),
      muted: b.kind === 'moved-out',
    }));
  }

  competitorTotal(report: ChurnToCompetitorsReport): LegendRow {
    return {
      id: 'total',
      label: this.fmt.t('chart.totalToCompetitors'),
      cells: [this.fmt.number(report.total.subscribers, '1.0-0'), '', this.fmt.money(report.total.monthlyRevenue)],
      testId: 'competitor-total-row',
    };
  }

  trendRows(series: readonly TrendSeries[], months: readonly string[]): LegendRow[] {
    const last = months.length - 1;
    return series.map((s) => ({
      id: s.id,
      label: s.label,
      swatch: this.lookups.competitorColor(s.id, s.kind),
      cells: [this.fmt.number(s.values[last] ?? 0, '1.0-0'), this.fmt.number(sum(s.values), '1.0-0')],
      // The same kind of row as beside the competitors chart: a competitor that drills (here over 12 months).
      testId: 'competitor-bar-row',
      attrs: competitorAttrs(s.id, s.kind, 'trend'),
    }));
  }

  trendColumns(months: readonly string[]): LegendColumn[] {
    const last = months[months.length - 1];
    return [
      { label: last ? this.fmt.month(last) : '', numeric: true },
      { label: this.fmt.t('chart.twelveMonths'), numeric: true },
    ];
  }

  reasonColumns(): LegendColumn[] {
    return [
      { label: this.fmt.t('chart.subscribers'), numeric: true },
      { label: this.fmt.t('chart.norm'), numeric: true },
    ];
  }

  reasonRows(bars: readonly ReasonBar[]): LegendRow[] {
    return bars.map((b) => ({
      id: b.code,
      label: b.label,
      swatch: b.managed ? CHART.managed : CHART.unmanaged,
      cells: [this.fmt.number(b.subscribers, '1.0-0'), this.fmt.number(b.norm, '1.0-1')],
      testId: 'reason-bar-row',
      attrs: { 'data-reason-code': b.code },
    }));
  }

  planColumns(): LegendColumn[] {
    return [
      { label: this.fmt.t('chart.actual'), numeric: true },
      { label: this.fmt.t('chart.plan'), numeric: true },
      { label: this.fmt.t('chart.ofPlan'), numeric: true },
      { label: this.fmt.t('chart.nonPayment'), numeric: true },
    ];
  }

  planRows(totals: readonly PlanServiceTotal[]): LegendRow[] {
    return totals.map((t) => {
      const actual = t.managed + t.unmanaged;
      const share = planShare(actual, t.plan);
      return {
        id: t.service,
        label: t.label,
        cells: [
          this.fmt.number(actual, '1.0-0'),
          t.plan === null ? this.fmt.t('chart.noPlan') : this.fmt.number(t.plan, '1.0-0'),
          share === null ? '' : this.fmt.percent(share, '1.0-0'),
          this.fmt.number(t.nonPayment, '1.0-0'),
        ],
        testId: 'plan-bar-row',
        attrs: { 'data-service': t.service },
      };
    });
  }
}
