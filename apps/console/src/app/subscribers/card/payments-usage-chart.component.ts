import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PaymentView, SubscriptionView, UsagePoint } from '@retention/contracts';
import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartData,
  type ChartOptions,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { I18nService } from '../../core/i18n';
import { CHART } from '../../executive/charts/chart-theme';

type MixedType = 'bar' | 'line';

const FONT = { family: 'Roboto, "Helvetica Neue", Arial, sans-serif', size: 12 };
/** Two years is what the card is for; older history belongs in reports. */
const MAX_MONTHS = 24;

const monthOf = (date: string) => date.slice(0, 7);

/** Payments per month as bars (left axis, money) and usage per service as lines (right axis, each in its unit). */
@Component({
  selector: 'rc-payments-usage-chart',
  imports: [BaseChartDirective],
  providers: [
    provideCharts({
      registerables: [BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip],
    }),
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="rc-chart"><canvas baseChart [type]="'bar'" [data]="data()" [options]="options()" data-testid="payments-usage-chart"></canvas></div>`,
  styles: `.rc-chart { position: relative; height: 300px; }`,
})
export class PaymentsUsageChartComponent {
  private readonly i18n = inject(I18nService);

  readonly payments = input.required<readonly PaymentView[]>();
  readonly usage = input.required<readonly UsagePoint[]>();
  readonly subscriptions = input<readonly SubscriptionView[]>([]);

  private readonly months = computed(() => {
    const all = new Set<string>();
    this.payments().forEach((p) => all.add(monthOf(p.paidOn)));
    this.usage().forEach((u) => all.add(monthOf(u.month)));
    return [...all].sort().slice(-MAX_MONTHS);
  });

  protected readonly data = computed<ChartData<MixedType, (number | null)[], string>>(() => {
    const months = this.months();
    const index = new Map(months.map((m, i) => [m, i]));

    const paid = months.map(() => 0);
    for (const p of this.payments()) {
      const i = index.get(monthOf(p.paidOn));
      if (i !== undefined) paid[i] += p.amount;
    }

    const serviceNames = new Map(this.subscriptions().map((s) => [s.service, this.i18n.localName(s.serviceName, s.serviceNames)]));
    const byService = new Map<string, { unit: string; values: (number | null)[] }>();
    for (const u of this.usage()) {
      const i = index.get(monthOf(u.month));
      if (i === undefined) continue;
      let series = byService.get(u.service);
      if (!series) {
        series = { unit: u.unit, values: months.map(() => null) };
        byService.set(u.service, series);
      }
      series.values[i] = (series.values[i] ?? 0) + u.amount;
    }

    const usageSets = [...byService.entries()].map(([service, s], n) => ({
      type: 'line' as const,
      label: `${this.i18n.t('card.usage')}: ${serviceNames.get(service) ?? service}, ${this.i18n.tryT(`unit.${s.unit}`, s.unit)}`,
      data: s.values,
      yAxisID: 'usage',
      borderColor: CHART.usage[n % CHART.usage.length],
      backgroundColor: CHART.usage[n % CHART.usage.length],
      borderWidth: 2,
      pointRadius: 2,
      tension: 0.3,
      spanGaps: true,
      order: 0,
    }));

    return {
      labels: months.map((m) => this.i18n.month(m)),
      datasets: [
        {
          type: 'bar' as const,
          label: this.i18n.t('card.payments'),
          data: paid,
          yAxisID: 'money',
          backgroundColor: `${CHART.payment}b3`,
          hoverBackgroundColor: CHART.payment,
          borderRadius: 3,
          maxBarThickness: 28,
          order: 1,
        },
        ...usageSets,
      ],
    };
  });

  protected readonly options = computed<ChartOptions<MixedType>>(() => {
    const i18n = this.i18n;
    i18n.language();
    const hasUsage = this.usage().length > 0;
    return {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      animation: { duration: 250 },
      font: FONT,
      color: CHART.text,
      plugins: {
        legend: { position: 'bottom', labels: { font: FONT, usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          titleFont: FONT,
          bodyFont: FONT,
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label}: ${
                ctx.dataset.yAxisID === 'money' ? i18n.money(ctx.parsed.y) : i18n.number(ctx.parsed.y, '1.0-1')
              }`,
          },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { font: FONT, maxRotation: 0, autoSkipPadding: 12 } },
        money: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: i18n.t('card.payments'), font: FONT },
          ticks: { font: FONT, callback: (v) => i18n.number(Number(v), '1.0-2') },
          grid: { color: CHART.grid },
        },
        usage: {
          type: 'linear',
          position: 'right',
          display: hasUsage,
          beginAtZero: true,
          title: { display: true, text: i18n.t('card.usage'), font: FONT },
          ticks: { font: FONT, callback: (v) => i18n.number(Number(v), '1.0-2') },
          grid: { display: false },
        },
      },
    };
  });
}
