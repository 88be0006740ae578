import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Notifier } from '../../shared/ui/notifier.service';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { UserView } from '@retention/contracts';
import { filter, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, MoneyPipe, roleKey, TranslatePipe } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm.dialog';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { SalaryHistoryDialog } from './salary-history.dialog';
import { UserFormDialog, type UserFormData } from './user-form.dialog';
import { UsersApi } from './users.api';

@Component({
  selector: 'rc-users-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    LocalDatePipe,
    MoneyPipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18nService);
  private readonly me = inject(AuthService).user;

  protected readonly columns = ['username', 'displayName', 'role', 'team', 'salary', 'status', 'created', 'actions'];
  protected readonly roleKey = roleKey;
  private readonly reload = signal(0);
  protected readonly busyId = signal<string | null>(null);

  protected readonly state = toSignal(
    toObservable(this.reload).pipe(switchMap(() => this.api.list().pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<UserView[]> },
  );
  /** Active users first, then by user name. */
  protected readonly users = computed(() => {
    const s = this.state();
    return s.status === 'ready'
      ? [...s.value].sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username))
      : [];
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected isMe(u: UserView): boolean {
    return this.me()?.username.toLowerCase() === u.username.toLowerCase();
  }

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected create(): void {
    this.openForm({}).subscribe((u) => {
      this.notifier.show(this.i18n.t('users.createdMsg', { name: u.username }));
      this.refresh();
    });
  }

  protected edit(user: UserView): void {
    this.openForm({ user }).subscribe(() => {
      this.notifier.show(this.i18n.t('common.saved'));
      this.refresh();
    });
  }

  /** The salary history; the list's salary column follows a change made there. */
  protected salaries(user: UserView): void {
    this.dialog.open(SalaryHistoryDialog, { data: user, width: '520px', autoFocus: 'first-tabbable' }).afterClosed().subscribe(() => this.refresh());
  }

  protected setActive(user: UserView, active: boolean): void {
    if (active) {
      this.patchActive(user, true);
      return;
    }
    const data: ConfirmDialogData = {
      title: this.i18n.t('users.confirmDeactivateTitle'),
      message: this.i18n.t('users.confirmDeactivate', { name: user.displayName }),
      confirm: this.i18n.t('users.deactivate'),
      danger: true,
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '440px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.patchActive(user, false));
  }

  private patchActive(user: UserView, active: boolean): void {
    this.busyId.set(user.id);
    this.api.update(user.id, { active }).subscribe({
      next: () => {
        this.busyId.set(null);
        this.notifier.show(this.i18n.t(active ? 'users.reactivated' : 'users.deactivated', { name: user.displayName }));
        this.refresh();
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        const e = toApiError(err);
        this.notifier.show(e.statusCode === 400 || e.statusCode === 409 ? e.message : this.i18n.t(errorMessageKey(e)));
      },
    });
  }

  private openForm(data: UserFormData) {
    return this.dialog
      .open<UserFormDialog, UserFormData, UserView>(UserFormDialog, { data, width: '480px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((u): u is UserView => !!u));
  }
}
