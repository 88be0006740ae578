import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { FieldProblem } from './plan-edit';

/**
 * One editable figure of a plan line (a maximum or the target save rate): a small label over the box, the unit
 * after it, and what is wrong with it said under it and tied to the box for screen readers.
 */
@Component({
  selector: 'rc-plan-field',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-plan-field' },
  template: `
    <label class="rc-plan-input" [class.rc-plan-input--invalid]="!!problem()">
      <span>{{ label() }}</span>
      <input
        type="text"
        [attr.inputmode]="unit() ? 'decimal' : 'numeric'"
        [value]="value()"
        (input)="valueChange.emit($any($event.target).value)"
        [attr.aria-label]="ariaLabel()"
        [attr.aria-invalid]="!!problem()"
        [attr.aria-describedby]="problem() ? errorId() : null"
        [attr.data-testid]="testId()"
      />
      @if (unit(); as u) {
        <span class="rc-plan-input__unit">{{ u }}</span>
      }
    </label>
    @if (problem(); as p) {
      <span class="rc-plan-input__error" [id]="errorId()" role="alert" data-testid="plan-field-error">{{ p.key | t: p.params }}</span>
    }
  `,
  styles: `
    :host { display: contents; }
    .rc-plan-input { display: flex; flex-direction: column; gap: 2px; position: relative; font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    input {
      width: 64px;
      height: 32px;
      padding: 0 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
      font-variant-numeric: tabular-nums;
      text-align: right;
    }
    input:focus { outline: 2px solid var(--mat-sys-primary); outline-offset: -1px; border-color: transparent; }
    .rc-plan-input__unit { position: absolute; right: -16px; bottom: 8px; font: var(--mat-sys-body-medium); }
    .rc-plan-input--invalid input { border-color: var(--mat-sys-error); outline-color: var(--mat-sys-error); background: var(--mat-sys-error-container); }
    .rc-plan-input__error { display: block; flex-basis: 100%; order: 9; margin-top: -2px; font: var(--mat-sys-label-small); color: var(--mat-sys-error); }
  `,
})
export class PlanFieldComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly ariaLabel = input.required<string>();
  readonly problem = input<FieldProblem | null | undefined>(null);
  /** The error text's element id (unique on the page), which the box names as its description. */
  readonly errorId = input.required<string>();
  readonly testId = input.required<string>();
  /** A unit after the box (the rate's "%"); a box with a unit takes decimals. */
  readonly unit = input<string | null>(null);
  readonly valueChange = output<string>();
}
