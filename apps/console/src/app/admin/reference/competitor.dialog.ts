import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { CompetitorView, UpsertCompetitorRequest } from '@retention/contracts';
import { I18nService, TranslatePipe } from '../../core/i18n';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { codeValidator } from '../../shared/ui/validators';

export interface CompetitorDialogData {
  competitor?: CompetitorView;
}

@Component({
  selector: 'rc-competitor-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ (c ? 'reference.competitors.edit' : 'reference.competitors.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="competitor-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <div class="rc-form-row">
          <mat-form-field>
            <mat-label>{{ 'common.code' | t }}</mat-label>
            <input matInput formControlName="code" autocomplete="off" spellcheck="false" data-testid="competitor-code" />
            <mat-error>{{ form.controls.code.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.nameEn' | t }}</mat-label>
            <input matInput formControlName="name" autocomplete="off" data-testid="competitor-name" />
            <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
          </mat-form-field>
        <div class="rc-name-translations">
          <mat-form-field>
            <mat-label>{{ 'reference.nameRu' | t }}</mat-label>
            <input matInput formControlName="nameRu" autocomplete="off" lang="ru" data-testid="competitor-name-ru" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameRu.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.nameUk' | t }}</mat-label>
            <input matInput formControlName="nameUk" autocomplete="off" lang="uk" data-testid="competitor-name-uk" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameUk.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        </div>
        <mat-form-field>
          <mat-label>{{ 'reference.strengths' | t }}</mat-label>
          <textarea matInput rows="4" formControlName="strengths" data-testid="competitor-strengths"></textarea>
          <mat-hint>{{ 'reference.strengthsHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.strengths.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reference.weaknesses' | t }}</mat-label>
          <textarea matInput rows="4" formControlName="weaknesses" data-testid="competitor-weaknesses"></textarea>
          <mat-hint>{{ 'reference.weaknessesHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.weaknesses.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-slide-toggle formControlName="active">{{ 'common.active' | t }}</mat-slide-toggle>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="competitor-save">
          {{ (c ? 'common.save' : 'common.create') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CompetitorDialog {
  protected readonly c = inject<CompetitorDialogData>(MAT_DIALOG_DATA).competitor;
  private readonly api = inject(ReferenceApi);
  private readonly ref = inject(MatDialogRef<CompetitorDialog, string>);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [{ value: this.c?.code ?? '', disabled: !!this.c }, [Validators.required, Validators.maxLength(32), codeValidator]],
    name: [this.c?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    nameRu: [this.c?.names?.ru ?? '', [Validators.maxLength(120)]],
    nameUk: [this.c?.names?.uk ?? '', [Validators.maxLength(120)]],
    strengths: [this.c?.strengths ?? '', [Validators.maxLength(4000)]],
    weaknesses: [this.c?.weaknesses ?? '', [Validators.maxLength(4000)]],
    active: [this.c?.active ?? true],
  });
  protected readonly submit = new FormSubmit(inject(I18nService), this.form, {
    control: 'code',
    message: 'reference.codeTaken',
  });

  protected save(): void {
    const v = this.form.getRawValue();
    const body: UpsertCompetitorRequest = {
      code: v.code.trim(),
      name: v.name.trim(), names: { ru: v.nameRu.trim(), uk: v.nameUk.trim() },
      strengths: v.strengths.trim(),
      weaknesses: v.weaknesses.trim(),
      active: v.active,
    };
    this.submit.run(
      () => (this.c ? this.api.updateCompetitor(this.c.code, body) : this.api.createCompetitor(body)),
      () => this.ref.close(body.code),
    );
  }
}
