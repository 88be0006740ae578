import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { addMonths } from '@retention/domain';
import { TranslatePipe } from '../../core/i18n';
import { currentMonth, monthOptions } from '../data/report-query';
import { ReportFormat } from '../data/report-format';

/** A month: previous and next arrows around a list of months, newest first. */
@Component({
  selector: 'rc-month-picker',
  imports: [MatButtonModule, MatIconModule, MatSelectModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [disabled]="value() <= oldest()"
      (click)="pick(prev())"
      [matTooltip]="'month.previous' | t"
      [attr.aria-label]="'month.previous' | t"
      data-testid="month-previous"
    >
      <mat-icon>chevron_left</mat-icon>
    </button>
    <mat-form-field class="rc-month-picker__field" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value()" (selectionChange)="pick($event.value)" [attr.data-testid]="testId()">
        @for (m of options(); track m) {
          <mat-option [value]="m">{{ fmt.monthLong(m) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <button
      mat-icon-button
      type="button"
      [disabled]="value() >= newest()"
      (click)="pick(next())"
      [matTooltip]="'month.next' | t"
      [attr.aria-label]="'month.next' | t"
      data-testid="month-next"
    >
      <mat-icon>chevron_right</mat-icon>
    </button>
  `,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 2px; }
    .rc-month-picker__field { width: 190px; }
  `,
})
export class MonthPickerComponent {
  protected readonly fmt = inject(ReportFormat);

  readonly value = input.required<string>();
  readonly label = input.required<string>();
  /** How many months the list offers. */
  readonly count = input(36);
  /** Months after the current one that may be picked (a plan is made for next month). */
  readonly ahead = input(0);
  readonly testId = input('month-picker');
  readonly valueChange = output<string>();

  protected readonly options = computed(() => {
    const list = monthOptions(currentMonth(), this.count(), this.ahead());
    // A month from a pasted link outside the list is still shown as chosen.
    return list.includes(this.value()) ? list : [this.value(), ...list].sort().reverse();
  });
  protected readonly newest = computed(() => this.options()[0]);
  protected readonly oldest = computed(() => this.options()[this.options().length - 1]);
  protected readonly prev = computed(() => addMonths(this.value(), -1));
  protected readonly next = computed(() => addMonths(this.value(), 1));

  protected pick(month: string): void {
    if (month !== this.value()) this.valueChange.emit(month);
  }
}
