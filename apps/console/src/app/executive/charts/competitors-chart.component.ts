import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
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

/** Subscribers (bottom axis) and monthly revenue lost (top axis) per competitor, as horizontal bars. */
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

  readonly bars = input.required<readonly CompetitorBar[]>();
  readonly pick = output<CompetitorBar>();

  protected readonly height = computed(() => 70 + this.bars().length * 44);

  private color(bar: CompetitorBar, base: string): string {
    return bar.kind === 'unknown' ? CHART.unknown : bar.kind === 'moved-out' ? CHART.movedOut : base;
  }

  protected readonly data = computed<ChartData<'bar', number[], string>>(() => {
    const bars = this.bars();
    return {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: this.i18n.t('chart.subscribers'),
          data: bars.map((b) => b.subscribers),
          xAxisID: 'subscribers',
          backgroundColor: bars.map((b) => alpha(this.color(b, CHART.managed), 0.85)),
          hoverBackgroundColor: bars.map((b) => this.color(b, CHART.managed)),
          borderRadius: 3,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          maxBarThickness: 16,
        },
        {
          label: this.i18n.t('chart.revenueLost'),
          data: bars.map((b) => b.revenue),
          xAxisID: 'revenue',
          backgroundColor: bars.map((b) => alpha(this.color(b, CHART.revenue), 0.45)),
          hoverBackgroundColor: bars.map((b) => alpha(this.color(b, CHART.revenue), 0.7)),
          borderRadius: 3,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          maxBarThickness: 16,
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
        legend: { position: 'bottom', labels: { font: CHART.font, color: CHART.text, usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          titleFont: CHART.font,
          bodyFont: CHART.font,
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label}: ${ctx.datasetIndex === 1 ? i18n.money(ctx.parsed.x) : i18n.number(ctx.parsed.x, '1.0-0')}`,
          },
        },
      },
      scales: {
        y: { grid: { display: false }, ticks: { font: CHART.font, color: CHART.text } },
        subscribers: {
          type: 'linear',
          position: 'bottom',
          beginAtZero: true,
          title: { display: true, text: i18n.t('chart.subscribers'), font: CHART.font, color: CHART.text },
          ticks: { font: CHART.font, color: CHART.text, precision: 0, callback: (v) => i18n.number(Number(v), '1.0-0') },
          grid: { color: CHART.grid },
        },
        revenue: {
          type: 'linear',
          position: 'top',
          beginAtZero: true,
          title: { display: true, text: i18n.t('chart.revenueLost'), font: CHART.font, color: CHART.text },
          ticks: { font: CHART.font, color: CHART.text, callback: (v) => i18n.number(Number(v), '1.0-0') },
          grid: { display: false },
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
