import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
import { ReportLookups } from '../data/report-lookups';
import { alpha, CHART, clickedElement, provideReportCharts } from './chart-theme';

/** One bar of the churn-to-competitors chart: a competitor, the unknown one, or "moved out of coverage". */
export interface CompetitorBar {
  /** The competitor's id, 'unknown' or 'moved-out'. */
  id: string;
  label: string;
  kind: 'competitor' | 'unknown' | 'moved-out';
  subscribers: number;
  revenue: number;
}

/**
 * Subscribers lost per competitor as horizontal bars, each in the competitor's own colour (the one it has in
 * every chart), every competitor named on the one axis; the monthly revenue lost is in the tooltip and the
 * table beside it.
 */
@Component({
  selector: 'rc-competitors-chart',
  imports: [BaseChartDirective],
  providers: [provideReportCharts()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-chart" [style.height.px]="height()">
      <canvas baseChart [type]="'bar'" [data]="data()" [options]="options()" (chartClick)="onClick($event.active)"></canvas>
    </div>
  `,
  styles: `.rc-chart { position: relative; min-height: 160px; }`,
})
export class CompetitorsChartComponent {
  private readonly i18n = inject(I18nService);
  private readonly lookups = inject(ReportLookups);

  readonly bars = input.required<readonly CompetitorBar[]>();
  readonly pick = output<CompetitorBar>();

  protected readonly height = computed(() => 70 + this.bars().length * 44);

  protected readonly data = computed<ChartData<'bar', number[], string>>(() => {
    const bars = this.bars();
    const colors = bars.map((b) => this.lookups.competitorColor(b.id, b.kind));
    return {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: this.i18n.t('chart.subscribers'),
          data: bars.map((b) => b.subscribers),
          backgroundColor: colors.map((c) => alpha(c, 0.85)),
          hoverBackgroundColor: colors,
          borderRadius: 3,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          maxBarThickness: 22,
        },
      ],
    };
  });

  protected readonly options = computed<ChartOptions<'bar'>>(() => {
    const i18n = this.i18n;
    i18n.language();
    return {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      interaction: { mode: 'y', intersect: false },
      onHover: (e, active) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = active.length ? 'pointer' : 'default';
      },
      plugins: {
        // The bars are named on the axis, each in its own colour: a legend would only repeat them.
        legend: { display: false },
        tooltip: {
          titleFont: CHART.font,
          bodyFont: CHART.font,
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${i18n.number(ctx.parsed.x, '1.0-0')}`,
            afterLabel: (ctx) => `${i18n.t('chart.revenueLost')}: ${i18n.money(this.bars()[ctx.dataIndex]?.revenue ?? 0)}`,
          },
        },
      },
      scales: {
        // Every competitor named, however many: the chart grows with them (height) instead of skipping labels.
        y: { grid: { display: false }, ticks: { font: CHART.font, color: CHART.text, autoSkip: false } },
        x: {
          type: 'linear',
          position: 'bottom',
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
    const bar = hit ? this.bars()[hit.index] : undefined;
    if (bar) this.pick.emit(bar);
  }
}
