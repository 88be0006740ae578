import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { LocalNamePipe, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { RANGE_SPANS, type RangeSpan } from '../data/report-query';
import { ReportLookups } from '../data/report-lookups';
import { ReportQueryState } from '../data/report-query.state';
import { MonthPickerComponent } from './month-picker.component';

const SPAN_LABEL: Readonly<Record<RangeSpan, TranslationKey>> = {
  1: 'report.range.month',
  3: 'report.range.3',
  12: 'report.range.12',
};

/** Month, range (this month, the last 3 or 12), service and region: the filter of the dashboard and every report. */
@Component({
  selector: 'rc-report-filter',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatSelectModule, LocalNamePipe, TranslatePipe, MonthPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rc-month-picker
      [value]="state.query().month"
      [label]="'report.month' | t"
      testId="report-month"
      (valueChange)="state.update({ month: $event })"
    />
    <mat-button-toggle-group
      class="rc-report-filter__range"
      [value]="state.query().span"
      (change)="state.update({ span: $event.value })"
      [attr.aria-label]="'report.range' | t"
      hideSingleSelectionIndicator
    >
      @for (s of spans; track s) {
        <mat-button-toggle [value]="s" [attr.data-testid]="'report-range-' + s">{{ spanLabel[s] | t }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (withService()) {
    <mat-form-field class="rc-report-filter__select" subscriptSizing="dynamic">
      <mat-label>{{ 'report.service' | t }}</mat-label>
      <mat-select [value]="state.query().service ?? ''" (selectionChange)="state.update({ service: $event.value || null })" data-testid="report-service">
        <mat-option value="">{{ 'report.allServices' | t }}</mat-option>
        @for (s of lookups.activeServices(); track s.code) {
          <mat-option [value]="s.code">{{ s.name | localName: s.names }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    }
    <mat-form-field class="rc-report-filter__select" subscriptSizing="dynamic">
      <mat-label>{{ 'report.region' | t }}</mat-label>
      <mat-select [value]="state.query().region ?? ''" (selectionChange)="state.update({ region: $event.value || null })" data-testid="report-region">
        <mat-option value="">{{ 'report.allRegions' | t }}</mat-option>
        @for (r of lookups.activeRegions(); track r.code) {
          <mat-option [value]="r.code">{{ r.name | localName: r.names }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 16px; }
    .rc-report-filter__select { width: 200px; }
    .rc-report-filter__range { --mat-button-toggle-height: 40px; }
  `,
  host: { class: 'rc-report-filter rc-no-print', role: 'search' },
  // "All services" and "All regions" are the empty string: Material treats a null option as "nothing chosen".
})
export class ReportFilterComponent {
  /** False on a report that splits by service itself (risk segments): no service to choose. */
  readonly withService = input(true);
  protected readonly state = inject(ReportQueryState);
  protected readonly lookups = inject(ReportLookups);
  protected readonly spans = RANGE_SPANS;
  protected readonly spanLabel = SPAN_LABEL;
}
