import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import type { Page, RegionView, SubscriberListItem, SubscriberStatus } from '@retention/contracts';
import { catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { errorMessageKey } from '../../core/http/api-error';
import { I18nService, MoneyPipe, statusKey, TranslatePipe } from '../../core/i18n';
import { I18nPaginatorIntl } from '../../core/i18n/paginator-intl';
import { type Loadable, toLoadable } from '../../shared/data-access/loadable';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { STATUS_TONE } from '../../shared/ui/tones';
import { SubscribersApi } from '../subscribers.api';

const PAGE_SIZES = [25, 50, 100];
const DEBOUNCE_MS = 250;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * One box finds a subscriber by account number, name, phone or address. The query and page live in the
 * URL, so the browser's Back from a card returns to the same results.
 */
@Component({
  selector: 'rc-subscriber-search-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './subscriber-search.page.html',
  styleUrl: './subscriber-search.page.scss',
})
export class SubscriberSearchPage {
  private readonly api = inject(SubscribersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);

  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');

  protected readonly columns = ['account', 'name', 'phone', 'address', 'region', 'status', 'revenue'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly statusTone = (status: SubscriberStatus) => STATUS_TONE[status];
  protected readonly statusKey = statusKey;

  private readonly initial = this.route.snapshot.queryParamMap;
  /** What is typed in the box. */
  protected readonly query = signal(this.initial.get('q') ?? '');
  /** What has been searched for (the typed text after the debounce, or at once on Enter). */
  private readonly applied = signal(this.query());
  protected readonly pageIndex = signal(positiveInt(this.initial.get('page'), 0));
  protected readonly pageSize = signal(
    PAGE_SIZES.includes(positiveInt(this.initial.get('size'), 25)) ? positiveInt(this.initial.get('size'), 25) : 25,
  );
  /** Enter pressed before the results for the typed text arrived: open the first hit when they do. */
  private openFirstWhenReady = false;

  /** Bumped by "Try again" so that the same criteria are fetched anew. */
  private readonly attempt = signal(0);
  private readonly criteria = computed(() => ({
    attempt: this.attempt(),
    search: this.applied(),
    limit: this.pageSize(),
    offset: this.pageIndex() * this.pageSize(),
  }));

  protected readonly state = toSignal(
    toObservable(this.criteria).pipe(switchMap(({ search, limit, offset }) => this.api.search({ search, limit, offset }).pipe(toLoadable()))),
    { initialValue: { status: 'loading' } as Loadable<Page<SubscriberListItem>> },
  );

  /** The last page that arrived: kept on screen while the next one loads, so rows do not flicker. */
  private readonly lastPage = signal<Page<SubscriberListItem> | null>(null);
  protected readonly page = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value : this.lastPage();
  });
  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly error = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  private readonly regionNames = toSignal(
    inject(ReferenceApi)
      .regions()
      .pipe(
        map((regions) => new Map(regions.map((r) => [r.code, r] as const))),
        catchError(() => of(new Map<string, RegionView>())),
      ),
    { initialValue: new Map<string, RegionView>() },
  );

  constructor() {
    toObservable(this.query)
      .pipe(debounceTime(DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe((q) => this.apply(q));

    effect(() => {
      const s = this.state();
      if (s.status !== 'ready') {
        return;
      }
      this.lastPage.set(s.value);
      if (this.openFirstWhenReady) {
        this.openFirstWhenReady = false;
        const first = s.value.items[0];
        if (first) {
          this.open(first);
        }
      }
    });

    // Keep the URL in step (replaceUrl: typing is not a history of pages).
    effect(() => {
      const c = this.criteria();
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: {
          q: c.search || null,
          page: this.pageIndex() || null,
          size: c.limit === PAGE_SIZES[0] ? null : c.limit,
        },
        replaceUrl: true,
      });
    });

    afterNextRender(() => this.searchBox().nativeElement.focus());
  }

  protected regionName(code: string): string {
    const r = this.regionNames().get(code);
    return r ? this.i18n.localName(r.name, r.names) : code;
  }

  protected onInput(value: string): void {
    this.query.set(value);
  }

  protected clear(): void {
    this.query.set('');
    this.apply('');
    this.searchBox().nativeElement.focus();
  }

  protected onEnter(): void {
    if (this.query().trim() !== this.applied().trim() || this.loading()) {
      this.openFirstWhenReady = true;
      this.apply(this.query());
      return;
    }
    const first = this.page()?.items[0];
    if (first) {
      this.open(first);
    }
  }

  protected onPage(e: PageEvent): void {
    this.pageSize.set(e.pageSize);
    this.pageIndex.set(e.pageIndex);
  }

  protected open(row: SubscriberListItem): void {
    void this.router.navigate(['/subscribers', row.id]);
  }

  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }

  /** Arrow keys move between the box and the result rows; Enter on a row opens it. */
  protected focusRow(index: number): void {
    const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('tr[data-testid="subscriber-row"]');
    if (index < 0) {
      this.searchBox().nativeElement.focus();
    } else if (rows[index]) {
      rows[index].focus();
    }
  }

  private apply(q: string): void {
    if (q.trim() !== this.applied().trim()) {
      this.pageIndex.set(0);
      this.applied.set(q.trim());
    }
  }
}
