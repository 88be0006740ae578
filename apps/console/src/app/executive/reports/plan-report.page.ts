import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { PlanVsActualRow } from '@retention/contracts';
import { I18nService, TranslatePipe } from '../../core/i18n';
import { type PlanPick, PlanChartComponent } from '../charts/plan-chart.component';
import { ReportDrill } from '../drill/report-drill';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { planShare, planTotals, sum } from '../data/report-views';
import { ReportsApi } from '../data/reports.api';
import { type SortState, sortRows } from '../data/sort';
import { ChartCardComponent } from '../ui/chart-card.component';
import { DrillLegendComponent, type LegendRow } from '../ui/drill-legend.component';
import { ReportHeaderComponent } from '../ui/report-header.component';
import { ReportLegends } from '../ui/report-legends';

interface PlanLine extends PlanVsActualRow {
  serviceName: string;
  managedShare: number | null;
  unmanagedShare: number | null;
}

/** Report 3: plan against actual per service and month; non-payment beside it, not in it. */
@Component({
  selector: 'rc-plan-report-page',
  imports: [
    MatIconModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe,
    ReportHeaderComponent,
    ChartCardComponent,
    DrillLegendComponent,
    PlanChartComponent,
  ],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-report.page.html',
  styleUrl: './report-page.scss',
})
export class PlanReportPage {
  private readonly api = inject(ReportsApi);
  private readonly drill = inject(ReportDrill);
  private readonly lookups = inject(ReportLookups);
  private readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);
  protected readonly legends = inject(ReportLegends);
  protected readonly state = inject(ReportQueryState);

  protected readonly period = this.state.period;
  protected readonly periodLabel = computed(() => this.fmt.period(this.period().from, this.period().to));
  protected readonly report = reportResource(this.period, (p) => this.api.planVsActual(p));

  protected readonly bars = computed(() => {
    const r = this.report.value();
    return r ? planTotals(r, (s) => this.lookups.serviceName(s)) : [];
  });
  protected readonly legendRows = computed(() => this.legends.planRows(this.bars()));

  protected readonly columns = [
    'month',
    'service',
    'managedMax',
    'actualManaged',
    'managedShare',
    'unmanagedMax',
    'actualUnmanaged',
    'unmanagedShare',
    'actualNonPayment',
    'targetSaveRate',
    'actualSaveRate',
  ];
  protected readonly sort = signal<SortState>({ active: '', direction: '' });

  protected readonly lines = computed<PlanLine[]>(() => {
    const rows = (this.report.value()?.rows ?? []).map((r) => ({
      ...r,
      serviceName: this.lookups.serviceName(r.service),
      managedShare: planShare(r.actualManaged, r.managedMax),
      unmanagedShare: planShare(r.actualUnmanaged, r.unmanagedMax),
    }));
    return sortRows(rows, this.sort(), (row, col) => (col === 'service' ? row.serviceName : (row[col as keyof PlanLine] as number | string | null)), this.i18n.language());
  });

  /** Totals of the table; a plan total only when every row has a plan. */
  protected readonly totals = computed(() => {
    const rows = this.report.value()?.rows ?? [];
    const planned = rows.length > 0 && rows.every((r) => r.managedMax !== null);
    const managedMax = planned ? sum(rows.map((r) => r.managedMax ?? 0)) : null;
    const unmanagedMax = planned ? sum(rows.map((r) => r.unmanagedMax ?? 0)) : null;
    const actualManaged = sum(rows.map((r) => r.actualManaged));
    const actualUnmanaged = sum(rows.map((r) => r.actualUnmanaged));
    return {
      managedMax,
      unmanagedMax,
      actualManaged,
      actualUnmanaged,
      actualNonPayment: sum(rows.map((r) => r.actualNonPayment)),
      managedShare: planShare(actualManaged, managedMax),
      unmanagedShare: planShare(actualUnmanaged, unmanagedMax),
    };
  });
  protected readonly hasAnyPlan = computed(() => (this.report.value()?.rows ?? []).some((r) => r.managedMax !== null));

  protected onSort(s: Sort): void {
    this.sort.set({ active: s.active, direction: s.direction });
  }

  protected drillPick(pick: PlanPick): void {
    this.drill.plan(pick, this.period());
  }
  protected drillLegend(row: LegendRow): void {
    const bar = this.bars().find((b) => b.service === row.id);
    if (bar) this.drill.plan({ bar, churnType: null }, this.period());
  }
  protected drillLine(line: PlanLine, churnType: 'managed' | 'unmanaged' | null = null): void {
    const bar = { service: line.service, label: `${line.serviceName}, ${this.fmt.month(line.month)}`, managed: 0, unmanaged: 0, plan: null };
    this.drill.plan({ bar, churnType }, this.period(), line.month);
  }
  protected drillAll(): void {
    this.drill.churnType(null, this.period());
  }
}
