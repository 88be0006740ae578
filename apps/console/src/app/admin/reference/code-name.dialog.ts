import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { NameTranslations } from '@retention/contracts';
import type { Observable } from 'rxjs';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { codeValidator } from '../../shared/ui/validators';

export interface CodeNameItem {
  code: string;
  name: string;
  names?: NameTranslations;
  active: boolean;
}

export interface CodeNameDialogData {
  title: TranslationKey;
  item?: CodeNameItem;
  save: (value: CodeNameItem) => Observable<unknown>;
}

/** Create or edit a region or a service: both are a code, a name and an active flag. */
@Component({
  selector: 'rc-code-name-dialog',
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
    <h2 mat-dialog-title>{{ data.title | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="reference-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <mat-form-field>
          <mat-label>{{ 'common.code' | t }}</mat-label>
          <input matInput formControlName="code" autocomplete="off" spellcheck="false" data-testid="reference-code" />
          @if (!data.item) {
            <mat-hint>{{ 'reference.codeHint' | t }}</mat-hint>
          }
          <mat-error>{{ form.controls.code.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reference.nameEn' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="reference-name" />
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <div class="rc-name-translations">
          <mat-form-field>
            <mat-label>{{ 'reference.nameRu' | t }}</mat-label>
            <input matInput formControlName="nameRu" autocomplete="off" lang="ru" data-testid="reference-name-ru" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameRu.errors | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'reference.nameUk' | t }}</mat-label>
            <input matInput formControlName="nameUk" autocomplete="off" lang="uk" data-testid="reference-name-uk" />
            <mat-hint>{{ 'reference.nameFallback' | t }}</mat-hint>
            <mat-error>{{ form.controls.nameUk.errors | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-slide-toggle formControlName="active" data-testid="reference-active">{{ 'common.active' | t }}</mat-slide-toggle>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="reference-save">
          {{ (data.item ? 'common.save' : 'common.create') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CodeNameDialog {
  protected readonly data = inject<CodeNameDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CodeNameDialog, boolean>);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      { value: this.data.item?.code ?? '', disabled: !!this.data.item },
      [Validators.required, Validators.maxLength(32), codeValidator],
    ],
    name: [this.data.item?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    nameRu: [this.data.item?.names?.ru ?? '', [Validators.maxLength(120)]],
    nameUk: [this.data.item?.names?.uk ?? '', [Validators.maxLength(120)]],
    active: [this.data.item?.active ?? true],
  });
  protected readonly submit = new FormSubmit(inject(I18nService), this.form, {
    control: 'code',
    message: 'reference.codeTaken',
  });

  protected save(): void {
    const v = this.form.getRawValue();
    this.submit.run(
      () => this.data.save({ code: v.code.trim(), name: v.name.trim(), names: { ru: v.nameRu.trim(), uk: v.nameUk.trim() }, active: v.active }),
      () => this.ref.close(true),
    );
  }
}
