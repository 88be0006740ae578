import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
import { alpha, CHART, clickedElement, provideReportCharts } from './chart-theme';

/** One service over the period: disconnections managed and unmanaged against the plan's maximum (if any). */
export interface PlanBar {
  service: string;
  label: string;
  managed: number;
  unmanaged: number;
  plan: number | null;
}

export interface PlanPick {
  bar: PlanBar;
  churnType: 'managed' | 'unmanaged' | null;
}

type Mixed = 'bar' | 'line';

/** Actual disconnections per service, managed and unmanaged stacked, with a bar across at the plan (in the text’s tone). */
@Component({
  selector: 'rc-plan-chart',
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
export class PlanChartComponent {
  private readonly i18n = inject(I18nService);

  readonly bars = input.required<readonly PlanBar[]>();
  readonly height = input(300);
  readonly pick = output<PlanPick>();

  protected readonly data = computed<ChartData<Mixed, (number | null)[], string>>(() => {
    const bars = this.bars();
    const common = { stack: 'actual', borderRadius: 2, maxBarThickness: 56 };
    return {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          type: 'bar' as const,
          label: this.i18n.t('chart.managed'),
          data: bars.map((b) => b.managed),
          backgroundColor: alpha(CHART.managed, 0.85),
          hoverBackgroundColor: CHART.managed,
          order: 2,
          ...common,
        },
        {
          type: 'bar' as const,
          label: this.i18n.t('chart.unmanaged'),
          data: bars.map((b) => b.unmanaged),
          backgroundColor: alpha(CHART.unmanaged, 0.85),
          hoverBackgroundColor: CHART.unmanaged,
          order: 2,
          ...common,
        },
        {
          type: 'line' as const,
          label: this.i18n.t('chart.plan'),
          data: bars.map((b) => b.plan),
          showLine: false,
          pointStyle: 'line',
          pointRadius: 26,
          pointHoverRadius: 28,
          pointBorderWidth: 3,
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
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      interaction: { mode: 'nearest', intersect: true },
      onHover: (e, active) => {
        const target = e.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = active.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { font: CHART.font, color: CHART.text, usePointStyle: true, boxHeight: 8 },
        },
        tooltip: {
          mode: 'index',
          intersect: false,
          titleFont: CHART.font,
          bodyFont: CHART.font,
          filter: (item) => item.raw !== null,
          callbacks: { label: (ctx) => `${ctx.dataset.label}: ${i18n.number(ctx.parsed.y, '1.0-0')}` },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font: CHART.font, color: CHART.text } },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: i18n.t('chart.disconnections'), font: CHART.font, color: CHART.text },
          ticks: { font: CHART.font, color: CHART.text, precision: 0, callback: (v) => i18n.number(Number(v), '1.0-0') },
          grid: { color: CHART.grid },
        },
      },
    };
  });

  protected onClick(active: unknown): void {
    const hit = clickedElement(active);
    const bar = hit ? this.bars()[hit.index] : undefined;
    if (!bar || !hit) return;
    this.pick.emit({ bar, churnType: hit.datasetIndex === 0 ? 'managed' : hit.datasetIndex === 1 ? 'unmanaged' : null });
  }
}
