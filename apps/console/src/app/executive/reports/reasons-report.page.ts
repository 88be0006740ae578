import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ReasonChurnRow } from '@retention/contracts';
import { I18nService, MoneyPipe, TranslatePipe } from '../../core/i18n';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { type ReasonBar, ReasonsChartComponent } from '../charts/reasons-chart.component';
import { ReportDrill } from '../drill/report-drill';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { reasonBars, reasonNorm } from '../data/report-views';
import { ReportsApi } from '../data/reports.api';
import { type SortState, sortRows } from '../data/sort';
import { ChartCardComponent } from '../ui/chart-card.component';
import { ReportHeaderComponent } from '../ui/report-header.component';

interface ReasonLine extends ReasonChurnRow {
  title: string;
  groupName: string;
  norm: number;
}

/** Report 2: churn by reason, managed against unmanaged, each against its norm, with the economic effect. */
@Component({
  selector: 'rc-reasons-report-page',
  imports: [
    MatIconModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
    ReportHeaderComponent,
    ChartCardComponent,
    ReasonsChartComponent,
  ],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reasons-report.page.html',
  styleUrl: './report-page.scss',
})
export class ReasonsReportPage {
  private readonly api = inject(ReportsApi);
  private readonly drill = inject(ReportDrill);
  private readonly lookups = inject(ReportLookups);
  private readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);
  protected readonly state = inject(ReportQueryState);

  protected readonly period = this.state.period;
  protected readonly report = reportResource(this.period, (p) => this.api.reasons(p));
  protected readonly periodLabel = computed(() => {
    const r = this.report.value();
    const p = this.period();
    return r?.through ? this.fmt.t('exec.monthToDate', { days: this.fmt.days(`${p.from}-01`, r.through) }) : this.fmt.period(p.from, p.to);
  });

  protected readonly bars = computed(() => {
    const r = this.report.value();
    return r ? reasonBars(r, (c) => this.lookups.reasonTitle(c)) : [];
  });

  protected readonly columns = ['title', 'type', 'subscribers', 'revenue', 'arpu', 'rate', 'threshold', 'excess', 'effectMonthly', 'effectYearly'];
  protected readonly notFoundColumns = ['operator', 'resolved', 'notFound', 'share'];
  protected readonly sort = signal<SortState>({ active: 'effectYearly', direction: 'desc' });

  protected readonly lines = computed<ReasonLine[]>(() => {
    const r = this.report.value();
    if (!r) return [];
    const rows = r.rows.map((x) => ({
      ...x,
      title: this.lookups.reasonTitle(x.reasonCode),
      groupName: this.lookups.groupName(x.group),
      norm: reasonNorm(r, x.threshold),
    }));
    const pick = (row: ReasonLine, col: string): string | number | null => {
      switch (col) {
        case 'title':
          return row.title;
        case 'group':
          return row.groupName;
        case 'type':
          return row.managed ? 0 : 1;
        case 'revenue':
          return row.monthlyRevenue;
        case 'rate':
          return row.actualRate;
        case 'excess':
          return row.excessPerMonth;
        default:
          return row[col as keyof ReasonChurnRow] as number;
      }
    };
    // Equal effects (most are zero) fall back to the number of subscribers, largest first.
    const bySubscribers = sortRows(rows, { active: 'subscribers', direction: 'desc' }, pick);
    return sortRows(bySubscribers, this.sort(), pick, this.i18n.language());
  });

  protected onSort(s: Sort): void {
    this.sort.set({ active: s.active, direction: s.direction });
  }

  protected drillReason(bar: ReasonBar | ReasonLine): void {
    this.drill.reason({ code: 'code' in bar ? bar.code : bar.reasonCode, label: 'title' in bar ? bar.title : bar.label }, this.period());
  }
  protected drillType(type: 'managed' | 'unmanaged' | null): void {
    this.drill.churnType(type, this.period());
  }
}
