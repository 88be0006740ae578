import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../../core/i18n';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import type { CompetitorBar } from '../charts/competitors-chart.component';
import { CompetitorsChartComponent } from '../charts/competitors-chart.component';
import { type PlanPick, PlanChartComponent } from '../charts/plan-chart.component';
import { type ReasonBar, ReasonsChartComponent } from '../charts/reasons-chart.component';
import { type TrendPick, TrendChartComponent } from '../charts/trend-chart.component';
import { ReportDrill } from '../drill/report-drill';
import { FIGURE_KEYS, type FigureKey, orderedFigures } from '../data/key-figures';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { periodCaption } from '../data/report-period';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { competitorBars, planTotals, reasonBars, trendSeries } from '../data/report-views';
import { ReportsApi } from '../data/reports.api';
import { ChartCardComponent } from '../ui/chart-card.component';
import { DrillLegendComponent, type LegendRow } from '../ui/drill-legend.component';
import { KpiTileComponent } from '../ui/kpi-tile.component';
import { ReportFilterComponent } from '../ui/report-filter.component';
import { ReportLegends } from '../ui/report-legends';

/** How many reasons the dashboard shows; the report lists them all. */
const TOP_REASONS = 10;

/**
 * The executive's month at a glance: the key figures against the previous period, where subscribers went, why,
 * and how churn stands against the plan. Every tile, bar and legend row opens the list behind it.
 */
@Component({
  selector: 'rc-dashboard-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    RouterLink,
    TranslatePipe,
    PageHeaderComponent,
    ReportFilterComponent,
    KpiTileComponent,
    ChartCardComponent,
    DrillLegendComponent,
    CompetitorsChartComponent,
    TrendChartComponent,
    ReasonsChartComponent,
    PlanChartComponent,
  ],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly api = inject(ReportsApi);
  private readonly drill = inject(ReportDrill);
  private readonly lookups = inject(ReportLookups);
  protected readonly fmt = inject(ReportFormat);
  protected readonly legends = inject(ReportLegends);
  protected readonly state = inject(ReportQueryState);

  protected readonly period = this.state.period;
  protected readonly figures = reportResource(this.period, (p) => this.api.keyFigures(p));
  /** The period as the key figures counted it: its months, or month to date against the same days before. */
  protected readonly caption = computed(() => {
    const r = this.figures.value();
    return r ? periodCaption(r, this.fmt) : null;
  });
  protected readonly periodLabel = computed(() => {
    const p = this.period();
    return this.caption()?.current ?? this.fmt.period(p.from, p.to);
  });

  protected readonly competitors = reportResource(this.period, (p) => this.api.competitors(p));
  protected readonly reasons = reportResource(this.period, (p) => this.api.reasons(p));
  protected readonly plan = reportResource(this.period, (p) => this.api.planVsActual(p));


  protected readonly tiles = computed(() => orderedFigures(this.figures.value()?.figures ?? []));
  protected readonly placeholders = Array.from({ length: FIGURE_KEYS.length }, (_, i) => i);

  /** The competitors report with their names in the console language. */
  private readonly namedCompetitors = computed(() => {
    const r = this.competitors.value();
    return r ? this.fmt.competitorsInLanguage(r) : undefined;
  });

  protected readonly competitorBars = computed(() => {
    const r = this.namedCompetitors();
    return r ? competitorBars(r, this.fmt.t('chart.unknownCompetitor'), this.fmt.t('chart.movedOut')) : [];
  });
  protected readonly competitorRows = computed(() =>
    this.legends.competitorRows(this.competitorBars(), this.competitors.value()?.total.subscribers ?? 0),
  );
  protected readonly competitorTotal = computed(() => {
    const r = this.namedCompetitors();
    return r ? this.legends.competitorTotal(r) : null;
  });

  protected readonly trendData = computed(() => {
    // The report's trend always covers the 12 months up to the chosen month, whatever the range.
    const r = this.namedCompetitors();
    return r ? trendSeries(r, this.fmt.t('chart.unknownCompetitor')) : { months: [], series: [] };
  });
  protected readonly trendRows = computed(() => this.legends.trendRows(this.trendData().series, this.trendData().months));
  protected readonly trendPeriodOfYear = computed(() => {
    const m = this.trendData().months;
    return m.length ? { from: m[0], to: m[m.length - 1] } : null;
  });

  protected readonly reasonBars = computed(() => {
    const r = this.reasons.value();
    return r ? reasonBars(r, (c) => this.lookups.reasonTitle(c), TOP_REASONS) : [];
  });
  protected readonly reasonRows = computed(() => this.legends.reasonRows(this.reasonBars()));

  protected readonly planBars = computed(() => {
    const r = this.plan.value();
    return r ? planTotals(r, (s) => this.lookups.serviceName(s)) : [];
  });
  protected readonly planRows = computed(() => this.legends.planRows(this.planBars()));

  protected drillFigure(key: FigureKey): void {
    this.drill.figure(key, this.period());
  }
  protected drillCompetitor(bar: CompetitorBar | LegendRow): void {
    if (bar.id === 'total') {
      this.drill.allCompetitors(this.period());
      return;
    }
    this.drill.competitor(bar, this.period());
  }
  protected drillTrend(pick: TrendPick): void {
    this.drill.trend(pick, this.period());
  }
  protected drillTrendRow(row: LegendRow): void {
    const p = this.trendPeriodOfYear();
    if (!p) return;
    this.drill.competitor({ id: row.id, label: row.label }, { ...this.period(), ...p });
  }
  protected drillReason(bar: ReasonBar | LegendRow): void {
    this.drill.reason({ code: 'code' in bar ? bar.code : bar.id, label: bar.label }, this.period());
  }
  protected drillPlan(pick: PlanPick): void {
    this.drill.plan(pick, this.period());
  }
  protected drillPlanRow(row: LegendRow): void {
    const bar = this.planBars().find((b) => b.service === row.id);
    if (bar) this.drill.plan({ bar, churnType: null }, this.period());
  }
}
