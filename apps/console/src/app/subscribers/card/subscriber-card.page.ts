import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Location } from '@angular/common';
import { Router } from '@angular/router';
import { ActivitySegment, Permission, Temperament, type SubscriberCard, type SubscriptionView, type SurveyAnswerView } from '@retention/contracts';
import { npsBand, npsClass } from '@retention/domain';
import { combineLatest, switchMap } from 'rxjs';
import { errorMessageKey } from '../../core/http/api-error';
import { AuthService } from '../../core/auth';
import {
  activityKey,
  contractKey,
  disconnectKindKey,
  temperamentKey,
  I18nService,
  lifetimeKey,
  LocalDatePipe,
  MoneyPipe,
  npsBandKey,
  statusKey,
  LocalNamePipe, TranslatePipe,
  type TranslationKey,
} from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { type ChipTone, ChipComponent } from '../../shared/ui/status-chip.component';
import { LIFETIME_TONE, NPS_TONE, STATUS_TONE } from '../../shared/ui/tones';
import { SubscribersApi } from '../subscribers.api';
import { activityAdvice, type AdviceView, temperamentAdvice } from './advice';
import { PaymentsUsageChartComponent } from './payments-usage-chart.component';

import { ScoreTrendComponent } from './score-trend.component';
@Component({
  selector: 'rc-subscriber-card-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    LocalNamePipe, TranslatePipe,
    MoneyPipe,
    LocalDatePipe,
    ChipComponent,
    ErrorStateComponent,
    PaymentsUsageChartComponent,
    ScoreTrendComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './subscriber-card.page.html',
  styleUrl: './subscriber-card.page.scss',
})
export class SubscriberCardPage {
  private readonly api = inject(SubscribersApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  protected readonly i18n = inject(I18nService);

  /** Route parameter `:id`, bound by the router. */
  readonly id = input.required<string>();
  private readonly attempt = signal(0);

  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.attempt)]).pipe(
      switchMap(([id]) => this.api.card(id).pipe(toLoadable())),
    ),
    { initialValue: LOADING as Loadable<SubscriberCard> },
  );
  /** The card as the last segment save answered it (shown at once, advice included). */
  private readonly saved = signal<SubscriberCard | null>(null);
  protected readonly card = computed(() => {
    const s = this.state();
    if (s.status !== 'ready') return null;
    const saved = this.saved();
    return saved && saved.id === s.value.id ? saved : s.value;
  });

  // ---- recording the segment ----
  protected readonly canEditSegment = inject(AuthService).can(Permission.SegmentsWrite);
  protected readonly temperaments = Object.values(Temperament);
  protected readonly activitySegments = Object.values(ActivitySegment);
  protected readonly segmentKeys = { temperamentKey, activityKey };
  protected readonly editingSegment = signal(false);
  protected readonly segmentForm = { temperament: Temperament.Sanguine, activitySegment: ActivitySegment.Active, note: '' };
  protected readonly savingSegment = signal(false);
  protected readonly segmentError = signal<string | null>(null);

  protected editSegment(c: SubscriberCard): void {
    this.segmentForm.temperament = c.temperament;
    this.segmentForm.activitySegment = c.activitySegment;
    this.segmentForm.note = '';
    this.segmentError.set(null);
    this.editingSegment.set(true);
  }

  protected saveSegment(c: SubscriberCard): void {
    this.savingSegment.set(true);
    this.segmentError.set(null);
    this.api.setSegment(c.id, { ...this.segmentForm, note: this.segmentForm.note.trim() || undefined }).subscribe({
      next: (card) => {
        this.saved.set(card);
        this.savingSegment.set(false);
        this.editingSegment.set(false);
      },
      error: (e: { error?: { message?: string } }) => {
        this.savingSegment.set(false);
        this.segmentError.set(e.error?.message ?? this.i18n.t('segment.saveError'));
      },
    });
  }
  protected readonly errorKey = computed<TranslationKey | null>(() => {
    const s = this.state();
    if (s.status !== 'error') return null;
    return s.error.statusCode === 404 || s.error.statusCode === 400 ? 'card.notFound' : errorMessageKey(s.error);
  });

  protected readonly statusTone = STATUS_TONE;
  protected readonly lifetimeTone = LIFETIME_TONE;
  protected readonly npsTone = NPS_TONE;
  protected readonly keys = { statusKey, contractKey, disconnectKindKey, lifetimeKey, npsBandKey };
  protected readonly serviceColumns = ['service', 'tariff', 'fee', 'started', 'ended', 'endReason'];

  protected readonly band = computed(() => {
    const nps = this.card()?.nps;
    return nps === null || nps === undefined ? null : npsBand(nps);
  });

  /** Active subscriptions first, then ended ones, most recent first within each. */
  protected readonly subscriptions = computed<SubscriptionView[]>(() =>
    [...(this.card()?.subscriptions ?? [])].sort((a, b) => {
      if (!a.endedAt !== !b.endedAt) return a.endedAt ? 1 : -1;
      return (b.endedAt ?? b.startedAt).localeCompare(a.endedAt ?? a.startedAt);
    }),
  );
  protected readonly activeServices = computed(() => this.subscriptions().filter((s) => !s.endedAt).length);

  protected readonly surveys = computed(() =>
    [...(this.card()?.surveys ?? [])].sort((a, b) => b.answeredOn.localeCompare(a.answeredOn)),
  );

  protected readonly temperamentAdvice = computed<AdviceView | null>(() => {
    const c = this.card();
    return c ? temperamentAdvice(this.i18n, c) : null;
  });
  protected readonly activityAdvice = computed<AdviceView | null>(() => {
    const c = this.card();
    return c ? activityAdvice(this.i18n, c) : null;
  });

  /** NPS: promoters green, passives amber, detractors red; CSAT 4–5 green, 3 amber, 1–2 red. */
  protected scoreTone(s: SurveyAnswerView): ChipTone {
    if (s.kind === 'nps') {
      const cls = npsClass(s.score);
      return cls === 'promoter' ? 'success' : cls === 'passive' ? 'warning' : 'error';
    }
    return s.score >= 4 ? 'success' : s.score === 3 ? 'warning' : 'error';
  }

  /** Known reasons are translated; one the console does not know yet is shown as the API sends it. */
  protected endReasonLabel(row: SubscriptionView): string {
    if (!row.endReason) {
      return '';
    }
    return this.i18n.tryT(`endReason.${row.endReason}`, row.endReason);
  }

  protected retry(): void {
    this.attempt.update((n) => n + 1);
  }

  protected back(): void {
    // Back keeps the search text and page; without history (a pasted link) go to the search itself.
    if (window.history.length > 1 && this.router.lastSuccessfulNavigation()?.previousNavigation) {
      this.location.back();
    } else {
      void this.router.navigate(['/subscribers']);
    }
  }
}
