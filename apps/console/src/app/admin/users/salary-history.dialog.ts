import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { SalaryHistoryEntry, UserView } from '@retention/contracts';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, MoneyPipe, TranslatePipe } from '../../core/i18n';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { UsersApi } from './users.api';

/** The month the first recorded salary holds from (every earlier month too). */
const FIRST_MONTH = '1900-01';

/**
 * A user's salary history for an administrator: each salary with the month it holds from, newest
 * first, and a new salary from a month on (statements of that month and later read it). Only the
 * users page opens it, and only administrators (users:manage) reach that page.
 */
@Component({
  selector: 'rc-salary-history-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatTableModule, TranslatePipe, MoneyPipe, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy() || loading()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ 'salaries.title' | t: { name: user.displayName } }}</h2>
    <mat-dialog-content>
      @if (loadError(); as e) {
        <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
      }
      <table mat-table [dataSource]="history()" class="rc-salaries" data-testid="salary-history">
        <ng-container matColumnDef="month">
          <th mat-header-cell *matHeaderCellDef>{{ 'salaries.from' | t }}</th>
          <td mat-cell *matCellDef="let h">{{ h.month === first ? ('salaries.always' | t) : i18n.month(h.month) }}</td>
        </ng-container>
        <ng-container matColumnDef="salary">
          <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'users.salary' | t }}</th>
          <td mat-cell *matCellDef="let h" class="rc-num">{{ h.monthlySalary === null ? ('salaries.none' | t) : (h.monthlySalary | money) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let h; columns: columns" data-testid="salary-row"></tr>
      </table>
      @if (!loading() && !history().length) {
        <p class="rc-muted">{{ 'salaries.empty' | t }}</p>
      }
      <form [formGroup]="form" #f="ngForm" (ngSubmit)="save(f)" novalidate class="rc-salaries__form" data-testid="salary-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert" data-testid="salary-error"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <mat-form-field>
          <mat-label>{{ 'salaries.from' | t }}</mat-label>
          <input matInput type="month" formControlName="month" data-testid="salary-month" />
          <mat-error>{{ form.controls.month.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'users.salary' | t }}</mat-label>
          <input matInput type="number" min="0" formControlName="monthlySalary" data-testid="salary-amount" />
          <mat-hint>{{ 'salaries.amountHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.monthlySalary.errors | fieldError }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="salary-save">{{ 'salaries.set' | t }}</button>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="salary-close">{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .rc-salaries { width: 100%; margin-bottom: 12px; }
    .rc-salaries__form { display: flex; gap: 12px; align-items: flex-start; flex-wrap: wrap; }
    .rc-salaries__form mat-form-field { flex: 1 1 160px; }
    .rc-salaries__form button { margin-top: 8px; }
  `,
})
export class SalaryHistoryDialog {
  private readonly api = inject(UsersApi);
  protected readonly i18n = inject(I18nService);
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  protected readonly first = FIRST_MONTH;
  protected readonly columns = ['month', 'salary'];
  protected readonly history = signal<SalaryHistoryEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    month: ['', [Validators.required, Validators.pattern(/^\d{4}-(0[1-9]|1[0-2])$/)]],
    // Empty means no salary from that month on.
    monthlySalary: [null as number | null, [Validators.min(0), Validators.max(9_999_999_999.99)]],
  });
  protected readonly submit = new FormSubmit(this.i18n, this.form);

  constructor() {
    this.api.salaries(this.user.id).subscribe({
      next: (h) => {
        this.history.set(h);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.loadError.set(this.i18n.t(errorMessageKey(toApiError(err))));
      },
    });
  }

  protected save(f: FormGroupDirective): void {
    const v = this.form.getRawValue();
    const amount = v.monthlySalary === null || (v.monthlySalary as unknown) === '' ? null : Math.round(Number(v.monthlySalary) * 100) / 100;
    this.submit.run(
      () => this.api.setSalary(this.user.id, v.month, amount),
      (h) => {
        this.history.set(h);
        // Cleared and no longer submitted, so the empty month is not shown as an error.
        f.resetForm();
      },
    );
  }
}
