import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ServiceView, TariffView, UpsertTariffRequest } from '@retention/contracts';
import { I18nService, LocalNamePipe, TranslatePipe } from '../../core/i18n';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { codeValidator, integerValidator } from '../../shared/ui/validators';

export interface TariffDialogData {
  tariff?: TariffView;
  services: readonly ServiceView[];
  /** Preselected service for a new tariff (the list's current filter). */
  serviceCode?: string;
}

/** The API's ceiling for a monthly price. */
export const MAX_PRICE = 1_000_000;

/** Empty input means "not applicable" (no speed for a TV tariff), sent as null. */
export function optionalNumber(value: string | number | null): number | null {
  return value === null || value === '' ? null : Number(value);
}

@Component({
  selector: 'rc-tariff-dialog',
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
    LocalNamePipe, TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ (data.tariff ? 'reference.tariffs.edit' : 'reference.tariffs.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="tariff-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'common.code' | t }}</mat-label>
            <input matInput formControlName="code" autocomplete="off" spellcheck="false" data-testid="tariff-code" />
            <mat-error>{{ form.controls.code.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.service' | t }}</mat-label>
            <mat-select formControlName="serviceCode" data-testid="tariff-service">
              @for (s of data.services; track s.code) {
                <mat-option [value]="s.code">{{ s.name | localName: s.names }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.serviceCode.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        @if (!data.tariff) {
          <div class="rc-dialog-hint rc-muted">{{ 'reference.codeHint' | t }}</div>
        }
        <mat-form-field>
          <mat-label>{{ 'reference.nameEn' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="tariff-name" />
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <div class="rc-name-translations">
          <mat-form-field>
            <mat-label>{{ 'reference.nameRu' | t }}</mat-label>
            <input matInput formControlName="nameRu" autocomplete="off" lang="ru" data-testid="tariff-name-ru" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameRu.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.nameUk' | t }}</mat-label>
            <input matInput formControlName="nameUk" autocomplete="off" lang="uk" data-testid="tariff-name-uk" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameUk.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'reference.monthlyPrice' | t }}</mat-label>
            <input matInput type="number" min="0" step="0.01" formControlName="monthlyPrice" data-testid="tariff-price" />
            <mat-error>{{ form.controls.monthlyPrice.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.speedMbps' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="speedMbps" data-testid="tariff-speed" />
            <mat-error>{{ form.controls.speedMbps.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.channels' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="channels" data-testid="tariff-channels" />
            <mat-error>{{ form.controls.channels.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-slide-toggle formControlName="active">{{ 'common.active' | t }}</mat-slide-toggle>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="tariff-save">
          {{ (data.tariff ? 'common.save' : 'common.create') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TariffDialog {
  protected readonly data = inject<TariffDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReferenceApi);
  private readonly ref = inject(MatDialogRef<TariffDialog, boolean>);

  private readonly t = this.data.tariff;
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [{ value: this.t?.code ?? '', disabled: !!this.t }, [Validators.required, Validators.maxLength(48), codeValidator]],
    serviceCode: [this.t?.serviceCode ?? this.data.serviceCode ?? '', [Validators.required]],
    name: [this.t?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    nameRu: [this.t?.names?.ru ?? '', [Validators.maxLength(120)]],
    nameUk: [this.t?.names?.uk ?? '', [Validators.maxLength(120)]],
    monthlyPrice: [this.t?.monthlyPrice ?? (null as number | null), [Validators.required, Validators.min(0), Validators.max(MAX_PRICE)]],
    speedMbps: [this.t?.speedMbps ?? (null as number | null), [Validators.min(0), integerValidator]],
    channels: [this.t?.channels ?? (null as number | null), [Validators.min(0), integerValidator]],
    active: [this.t?.active ?? true],
  });
  protected readonly submit = new FormSubmit(inject(I18nService), this.form, {
    control: 'code',
    message: 'reference.codeTaken',
  });

  protected save(): void {
    const v = this.form.getRawValue();
    const body: UpsertTariffRequest = {
      code: v.code.trim(),
      serviceCode: v.serviceCode,
      name: v.name.trim(), names: { ru: v.nameRu.trim(), uk: v.nameUk.trim() },
      monthlyPrice: Number(v.monthlyPrice),
      speedMbps: optionalNumber(v.speedMbps),
      channels: optionalNumber(v.channels),
      active: v.active,
    };
    this.submit.run(
      () => (this.t ? this.api.updateTariff(this.t.code, body) : this.api.createTariff(body)),
      () => this.ref.close(true),
    );
  }
}
