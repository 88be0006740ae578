import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { CompetitorChurnRow } from '@retention/contracts';
import { I18nService, MoneyPipe, TranslatePipe } from '../../core/i18n';
import { type CompetitorBar, CompetitorsChartComponent } from '../charts/competitors-chart.component';
import { type TrendPick, TrendChartComponent } from '../charts/trend-chart.component';
import { ReportDrill } from '../drill/report-drill';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { competitorBars, MOVED_OUT_ID, trendSeries, UNKNOWN_ID } from '../data/report-views';
import { ReportsApi } from '../data/reports.api';
import { type SortState, sortRows } from '../data/sort';
import { ChartCardComponent } from '../ui/chart-card.component';
import { DrillLegendComponent, type LegendRow } from '../ui/drill-legend.component';
import { ReportHeaderComponent } from '../ui/report-header.component';
import { ReportLegends } from '../ui/report-legends';

interface CompetitorLine {
  id: string;
  name: string;
  kind: 'competitor' | 'unknown' | 'moved-out';
  subscribers: number;
  share: number | null;
  revenue: number;
  services: string;
  regions: string;
  reasons: string;
}

/** Report 1: subscribers and monthly revenue lost to each competitor, by service, region and reason, with the trend. */
@Component({
  selector: 'rc-competitors-report-page',
  imports: [
    MatIconModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe,
    MoneyPipe,
    ReportHeaderComponent,
    ChartCardComponent,
    DrillLegendComponent,
    CompetitorsChartComponent,
    TrendChartComponent,
  ],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './competitors-report.page.html',
  styleUrl: './report-page.scss',
})
export class CompetitorsReportPage {
  private readonly api = inject(ReportsApi);
  private readonly drill = inject(ReportDrill);
  private readonly lookups = inject(ReportLookups);
  private readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);
  protected readonly legends = inject(ReportLegends);
  protected readonly state = inject(ReportQueryState);

  protected readonly period = this.state.period;
  protected readonly periodLabel = computed(() => this.fmt.period(this.period().from, this.period().to));
  protected readonly report = reportResource(this.period, (p) => this.api.competitors(p));

  /** The report with competitor names in the console language. */
  private readonly named = computed(() => {
    const r = this.report.value();
    return r ? this.fmt.competitorsInLanguage(r) : undefined;
  });

  protected readonly bars = computed(() => {
    const r = this.named();
    return r ? competitorBars(r, this.fmt.t('chart.unknownCompetitor'), this.fmt.t('chart.movedOut')) : [];
  });
  protected readonly legendRows = computed(() => this.legends.competitorRows(this.bars(), this.report.value()?.total.subscribers ?? 0));
  protected readonly legendTotal = computed(() => {
    const r = this.named();
    return r ? this.legends.competitorTotal(r) : null;
  });
  protected readonly trend = computed(() => {
    const r = this.named();
    return r ? trendSeries(r, this.fmt.t('chart.unknownCompetitor')) : { months: [], series: [] };
  });
  protected readonly trendRows = computed(() => this.legends.trendRows(this.trend().series, this.trend().months));

  protected readonly columns = ['name', 'subscribers', 'share', 'revenue', 'services', 'regions', 'reasons'];

  /** Competitor × reason × service × region, the largest first (the export has them all). */
  protected readonly cellsShown = 25;
  protected readonly cellColumns = ['competitor', 'reason', 'service', 'region', 'subscribers', 'revenue'];
  protected readonly cells = computed(() => {
    const r = this.named();
    if (!r) return [];
    const names = new Map(r.rows.map((x) => [x.competitorId, x.competitor]));
    return r.cells.slice(0, this.cellsShown).map((c) => ({
      competitor: c.competitorId === null ? this.fmt.t('chart.unknownCompetitor') : (names.get(c.competitorId) ?? c.competitorId),
      reason: this.lookups.reasonTitle(c.reasonCode),
      service: this.lookups.serviceName(c.service),
      region: this.lookups.regionName(c.region),
      subscribers: c.subscribers,
      monthlyRevenue: c.monthlyRevenue,
    }));
  });
  protected readonly sort = signal<SortState>({ active: 'subscribers', direction: 'desc' });

  private line(r: CompetitorChurnRow, total: number): CompetitorLine {
    const top = <T extends { subscribers: number }>(xs: readonly T[], name: (x: T) => string) =>
      xs
        .slice(0, 3)
        .map((x) => `${name(x)} ${this.fmt.number(x.subscribers, '1.0-0')}`)
        .join(' · ');
    return {
      id: r.competitorId ?? UNKNOWN_ID,
      name: r.competitorId === null ? this.fmt.t('chart.unknownCompetitor') : r.competitor,
      kind: r.competitorId === null ? 'unknown' : 'competitor',
      subscribers: r.subscribers,
      share: total ? r.subscribers / total : null,
      revenue: r.monthlyRevenue,
      services: top(r.byService, (x) => this.lookups.serviceName(x.service)),
      regions: top(r.byRegion, (x) => this.lookups.regionName(x.region)),
      reasons: top(r.topReasons, (x) => this.lookups.reasonTitle(x.reasonCode)),
    };
  }

  /** Competitors with churn in the period, sorted as asked; "moved out of coverage" stays last, outside the total. */
  protected readonly lines = computed<CompetitorLine[]>(() => {
    const r = this.named();
    if (!r) return [];
    const total = r.total.subscribers;
    const rows = r.rows.filter((x) => x.subscribers > 0 || x.monthlyRevenue > 0).map((x) => this.line(x, total));
    const sorted = sortRows(rows, this.sort(), (row, col) => row[col as keyof CompetitorLine] as string | number | null, this.i18n.language());
    if (r.movedOutOfCoverage.subscribers > 0) {
      sorted.push({
        id: MOVED_OUT_ID,
        name: this.fmt.t('chart.movedOut'),
        kind: 'moved-out',
        subscribers: r.movedOutOfCoverage.subscribers,
        share: null,
        revenue: r.movedOutOfCoverage.monthlyRevenue,
        services: '',
        regions: '',
        reasons: '',
      });
    }
    return sorted;
  });

  protected onSort(s: Sort): void {
    this.sort.set({ active: s.active, direction: s.direction });
  }

  protected drillBar(bar: CompetitorBar | LegendRow | CompetitorLine): void {
    if (bar.id === 'total') {
      this.drill.allCompetitors(this.period());
      return;
    }
    this.drill.competitor({ id: bar.id, label: 'name' in bar ? bar.name : bar.label }, this.period());
  }
  protected drillTotal(): void {
    this.drill.allCompetitors(this.period());
  }
  protected drillTrend(pick: TrendPick): void {
    this.drill.trend(pick, this.period());
  }
  protected drillTrendRow(row: LegendRow): void {
    const m = this.trend().months;
    if (m.length) this.drill.competitor({ id: row.id, label: row.label }, { ...this.period(), from: m[0], to: m[m.length - 1] });
  }
}
