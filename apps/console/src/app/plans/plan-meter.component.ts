import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService, TranslatePipe } from '../core/i18n';
import { ReportFormat } from '../executive/data/report-format';

/**
 * Disconnections so far against the plan's maximum: a bar filled to the actual, a tick at the month-end
 * forecast. Green while the forecast stays within the plan, amber when it is on course to exceed it, red once
 * the actual already has.
 */
@Component({
  selector: 'rc-plan-meter',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-meter__numbers">
      <span class="rc-meter__actual">{{ i18n.number(actual(), '1.0-0') }}</span>
      @if (max() !== null) {
        <span class="rc-meter__of">{{ 'plan.ofMax' | t: { max: i18n.number(max() ?? 0, '1.0-0') } }}</span>
      }
      @if (share() !== null) {
        <span class="rc-meter__share">{{ fmt.percent(share() ?? 0, '1.0-0') }}</span>
      }
    </div>
    <div class="rc-meter__track" role="img" [attr.aria-label]="label()">
      <div class="rc-meter__fill" [style.width.%]="fillPercent()"></div>
      @if (forecastPercent() !== null) {
        <div class="rc-meter__forecast" [style.left.%]="forecastPercent()"></div>
      }
      @if ((max() ?? 0) > 0 && scale() > (max() ?? 0)) {
        <div class="rc-meter__limit" [style.left.%]="limitPercent()"></div>
      }
    </div>
    <div class="rc-meter__forecast-text">{{ 'plan.forecast' | t: { value: i18n.number(forecast(), '1.0-0') } }}</div>
  `,
  styleUrl: './plan-meter.component.scss',
  host: { class: 'rc-meter', '[class]': '"rc-meter rc-meter--" + tone()' },
})
export class PlanMeterComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);

  readonly actual = input.required<number>();
  readonly max = input<number | null>(null);
  readonly forecast = input.required<number>();

  protected readonly share = computed(() => {
    const m = this.max();
    return m ? this.actual() / m : null;
  });
  /** The track spans the plan, or the forecast when that goes beyond it (then a tick marks the plan). */
  protected readonly scale = computed(() => Math.max(this.max() ?? 0, this.forecast(), this.actual(), 1));
  protected readonly fillPercent = computed(() => Math.min(100, (this.actual() / this.scale()) * 100));
  protected readonly forecastPercent = computed(() =>
    this.forecast() > this.actual() ? Math.min(100, (this.forecast() / this.scale()) * 100) : null,
  );
  protected readonly limitPercent = computed(() => ((this.max() ?? 0) / this.scale()) * 100);
  protected readonly tone = computed(() => {
    const m = this.max();
    if (m === null) return 'none';
    if (this.actual() > m) return 'over';
    if (this.forecast() > m) return 'risk';
    return 'ok';
  });
  protected readonly label = computed(() => {
    const m = this.max();
    return `${this.i18n.number(this.actual(), '1.0-0')}${m === null ? '' : ` / ${this.i18n.number(m, '1.0-0')}`}`;
  });
}
