import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { CompetitorView, RegionView, ServiceView, UpsertCompetitorTariffRequest } from '@retention/contracts';
import { I18nService, LocalNamePipe, TranslatePipe } from '../../core/i18n';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { integerValidator } from '../../shared/ui/validators';
import { MAX_PRICE, optionalNumber } from './tariff.dialog';

export interface CompetitorTariffDialogData {
  competitor: CompetitorView;
  regions: readonly RegionView[];
  services: readonly ServiceView[];
  regionCode?: string;
}

@Component({
  selector: 'rc-competitor-tariff-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalNamePipe, TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ 'reference.addTariff' | t }} · {{ data.competitor.name | localName: data.competitor.names }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="competitor-tariff-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'reference.region' | t }}</mat-label>
            <mat-select formControlName="regionCode" data-testid="competitor-tariff-region">
              @for (r of data.regions; track r.code) {
                <mat-option [value]="r.code">{{ r.name | localName: r.names }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.regionCode.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.service' | t }}</mat-label>
            <mat-select formControlName="serviceCode" data-testid="competitor-tariff-service">
              @for (s of data.services; track s.code) {
                <mat-option [value]="s.code">{{ s.name | localName: s.names }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.serviceCode.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'reference.tariffName' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="competitor-tariff-name" />
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'reference.monthlyPrice' | t }}</mat-label>
            <input matInput type="number" min="0" step="0.01" formControlName="monthlyPrice" data-testid="competitor-tariff-price" />
            <mat-error>{{ form.controls.monthlyPrice.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.speedMbps' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="speedMbps" />
            <mat-error>{{ form.controls.speedMbps.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.channels' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="channels" />
            <mat-error>{{ form.controls.channels.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="competitor-tariff-save">
          {{ 'common.create' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CompetitorTariffDialog {
  protected readonly data = inject<CompetitorTariffDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReferenceApi);
  private readonly ref = inject(MatDialogRef<CompetitorTariffDialog, boolean>);

  protected readonly form = inject(NonNullableFormBuilder).group({
    regionCode: [this.data.regionCode ?? '', [Validators.required]],
    serviceCode: ['', [Validators.required]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    monthlyPrice: [null as number | null, [Validators.required, Validators.min(0), Validators.max(MAX_PRICE)]],
    speedMbps: [null as number | null, [Validators.min(0), integerValidator]],
    channels: [null as number | null, [Validators.min(0), integerValidator]],
  });
  protected readonly submit = new FormSubmit(inject(I18nService), this.form);

  protected save(): void {
    const v = this.form.getRawValue();
    const body: UpsertCompetitorTariffRequest = {
      regionCode: v.regionCode,
      serviceCode: v.serviceCode,
      name: v.name.trim(),
      monthlyPrice: Number(v.monthlyPrice),
      speedMbps: optionalNumber(v.speedMbps),
      channels: optionalNumber(v.channels),
    };
    this.submit.run(
      () => this.api.addCompetitorTariff(this.data.competitor.code, body),
      () => this.ref.close(true),
    );
  }
}
