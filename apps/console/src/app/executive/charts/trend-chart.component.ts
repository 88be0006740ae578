import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
import { ReportLookups } from '../data/report-lookups';
import { alpha, CHART, clickedElement, provideReportCharts } from './chart-theme';

/** One stacked series of the trend: a competitor (or the unknown one) with its subscribers per month. */
export interface TrendSeries {
  id: string;
  label: string;
  kind: 'competitor' | 'unknown';
  values: readonly number[];
}

export interface TrendPick {
  series: TrendSeries;
  month: string;
}

/** Subscribers lost to each competitor per month, stacked, over the last 12 months. */
@Component({
  selector: 'rc-trend-chart',
  imports: [BaseChartDirective],
  providers: [provideReportCharts()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-chart" [style.height.px]="height()">
      <canvas baseChart [type]="'bar'" [data]="data()" [options]="options()" (chartClick)="onClick($event.active)"></canvas>
    </div>
  `,
  styles: `.rc-chart { position: relative; }`,
})
export class TrendChartComponent {
  private readonly i18n = inject(I18nService);
  private readonly lookups = inject(ReportLookups);

  readonly months = input.required<readonly string[]>();
  readonly series = input.required<readonly TrendSeries[]>();
  readonly height = input(320);
  readonly pick = output<TrendPick>();

  protected readonly data = computed<ChartData<'bar', number[], string>>(() => {
    return {
      labels: this.months().map((m) => this.i18n.month(m)),
      datasets: this.series().map((s) => {
        const color = this.lookups.competitorColor(s.id, s.kind);
        return {
          label: s.label,
          data: [...s.values],
          backgroundColor: alpha(color, 0.85),
          hoverBackgroundColor: color,
          stack: 'lost',
          maxBarThickness: 40,
        };
      }),
    };
  });

  protected readonly options = computed<ChartOptions<'bar'>>(() => {
    const i18n = this.i18n;
    i18n.language();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      interaction: { mode: 'nearest', intersect: true },
      onHover: (e, active) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = active.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: CHART.font, color: CHART.text, usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          mode: 'index',
          intersect: false,
          titleFont: CHART.font,
          bodyFont: CHART.font,
          filter: (item) => (item.parsed.y ?? 0) > 0,
          callbacks: { label: (ctx) => `${ctx.dataset.label}: ${i18n.number(ctx.parsed.y, '1.0-0')}` },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font: CHART.font, color: CHART.text, maxRotation: 0, autoSkipPadding: 8 } },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: i18n.t('chart.subscribers'), font: CHART.font, color: CHART.text },
          ticks: { font: CHART.font, color: CHART.text, precision: 0, callback: (v) => i18n.number(Number(v), '1.0-0') },
          grid: { color: CHART.grid },
        },
      },
    };
  });

  protected onClick(active: unknown): void {
    const hit = clickedElement(active);
    const series = hit ? this.series()[hit.datasetIndex] : undefined;
    const month = hit ? this.months()[hit.index] : undefined;
    if (series && month) this.pick.emit({ series, month });
  }
}
