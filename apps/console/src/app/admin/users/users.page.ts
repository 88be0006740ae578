import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Notifier } from '../../shared/ui/notifier.service';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { UserView } from '@retention/contracts';
import { Router } from '@angular/router';
import { filter, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, MoneyPipe, roleKey, TranslatePipe } from '../../core/i18n';
import { I18nPaginatorIntl } from '../../core/i18n/paginator-intl';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm.dialog';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent } from '../../shared/ui/status-chip.component';
import { SalaryHistoryDialog } from './salary-history.dialog';
import { UserFormDialog, type UserFormData } from './user-form.dialog';
import { UsersApi } from './users.api';

const PAGE_SIZES = [25, 50, 100] as const;

@Component({
  selector: 'rc-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    LocalDatePipe,
    MoneyPipe,
    ActiveChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
  styles: `
    .rc-users__filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 12px; }
    .rc-users__search { width: 360px; --mat-form-field-container-height: 40px; --mat-form-field-container-vertical-padding: 8px; }
  `,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  private readonly me = inject(AuthService).user;
  private readonly router = inject(Router);

  /** Query parameters: the search, the page (from 0) and its size, so that a link or a reload shows the same rows. */
  readonly q = input<string>();
  readonly page = input<string>();
  readonly size = input<string>();

  protected readonly columns = ['username', 'displayName', 'role', 'team', 'salary', 'status', 'created', 'actions'];
  protected readonly roleKey = roleKey;
  private readonly reload = signal(0);
  protected readonly busyId = signal<string | null>(null);

  protected readonly state = toSignal(
    toObservable(this.reload).pipe(switchMap(() => this.api.list().pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<UserView[]> },
  );
  /** Active users first, then by user name. */
  private readonly all = computed(() => {
    const s = this.state();
    return s.status === 'ready'
      ? [...s.value].sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username))
      : [];
  });
  protected readonly searchText = signal('');
  /**
   * The users the search finds: every word of it in the login, the name, the e-mail, the team or the role (its code
   * or its name in the console's language). Searched and paged here, not by the API: the list is one answer of all
   * users (tens to a few hundred), which the browser filters at once as the admin types.
   */
  protected readonly found = computed(() => {
    const words = (this.q() ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return this.all();
    return this.all().filter((u) => {
      const text = [u.username, u.displayName, u.email ?? '', u.team ?? '', u.role, this.i18n.t(roleKey(u.role))].join(' ').toLocaleLowerCase();
      return words.every((w) => text.includes(w));
    });
  });
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly pageSize = computed(() => {
    const n = Number(this.size());
    return (PAGE_SIZES as readonly number[]).includes(n) ? n : PAGE_SIZES[0];
  });
  /** The page asked for, kept within the pages there are (a search that finds fewer shows its last page). */
  protected readonly pageIndex = computed(() => {
    const last = Math.max(0, Math.ceil(this.found().length / this.pageSize()) - 1);
    return Math.min(last, Math.max(0, Math.floor(Number(this.page())) || 0));
  });
  protected readonly users = computed(() => this.found().slice(this.pageIndex() * this.pageSize(), (this.pageIndex() + 1) * this.pageSize()));
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  constructor() {
    // The box starts with the URL's search once the router has bound it.
    afterNextRender(() => this.searchText.set(this.q() ?? ''));
  }

  protected setSearch(text: string): void {
    this.searchText.set(text);
    this.navigate({ q: text.trim() || null, page: null });
  }

  protected onPage(e: PageEvent): void {
    this.navigate({ page: e.pageIndex || null, size: e.pageSize === PAGE_SIZES[0] ? null : e.pageSize });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

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
