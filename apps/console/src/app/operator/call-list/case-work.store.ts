import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { ApiError, HiddenChurnCaseDetail, HiddenChurnCaseItem, OfferProposal } from '@retention/contracts';
import { AuthService } from '../../core/auth';
import { ConsoleEvents, type LiveMessage } from '../../core/events/console-events.service';
import { combineLatest, type Observable, of, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { HiddenChurnApi } from '../../shared/data-access/hidden-churn.api';
import { toLoadable } from '../../shared/data-access/loadable';
import { Notifier } from '../../shared/ui/notifier.service';
import { CallWork, followSuggestions, offersOf, presentationOf, reasonDetailOf, subscriberCardOf } from '../desk/call-work';
import { suggestedCompetitor } from '../desk/presentation/suggested-competitor';
import { NO_SUGGESTIONS, type SuggestionState } from '../desk/reason/suggestions';

export type CaseOutcome = 'returned' | 'lost' | 'false_alarm';
type CaseAction = 'contact' | 'resolve' | 'approval';

/** The cases an operator works: assigned to them and not closed. */
const MY_OPEN = 'assigned,contacted';

/**
 * The operator's call list: their open hidden-churn cases, riskiest first, and the case on screen worked as a
 * call (the desk's CallWork: card, words, true reason with suggestions and script, comparison, offers), to an
 * outcome (returned with or without an offer, lost, false alarm) with the true reason.
 */
@Injectable()
export class CaseWorkStore implements CallWork {
  private readonly api = inject(HiddenChurnApi);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  private readonly live = inject(ConsoleEvents);
  readonly catalogue = inject(Catalogue);
  /** An offer above the operator's authority goes to a manager, as from a disconnect request; the case waits for the decision. */
  readonly canAskApproval = true;
  readonly askedApprovals = signal<ReadonlySet<string>>(new Set());
  private readonly offersReloads = signal(0);

  // ---- the list -------------------------------------------------------------------------------------------
  private readonly listReloads = signal(0);
  readonly cases = signal<HiddenChurnCaseItem[]>([]);
  readonly total = signal(0);
  readonly listLoading = signal(true);
  readonly listError = signal<ApiError | null>(null);
  readonly listReady = signal(false);

  // ---- the case on screen ---------------------------------------------------------------------------------
  readonly selectedId = signal<string | null>(null);
  private readonly caseReloads = signal(0);
  readonly detail = signal<HiddenChurnCaseDetail | null>(null);
  readonly detailError = signal<ApiError | null>(null);
  readonly busy = signal<CaseAction | null>(null);

  // ---- the call -------------------------------------------------------------------------------------------
  readonly statedText = signal('');
  readonly intakeText = computed(() => '');
  readonly suggestText = computed(() => this.statedText().trim());
  private readonly round = signal(0);
  readonly suggestions = signal<SuggestionState>(NO_SUGGESTIONS);
  readonly reasonCode = signal<string | null>(null);
  readonly reason = computed(() => this.catalogue.reason(this.reasonCode()) ?? null);
  readonly impliesCompetitor = computed(() => this.reason()?.impliesCompetitor ?? false);
  readonly focusReason = signal(0);
  readonly draft = signal<{ offerCode: string | null; competitorId: string | null }>({ offerCode: null, competitorId: null });
  readonly outcome = signal<CaseOutcome | null>(null);
  readonly note = signal('');
  /** Set by a record attempt, so that the form shows what is missing. */
  readonly showMissing = signal(false);

  readonly working = computed(() => {
    const s = this.detail()?.status;
    return s === 'assigned' || s === 'contacted';
  });
  readonly card = subscriberCardOf(computed(() => this.detail()?.accountNumber ?? null));
  readonly reasonDetail = reasonDetailOf(this.reasonCode);

  private readonly offerLoad = offersOf(this.selectedId, this.reasonCode, (id, code, lang) => this.api.caseOffers(id, code, lang), this.offersReloads);
  readonly offers = this.offerLoad.offers;
  readonly offerList = this.offerLoad.offerList;
  readonly presentation = presentationOf(this.selectedId, computed(() => this.draft().competitorId), this.impliesCompetitor, (id, competitorId) =>
    this.api.casePresentation(id, competitorId),
  );

  /** What the outcome still needs: the true reason unless it was a false alarm. */
  readonly missingReason = computed(() => this.outcome() !== 'false_alarm' && !this.reasonCode());

  constructor() {
    toObservable(this.listReloads)
      .pipe(
        switchMap(() => this.api.cases({ status: MY_OPEN, sort: 'risk', limit: 200 }).pipe(toLoadable())),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((s) => {
        this.listLoading.set(s.status === 'loading');
        if (s.status === 'ready') {
          this.cases.set(s.value.items);
          this.total.set(s.value.total);
          this.listError.set(null);
          this.listReady.set(true);
        } else if (s.status === 'error') {
          this.listError.set(s.error);
        }
      });

    combineLatest([toObservable(this.selectedId), toObservable(this.caseReloads)])
      .pipe(
        switchMap(([id]) => (id ? this.api.detail(id).pipe(toLoadable()) : of(null))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((s) => {
        if (!s) {
          this.detail.set(null);
          return;
        }
        if (s.status === 'ready') {
          this.detailError.set(null);
          this.show(s.value);
        } else if (s.status === 'error') {
          this.detailError.set(s.error);
        }
      });

    followSuggestions(computed(() => ({ round: this.round(), text: this.suggestText() })), this.suggestions);

    // A manager's decision on an approval asked for the case on screen: its offers and audit trail are fetched again.
    this.live.listen(this.destroyRef, (m) => this.onLive(m));
  }

  private onLive(m: LiveMessage): void {
    if (m.type !== 'case') return;
    if (m.caseId === this.selectedId()) {
      this.offersReloads.update((n) => n + 1);
      this.reloadCase();
    }
    const me = this.auth.user()?.username ?? null;
    if (m.actor !== me && m.assignee === me && (m.action === 'approval_approved' || m.action === 'approval_rejected')) {
      this.notifier.show(this.i18n.t(m.action === 'approval_approved' ? 'desk.live.approved' : 'desk.live.rejected', { offer: this.catalogue.offerTitle(m.offerCode) }));
    }
  }

  select(id: string | null): void {
    if (id === this.selectedId()) return;
    if (this.detail()?.id !== id) {
      this.detail.set(null);
      this.detailError.set(null);
    }
    this.selectedId.set(id);
  }

  reloadList(): void {
    this.listReloads.update((n) => n + 1);
  }

  reloadCase(): void {
    this.caseReloads.update((n) => n + 1);
  }

  /** The next open case after the one on screen (the list is riskiest first). */
  readonly next = computed(() => this.cases().find((c) => c.id !== this.selectedId()) ?? null);

  // ---- CallWork -------------------------------------------------------------------------------------------

  chooseReason(code: string | null): void {
    this.reasonCode.set(code);
    this.patchDraft({ offerCode: null });
    if (code && this.catalogue.reason(code)?.impliesCompetitor && !this.draft().competitorId) {
      this.patchDraft({ competitorId: suggestedCompetitor(this.suggestions().items, this.catalogue.competitors()) });
    }
  }

  patchDraft(patch: { competitorId?: string | null; offerCode?: string | null }): void {
    this.draft.update((d) => ({ ...d, ...patch }));
  }

  /** An offer taken means the subscriber stays: the outcome becomes `returned`. */
  applyOffer(offer: OfferProposal): void {
    this.patchDraft({ offerCode: offer.code });
    this.outcome.set('returned');
  }

  /** Asks a manager to approve an offer above the operator's authority for the case on screen. */
  askApproval(offerCode: string, note: string): void {
    const id = this.selectedId();
    if (!id || !this.working() || this.busy()) return;
    this.busy.set('approval');
    this.api.askApproval(id, offerCode, note).subscribe({
      next: () => {
        this.busy.set(null);
        this.askedApprovals.update((s) => new Set([...s, offerCode]));
        this.notifier.show(this.i18n.t('offers.approvalAsked'));
        this.offersReloads.update((n) => n + 1);
        this.reloadCase();
      },
      error: (err: unknown) => {
        this.busy.set(null);
        const e = toApiError(err);
        this.notifier.show(e.statusCode === 409 ? e.message : this.i18n.t(errorMessageKey(e)));
      },
    });
  }

  setOutcome(outcome: CaseOutcome): void {
    this.outcome.set(outcome);
    if (outcome !== 'returned') this.patchDraft({ offerCode: null });
  }

  // ---- steps ----------------------------------------------------------------------------------------------

  /** The subscriber was reached: assigned -> contacted. */
  contact(): void {
    const id = this.selectedId();
    if (!id || this.detail()?.status !== 'assigned') return;
    this.run('contact', this.api.contact(id, this.note().trim()), () => this.notifier.show(this.i18n.t('callList.contactRecorded')));
  }

  /** Closes the case with its outcome, the true reason and the offer taken. Returns whether it was sent. */
  record(): boolean {
    const id = this.selectedId();
    const outcome = this.outcome();
    if (!id || !this.working()) return false;
    if (!outcome || this.missingReason()) {
      this.showMissing.set(true);
      this.notifier.show(this.i18n.t(outcome ? 'callList.needReason' : 'callList.needOutcome'));
      return false;
    }
    const body = {
      outcome,
      ...(this.reasonCode() ? { reasonCode: this.reasonCode() as string } : {}),
      ...(outcome === 'returned' && this.draft().offerCode ? { offerCode: this.draft().offerCode as string } : {}),
      ...(this.note().trim() ? { note: this.note().trim() } : {}),
    };
    this.run('resolve', this.api.resolve(id, body), (v) =>
      this.notifier.show(this.i18n.t('callList.closed', { outcome: this.i18n.t(`hiddenChurn.status.${v.status}` as 'hiddenChurn.status.returned') })),
    );
    return true;
  }

  private run(action: CaseAction, request: Observable<HiddenChurnCaseDetail>, done: (v: HiddenChurnCaseDetail) => void): void {
    if (this.busy()) return;
    this.busy.set(action);
    request.subscribe({
      next: (v) => {
        this.busy.set(null);
        this.show(v);
        this.reloadList();
        done(v);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        const e = toApiError(err);
        if (e.statusCode === 409) {
          this.notifier.show(e.message);
          this.reloadCase();
          this.reloadList();
        } else if (e.statusCode === 400 && e.fields?.length) {
          this.notifier.show(e.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('\n'));
        } else {
          this.notifier.show(this.i18n.t(errorMessageKey(e)));
        }
      },
    });
  }

  private show(v: HiddenChurnCaseDetail): void {
    if (v.id !== this.selectedId()) return;
    const fresh = this.detail()?.id !== v.id;
    this.detail.set(v);
    if (!fresh) return;
    // Another case: the call starts afresh from what the API knows.
    this.statedText.set('');
    this.suggestions.set(NO_SUGGESTIONS);
    this.round.update((n) => n + 1);
    this.reasonCode.set(v.reasonCode);
    this.draft.set({ offerCode: v.offerCode, competitorId: null });
    this.outcome.set(v.status === 'returned' || v.status === 'lost' || v.status === 'false_alarm' ? v.status : null);
    this.note.set('');
    this.showMissing.set(false);
    this.askedApprovals.set(new Set());
  }
}
