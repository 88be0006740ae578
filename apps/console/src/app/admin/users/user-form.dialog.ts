import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { type CreateUserRequest, Role, ROLES, type UpdateUserRequest, type UserView } from '@retention/contracts';
import type { Observable } from 'rxjs';
import { I18nService, roleKey, TranslatePipe } from '../../core/i18n';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { usernameValidator } from '../../shared/ui/validators';
import { UsersApi } from './users.api';

export interface UserFormData {
  /** Absent: create a new user. */
  user?: UserView;
}

@Component({
  selector: 'rc-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>
      {{ editing ? ('users.editTitle' | t: { name: editing.username }) : ('users.createTitle' | t) }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="user-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert" data-testid="user-form-error">
            <mat-icon>error</mat-icon><span>{{ e }}</span>
          </div>
        }
        <mat-form-field>
          <mat-label>{{ 'users.username' | t }}</mat-label>
          <input matInput formControlName="username" autocomplete="off" spellcheck="false" data-testid="user-username" />
          @if (!editing) {
            <mat-hint>{{ 'validation.username' | t }}</mat-hint>
          }
          <mat-error>{{ form.controls.username.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.displayName' | t }}</mat-label>
          <input matInput formControlName="displayName" autocomplete="off" data-testid="user-display-name" />
          <mat-error>{{ form.controls.displayName.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.role' | t }}</mat-label>
          <mat-select formControlName="role" data-testid="user-role">
            @for (r of roles; track r) {
              <mat-option [value]="r" [attr.data-testid]="'user-role-' + r">{{ roleKey(r) | t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.role.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.team' | t }}</mat-label>
          <input matInput formControlName="team" autocomplete="off" data-testid="user-team" />
          <mat-error>{{ form.controls.team.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" data-testid="user-email" />
          <mat-hint>{{ 'users.emailHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.email.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.salary' | t }}</mat-label>
          <input matInput type="number" min="0" formControlName="monthlySalary" data-testid="user-salary" />
          <mat-hint>{{ 'users.salaryHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.monthlySalary.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ (editing ? 'users.newPassword' : 'users.password') | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="user-password" />
          <mat-hint>{{ (editing ? 'users.newPasswordHint' : 'users.passwordHint') | t }}</mat-hint>
          <mat-error>{{ form.controls.password.errors | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="user-save">
          {{ (editing ? 'common.save' : 'common.create') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class UserFormDialog {
  private readonly api = inject(UsersApi);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject<MatDialogRef<UserFormDialog, UserView>>(MatDialogRef);
  protected readonly editing = inject<UserFormData>(MAT_DIALOG_DATA).user;

  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [
      { value: this.editing?.username ?? '', disabled: !!this.editing },
      [Validators.required, usernameValidator],
    ],
    displayName: [this.editing?.displayName ?? '', [Validators.required, Validators.maxLength(120)]],
    role: [this.editing?.role ?? Role.Operator, [Validators.required]],
    team: [this.editing?.team ?? '', [Validators.maxLength(64)]],
    email: [this.editing?.email ?? '', [Validators.email, Validators.maxLength(254)]],
    // Empty means no salary recorded (no bonus cap).
    monthlySalary: [this.editing?.monthlySalary ?? (null as number | null), [Validators.min(0), Validators.max(9_999_999_999.99)]],
    password: ['', this.editing ? [Validators.minLength(8), Validators.maxLength(256)] : [Validators.required, Validators.minLength(8), Validators.maxLength(256)]],
  });

  protected readonly submit = new FormSubmit(this.i18n, this.form, { control: 'username', message: 'users.nameTaken' });

  protected save(): void {
    const v = this.form.getRawValue();
    this.submit.run(
      (): Observable<UserView> => {
        if (this.editing) {
          const body: UpdateUserRequest = { displayName: v.displayName.trim(), role: v.role, team: v.team.trim() || null, email: v.email.trim() || null, monthlySalary: salaryOf(v.monthlySalary) };
          if (v.password) {
            body.password = v.password;
          }
          return this.api.update(this.editing.id, body);
        }
        const body: CreateUserRequest = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          password: v.password,
          team: v.team.trim() || null,
          email: v.email.trim() || null,
          monthlySalary: salaryOf(v.monthlySalary),
        };
        return this.api.create(body);
      },
      (user) => this.ref.close(user),
    );
  }
}

/** The salary field's value as the API takes it: empty (or not a number) is none. */
function salaryOf(value: number | string | null): number | null {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}
