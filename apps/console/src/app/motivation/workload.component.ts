import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { WorkloadCell } from '@retention/contracts';
import { daysInMonth } from '@retention/domain';
import { switchMap } from 'rxjs';
import { errorMessageKey } from '../core/http/api-error';
import { I18nService, TranslatePipe, type TranslationKey } from '../core/i18n';
import { today } from '../plans/plan-edit';
import { LOADING, toLoadable, type Loadable } from '../shared/data-access/loadable';
import { ErrorStateComponent } from '../shared/ui/error-state.component';
import { MotivationApi } from './motivation.api';

type Measure = 'perOperator' | 'load' | 'operatorsOnDuty';
const MEASURES: readonly Measure[] = ['perOperator', 'load', 'operatorsOnDuty'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The month's days asked of the API: the whole month, or up to today while it runs. */
export function workloadPeriod(month: string, todayIso: string): { from: string; to: string } {
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return { from: `${month}-01`, to: todayIso.slice(0, 7) === month && todayIso < last ? todayIso : last };
}

/**
 * Workload for a manager: requests that came in and call-backs that fell due per weekday and hour
 * (UTC), against the operators on duty then, as a heatmap; the darker a cell, the heavier the hour.
 * Per operator on duty is the default, so an hour with much work and few people stands out.
 */
@Component({
  selector: 'rc-workload',
  imports: [MatButtonToggleModule, MatProgressBarModule, TranslatePipe, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-wl__bar">
      <mat-button-toggle-group [value]="measure()" (change)="measure.set($event.value)" hideSingleSelectionIndicator data-testid="workload-measure">
        @for (m of measures; track m) {
          <mat-button-toggle [value]="m" [attr.data-testid]="'workload-measure-' + m">{{ measureKey(m) | t }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      <span class="rc-muted">{{ 'workload.hint' | t: { from: i18n.date(period().from), to: i18n.date(period().to) } }}</span>
    </div>
    @let w = workload();
    @if (w.status === 'error') {
      <rc-error-state [heading]="'workload.loadError' | t" [detail]="errorMessageKey(w.error) | t" />
    } @else if (w.status === 'loading') {
      <mat-progress-bar mode="indeterminate" />
    } @else {
      <table class="rc-wl" data-testid="workload-heatmap">
        <thead>
          <tr><th></th>@for (h of hours; track h) { <th class="rc-wl__hour">{{ h }}</th> }</tr>
        </thead>
        <tbody>
          @for (d of days; track d) {
            <tr>
              <th class="rc-wl__day">{{ dayKey(d) | t }}</th>
              @for (h of hours; track h) {
                @let c = cell(d, h);
                <td
                  class="rc-wl__cell"
                  [style.background]="shade(c)"
                  [class.rc-wl__cell--dark]="intensity(c) > 0.55"
                  [class.rc-wl__cell--nobody]="c && c.requests + c.callbacks > 0 && c.operatorsOnDuty === 0"
                  [title]="tooltip(d, h, c)"
                  [attr.data-testid]="'workload-' + d + '-' + h"
                >{{ label(c) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
      <p class="rc-muted rc-wl__legend">{{ 'workload.legend' | t }}</p>
    }
  `,
  styles: `
    .rc-wl__bar { display: flex; gap: 16px; align-items: center; margin: 12px 0 8px; flex-wrap: wrap; }
    .rc-wl { border-collapse: separate; border-spacing: 2px; width: 100%; table-layout: fixed; font-variant-numeric: tabular-nums; }
    .rc-wl th { font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .rc-wl__day { width: 40px; text-align: left; }
    .rc-wl__cell { height: 38px; text-align: center; font: var(--mat-sys-label-small); border-radius: 3px; color: var(--mat-sys-on-surface); }
    .rc-wl__cell--dark { color: #fff; }
    .rc-wl__cell--nobody { outline: 2px solid var(--mat-sys-error); outline-offset: -2px; }
    .rc-wl__legend { margin-top: 8px; }
  `,
})
export class WorkloadComponent {
  private readonly api = inject(MotivationApi);
  protected readonly i18n = inject(I18nService);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly measures = MEASURES;
  protected readonly hours = HOURS;
  protected readonly days = DAYS;

  readonly month = input.required<string>();
  protected readonly measure = signal<Measure>('perOperator');
  protected readonly period = computed(() => workloadPeriod(this.month(), today()));

  protected readonly workload = toSignal(
    toObservable(this.period).pipe(switchMap((p) => this.api.workload(p.from, p.to).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<never> },
  );
  private readonly cells = computed(() => {
    const w = this.workload();
    return new Map(w.status === 'ready' ? w.value.cells.map((c) => [c.dayOfWeek * 100 + c.hour, c]) : []);
  });
  private readonly max = computed(() => Math.max(0, ...[...this.cells().values()].map((c) => this.value(c) ?? 0)));

  protected cell(day: number, hour: number): WorkloadCell | undefined {
    return this.cells().get(day * 100 + hour);
  }

  private value(c: WorkloadCell | undefined): number | null {
    if (!c) return null;
    const m = this.measure();
    return m === 'perOperator' ? c.perOperator : m === 'load' ? c.requests + c.callbacks : c.operatorsOnDuty;
  }

  protected intensity(c: WorkloadCell | undefined): number {
    const v = this.value(c);
    return v === null || this.max() === 0 ? 0 : v / this.max();
  }

  protected shade(c: WorkloadCell | undefined): string {
    const x = this.intensity(c);
    return x === 0 ? 'var(--mat-sys-surface-container)' : `color-mix(in srgb, var(--mat-sys-primary) ${Math.round(10 + x * 85)}%, var(--mat-sys-surface))`;
  }

  protected label(c: WorkloadCell | undefined): string {
    const v = this.value(c);
    return v === null || v === 0 ? '' : this.i18n.number(v, v < 10 ? '1.0-1' : '1.0-0');
  }

  protected tooltip(day: number, hour: number, c: WorkloadCell | undefined): string {
    if (!c) return '';
    return this.i18n.t('workload.cell', {
      day: this.i18n.t(this.dayKey(day)),
      hour,
      requests: this.i18n.number(c.requests, '1.0-2'),
      callbacks: this.i18n.number(c.callbacks, '1.0-2'),
      operators: this.i18n.number(c.operatorsOnDuty, '1.0-2'),
    });
  }

  protected measureKey(m: Measure): TranslationKey {
    return `workload.measure.${m}` as TranslationKey;
  }

  protected dayKey(d: number): TranslationKey {
    return `workload.day.${d}` as TranslationKey;
  }
}
