import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ChurnReasonView, OfferView, UpdateOfferRequest } from '@retention/contracts';
import { I18nService, isReasonGroup, reasonGroupKey, TranslatePipe } from '../../core/i18n';
import { ClassifierApi } from '../../shared/data-access/classifier.api';
import { groupReasons } from '../../shared/requests/reason-groups';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { integerValidator } from '../../shared/ui/validators';

export interface OfferDialogData {
  offer: OfferView;
  reasons: readonly ChurnReasonView[];
}

/** Empty means "not applicable" (no discount), sent as null. */
function optionalNumber(value: string | number | null): number | null {
  return value === null || value === '' ? null : Number(value);
}

/** Terms, costs and eligibility of one offer (titles and texts are part of the shipped catalogue). */
@Component({
  selector: 'rc-offer-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ data.offer.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="offer-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <p class="rc-dialog-hint rc-muted">{{ data.offer.description }}</p>
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.discountPercent' | t }}</mat-label>
            <input matInput type="number" min="0" max="100" step="1" formControlName="discountPercent" data-testid="offer-discount" />
            <mat-error>{{ form.controls.discountPercent.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.months' | t }}</mat-label>
            <input matInput type="number" min="0" max="36" step="1" formControlName="months" data-testid="offer-months" />
            <mat-error>{{ form.controls.months.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.monthlyCost' | t }}</mat-label>
            <input matInput type="number" min="0" step="0.01" formControlName="monthlyCost" data-testid="offer-monthly-cost" />
            <mat-error>{{ form.controls.monthlyCost.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.oneOffCost' | t }}</mat-label>
            <input matInput type="number" min="0" step="0.01" formControlName="oneOffCost" data-testid="offer-one-off-cost" />
            <mat-error>{{ form.controls.oneOffCost.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.minTenure' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="minTenureMonths" data-testid="offer-min-tenure" />
            <mat-error>{{ form.controls.minTenureMonths.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'offerCatalogue.minRevenue' | t }}</mat-label>
            <input matInput type="number" min="0" step="0.01" formControlName="minMonthlyRevenue" data-testid="offer-min-revenue" />
            <mat-error>{{ form.controls.minMonthlyRevenue.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'offerCatalogue.reasons' | t }}</mat-label>
          <mat-select multiple formControlName="reasonCodes" [placeholder]="'offerCatalogue.anyReason' | t" data-testid="offer-reasons">
            @for (g of groups(); track g.group) {
              <mat-optgroup [label]="groupLabel(g.group)">
                @for (r of g.reasons; track r.code) {
                  <mat-option [value]="r.code">{{ r.position }}. {{ r.title }}</mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
          <mat-hint>{{ 'offerCatalogue.reasonsHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-slide-toggle formControlName="active" data-testid="offer-active">{{ 'common.active' | t }}</mat-slide-toggle>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="offer-save">{{ 'common.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class OfferDialog {
  protected readonly data = inject<OfferDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ClassifierApi);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject(MatDialogRef<OfferDialog, OfferView>);

  private readonly o = this.data.offer;
  protected readonly groups = computed(() => groupReasons(this.data.reasons));
  protected readonly form = inject(NonNullableFormBuilder).group({
    discountPercent: [this.o.discountPercent as number | null, [Validators.min(0), Validators.max(100), integerValidator]],
    months: [this.o.months as number | null, [Validators.min(0), Validators.max(36), integerValidator]],
    monthlyCost: [this.o.monthlyCost, [Validators.required, Validators.min(0)]],
    oneOffCost: [this.o.oneOffCost, [Validators.required, Validators.min(0)]],
    minTenureMonths: [this.o.minTenureMonths, [Validators.required, Validators.min(0), integerValidator]],
    minMonthlyRevenue: [this.o.minMonthlyRevenue, [Validators.required, Validators.min(0)]],
    reasonCodes: [this.o.reasonCodes ?? ([] as string[])],
    active: [this.o.active],
  });
  protected readonly submit = new FormSubmit(this.i18n, this.form);

  protected groupLabel(group: string): string {
    return isReasonGroup(group) ? this.i18n.t(reasonGroupKey(group)) : group;
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const body: UpdateOfferRequest = {
      discountPercent: optionalNumber(v.discountPercent),
      months: optionalNumber(v.months),
      monthlyCost: Number(v.monthlyCost),
      oneOffCost: Number(v.oneOffCost),
      minTenureMonths: Number(v.minTenureMonths),
      minMonthlyRevenue: Number(v.minMonthlyRevenue),
      reasonCodes: v.reasonCodes.length ? v.reasonCodes : null,
      active: v.active,
    };
    this.submit.run(
      () => this.api.updateOffer(this.o.code, body, this.i18n.language()),
      (saved) => this.ref.close(saved),
    );
  }
}
