import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import type { DrillRow, Page, RequestOutcomeCode, SubscriberDrillFigure, SubscriberDrillRow } from '@retention/contracts';
import { type Observable, switchMap } from 'rxjs';
import { errorMessageKey } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, MoneyPipe, npsClassKey, outcomeKey, saveStateKey, TranslatePipe } from '../../core/i18n';
import { END_REASON_TONE, NPS_CLASS_TONE, OUTCOME_TONE, SAVE_STATE_TONE } from '../../shared/ui/tones';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nPaginatorIntl } from '../../core/i18n/paginator-intl';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { ChipComponent, type ChipTone } from '../../shared/ui/status-chip.component';
import { ReportLookups } from '../data/report-lookups';
import { ReportsApi } from '../data/reports.api';
import type { DrillRequest } from './drill';

const PAGE_SIZES = [25, 50, 100];

/** Column headings of the subscriber lists, per figure. */
const SUBSCRIBER_HEADS: Readonly<
  Record<SubscriberDrillFigure, { count: TranslationKey; on: TranslationKey; detail: TranslationKey; revenue: TranslationKey }>
> = {
  left: { count: 'drill.countSubscribers', on: 'drill.col.leftOn', detail: 'drill.col.how', revenue: 'drill.col.lost' },
  saves: { count: 'drill.countSaves', on: 'drill.col.savedOn', detail: 'drill.col.saveState', revenue: 'drill.col.atRisk' },
  nps: { count: 'drill.countAnswers', on: 'drill.col.answeredOn', detail: 'drill.col.score', revenue: 'drill.col.lost' },
  hidden: { count: 'drill.countSubscribers', on: 'drill.col.leftOn', detail: 'drill.col.how', revenue: 'drill.col.lost' },
};


/** The requests and subscribers behind a number: one page at a time; a row opens the subscriber card. */
@Component({
  selector: 'rc-drill-panel',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    MoneyPipe,
    LocalDatePipe,
    ChipComponent,
    ErrorStateComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drill-panel.component.html',
  styleUrl: './drill-panel.component.scss',
  host: { 'data-testid': 'drill-panel', class: 'rc-drill' },
})
export class DrillPanelComponent {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly ref = inject(MatDialogRef<DrillPanelComponent>);
  protected readonly i18n = inject(I18nService);
  protected readonly lookups = inject(ReportLookups);
  protected readonly request = inject<DrillRequest>(MAT_DIALOG_DATA);

  /** Set when the panel lists the subscribers behind a key figure rather than requests. */
  protected readonly subscribers = this.request.criteria.subscribers ?? null;
  protected readonly heads = SUBSCRIBER_HEADS[this.subscribers?.figure ?? 'left'];
  protected readonly columns = this.subscribers
    ? ['on', 'account', 'name', 'tenure', 'detail', ...(this.subscribers.figure === 'nps' ? [] : ['revenue'])]
    : ['resolved', 'account', 'name', 'services', 'reason', 'outcome', 'operator', 'lost'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(PAGE_SIZES[0]);
  private readonly attempt = signal(0);

  private readonly criteria = computed(() => ({ index: this.pageIndex(), size: this.pageSize(), attempt: this.attempt() }));
  protected readonly state = toSignal(
    toObservable(this.criteria).pipe(
      switchMap(({ index, size }) => this.fetch(size, index * size).pipe(toLoadable())),
    ),
    { initialValue: LOADING as Loadable<Page<DrillRow | SubscriberDrillRow>> },
  );
  private lastPage: Page<DrillRow | SubscriberDrillRow> | null = null;
  protected readonly page = computed(() => {
    const s = this.state();
    if (s.status === 'ready') this.lastPage = s.value;
    return s.status === 'ready' ? s.value : this.lastPage;
  });
  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly error = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected outcomeLabel(code: RequestOutcomeCode): string {
    return this.i18n.t(outcomeKey(code));
  }
  protected outcomeTone(code: RequestOutcomeCode): ChipTone {
    return OUTCOME_TONE[code];
  }
  private fetch(limit: number, offset: number): Observable<Page<DrillRow | SubscriberDrillRow>> {
    return this.subscribers
      ? this.api.drillSubscribers(this.request.period, this.subscribers, limit, offset)
      : this.api.drill(this.request.period, this.request.criteria, limit, offset);
  }

  /** The chip of a subscriber row: the save's state, the NPS class, or how they left. */
  protected detail(r: SubscriberDrillRow): { label: string; tone: ChipTone } | null {
    if (r.saveState) return { label: this.i18n.t(saveStateKey(r.saveState)), tone: SAVE_STATE_TONE[r.saveState] };
    if (r.npsClass) return { label: this.i18n.t(npsClassKey(r.npsClass)), tone: NPS_CLASS_TONE[r.npsClass] };
    if (r.endReason) return { label: this.i18n.tryT(`endReason.${r.endReason}`, r.endReason), tone: END_REASON_TONE[r.endReason] ?? 'neutral' };
    return null;
  }
  protected services(codes: readonly string[]): string {
    return codes.map((c) => this.lookups.serviceName(c)).join(', ');
  }

  protected onPage(e: PageEvent): void {
    this.pageSize.set(e.pageSize);
    this.pageIndex.set(e.pageIndex);
  }
  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }
  protected open(row: { subscriberId: string }): void {
    this.ref.close();
    void this.router.navigate(['/subscribers', row.subscriberId]);
  }
  protected close(): void {
    this.ref.close();
  }
}
