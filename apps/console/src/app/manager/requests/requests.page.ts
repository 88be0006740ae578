import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { type DisconnectRequestView, type Page, Permission, type RequestStatusCode } from '@retention/contracts';
import { REQUEST_STATUSES } from '@retention/domain';
import { combineLatest, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth';
import { errorMessageKey } from '../../core/http/api-error';
import { channelKey, I18nService, isChannel, MoneyPipe, outcomeKey, requestStatusKey, TranslatePipe } from '../../core/i18n';
import { I18nPaginatorIntl } from '../../core/i18n/paginator-intl';
import { Catalogue } from '../../shared/data-access/catalogue';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { RequestsApi } from '../../shared/data-access/requests.api';
import { RequestEventsComponent } from '../../shared/requests/request-events.component';
import { RequestResolutionComponent } from '../../shared/requests/request-resolution.component';
import { durationText } from '../../shared/ui/duration';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { type ChipTone, ChipComponent } from '../../shared/ui/status-chip.component';
import { OUTCOME_TONE, REQUEST_STATUS_TONE } from '../../shared/ui/tones';
import { channelIcon } from '../../shared/requests/channels';

const PAGE_SIZES = [25, 50, 100];

/** Statuses from the URL (`?status=new,resolved`), every status when absent or unreadable. */
export function parseStatuses(value: string | undefined): RequestStatusCode[] {
  const picked = (value ?? '').split(',').filter((s): s is RequestStatusCode => (REQUEST_STATUSES as readonly string[]).includes(s));
  return picked.length ? REQUEST_STATUSES.filter((s) => picked.includes(s)) : [...REQUEST_STATUSES];
}

/**
 * Every disconnect request, read-only: for managers and executives to follow the work, for operators to look
 * one up. Filters, page and the open request live in the URL.
 */
@Component({
  selector: 'rc-requests-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
    RequestEventsComponent,
    RequestResolutionComponent,
  ],
  providers: [Catalogue, { provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './requests.page.html',
  styleUrl: './requests.page.scss',
})
export class RequestsPage {
  private readonly api = inject(RequestsApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly catalogue = inject(Catalogue);
  protected readonly canWork = inject(AuthService).can(Permission.RequestsWork);

  /** Query parameters. */
  readonly status = input<string>();
  readonly q = input<string>();
  readonly page = input<string>();
  readonly id = input<string>();

  protected readonly statuses = REQUEST_STATUSES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly pageSize = signal(PAGE_SIZES[0]);
  private readonly columns = ['created', 'subscriber', 'services', 'status', 'reason', 'outcome', 'mrr'];
  private readonly wide = toSignal(inject(BreakpointObserver).observe('(min-width: 1440px)').pipe(map((r) => r.matches)), { initialValue: true });
  /**
   * With a request open beside the table, the columns the panel repeats make room for it, so that none is cut:
   * the outcome goes under the status, and below 1440 px the reason too (the panel shows the open one's).
   */
  protected readonly visibleColumns = computed(() =>
    !this.id() ? this.columns : this.wide() ? ['created', 'subscriber', 'status', 'reason'] : ['created', 'subscriber', 'status'],
  );
  protected readonly statusTone = REQUEST_STATUS_TONE;
  protected readonly outcomeTone = OUTCOME_TONE;
  protected readonly statusKey = requestStatusKey;
  protected readonly outcomeKey = outcomeKey;
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly channelIcon = channelIcon;

  protected readonly selectedStatuses = computed(() => parseStatuses(this.status()));
  protected readonly pageIndex = computed(() => Math.max(0, Number(this.page()) || 0));
  private readonly reloads = signal(0);
  protected readonly searchText = signal('');

  protected readonly state = toSignal(
    combineLatest([
      toObservable(this.selectedStatuses),
      toObservable(computed(() => this.q() ?? '')).pipe(debounceTime(250), distinctUntilChanged()),
      toObservable(this.pageIndex),
      toObservable(this.pageSize),
      toObservable(this.reloads),
    ]).pipe(
      switchMap(([statuses, search, pageIndex, size]) =>
        this.api.list({ statuses, search, limit: size, offset: pageIndex * size }).pipe(toLoadable()),
      ),
    ),
    { initialValue: LOADING as Loadable<Page<DisconnectRequestView>> },
  );
  private readonly lastPage = signal<Page<DisconnectRequestView> | null>(null);
  protected readonly rows = computed(() => {
    const s = this.state();
    if (s.status === 'ready') return s.value;
    return this.lastPage();
  });
  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly error = computed(() => {
    const s = this.state();
    return s.status === 'error' ? s.error : null;
  });

  protected readonly detail = toSignal(
    toObservable(computed(() => this.id() ?? null)).pipe(
      switchMap((id) => (id ? this.api.get(id).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null as Loadable<DisconnectRequestView> | null },
  );
  protected readonly selected = computed(() => {
    const d = this.detail();
    return d?.status === 'ready' ? d.value : null;
  });

  constructor() {
    effect(() => {
      const s = this.state();
      if (s.status === 'ready') this.lastPage.set(s.value);
    });
    // The box starts with the URL's search once the router has bound it.
    afterNextRender(() => this.searchText.set(this.q() ?? ''));
  }

  protected setStatuses(values: RequestStatusCode[]): void {
    const all = values.length === 0 || values.length === REQUEST_STATUSES.length;
    this.navigate({ status: all ? null : values.join(','), page: null });
  }

  protected setSearch(text: string): void {
    this.searchText.set(text);
    this.navigate({ q: text.trim() || null, page: null });
  }

  protected onPage(e: PageEvent): void {
    this.pageSize.set(e.pageSize);
    this.navigate({ page: e.pageIndex || null });
  }

  protected open(row: DisconnectRequestView): void {
    this.navigate({ id: row.id === this.id() ? null : row.id });
  }

  protected close(): void {
    this.navigate({ id: null });
  }

  protected retry(): void {
    this.reloads.update((n) => n + 1);
  }

  protected statusToneOf(r: DisconnectRequestView): ChipTone {
    return this.statusTone[r.status];
  }

  protected outcomeToneOf(r: DisconnectRequestView): ChipTone {
    return r.outcome ? this.outcomeTone[r.outcome] : 'neutral';
  }

  protected channel(c: string): string {
    return isChannel(c) ? this.i18n.t(channelKey(c)) : c;
  }

  protected age(r: DisconnectRequestView): string {
    const d = durationText(r.waitingMinutes);
    return this.i18n.t(d.key, d.params);
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
