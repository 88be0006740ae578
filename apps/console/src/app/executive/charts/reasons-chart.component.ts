import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
import { alpha, CHART, clickedElement, provideReportCharts } from './chart-theme';

/** One reason: subscribers lost in the period and its norm for the same period (threshold × base × months). */
export interface ReasonBar {
  code: string;
  label: string;
  managed: boolean;
  subscribers: number;
  norm: number;
}

type Mixed = 'bar' | 'line';

/** Churn per reason, managed in blue and unmanaged in amber, with a tick across at the reason’s norm (in the text’s tone, so it shows in both themes). */
@Component({
  selector: 'rc-reasons-chart',
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
export class ReasonsChartComponent {
  private readonly i18n = inject(I18nService);

  readonly bars = input.required<readonly ReasonBar[]>();
  readonly pick = output<ReasonBar>();

  protected readonly height = computed(() => 80 + this.bars().length * 28);

  protected readonly data = computed<ChartData<Mixed, (number | null)[], string>>(() => {
    const bars = this.bars();
    const common = { stack: 'lost', borderRadius: 3, barPercentage: 0.8, categoryPercentage: 0.9, maxBarThickness: 18 };
    return {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          type: 'bar' as const,
          label: this.i18n.t('chart.managed'),
          data: bars.map((b) => (b.managed ? b.subscribers : null)),
          backgroundColor: alpha(CHART.managed, 0.85),
          hoverBackgroundColor: CHART.managed,
          order: 2,
          ...common,
        },
        {
          type: 'bar' as const,
          label: this.i18n.t('chart.unmanaged'),
          data: bars.map((b) => (b.managed ? null : b.subscribers)),
          backgroundColor: alpha(CHART.unmanaged, 0.85),
          hoverBackgroundColor: CHART.unmanaged,
          order: 2,
          ...common,
        },
        {
          type: 'line' as const,
          label: this.i18n.t('chart.norm'),
          data: bars.map((b) => Math.round(b.norm * 10) / 10),
          indexAxis: 'y' as const,
          showLine: false,
          pointStyle: 'line',
          pointRadius: 9,
          pointHoverRadius: 11,
          pointRotation: 90,
          pointBorderWidth: 2.5,
          borderColor: CHART.plan,
          backgroundColor: CHART.plan,
          order: 1,
        },
      ],
    };
  });

  protected readonly options = computed<ChartOptions<Mixed>>(() => {
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
          filter: (item) => item.raw !== null,
          callbacks: { label: (ctx) => `${ctx.dataset.label}: ${i18n.number(ctx.parsed.x, '1.0-1')}` },
        },
      },
      scales: {
        y: {
          stacked: true,
          grid: { display: false },
          ticks: { font: CHART.font, color: CHART.text, autoSkip: false },
        },
        x: {
          stacked: true,
          beginAtZero: true,
          position: 'bottom',
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
