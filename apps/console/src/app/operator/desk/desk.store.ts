import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type {
  ApiError,
  ChurnReasonDetail,
  DisconnectRequestView,
  OfferProposal,
  PresentationView,
  RequestStatusCode,
  SubscriberCard,
} from '@retention/contracts';
import type { RequestOutcome } from '@retention/domain';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  fromEvent,
  map,
  type Observable,
  of,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, outcomeKey, type TranslationKey } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { ClassifierApi } from '../../shared/data-access/classifier.api';
import { type Loadable, toLoadable } from '../../shared/data-access/loadable';
import { RequestsApi } from '../../shared/data-access/requests.api';
import { Notifier } from '../../shared/ui/notifier.service';
import { SubscribersApi } from '../../subscribers/subscribers.api';
import {
  EMPTY_DRAFT,
  localToday,
  type OutcomeDraft,
  problemKey,
  resolutionBlockers,
  type ResolutionContext,
  toResolveBody,
} from './outcome/resolution';
import { deskOfferOrder, givable } from './offers/offer-order';
import { competitorNamedIn } from './presentation/competitor-match';
import { NO_SUGGESTIONS, receiveSuggestions, type SuggestionState } from './reason/suggestions';

/** How often the queue (and the request on screen) is fetched again. */
export const REFRESH_MS = 20_000;
const OPEN_STATUSES: readonly RequestStatusCode[] = ['new', 'in_progress', 'postponed'];
/** The API's largest page: a peak-hour queue must not hide its newest requests. */
const QUEUE_LIMIT = 200;
const SUGGEST_DEBOUNCE_MS = 250;

/** Sentences for the API's 409 codes: the request changed under the operator, or a rule stopped the step. */
const CONFLICT_KEYS: Readonly<Record<string, TranslationKey>> = {
  illegal_transition: 'desk.conflict.illegalTransition',
  approval_required: 'desk.conflict.approvalRequired',
  open_request_exists: 'desk.conflict.openRequestExists',
  already_disconnected: 'desk.conflict.alreadyDisconnected',
  no_active_services: 'desk.conflict.noActiveServices',
};

export type DeskAction = 'claim' | 'release' | 'postpone' | 'resolve' | 'approval';

/**
 * The state of the operator desk: the queue, the request on screen and what the operator has worked out for
 * it so far (stated words, true reason, competitor, outcome). Provided by the desk page; its panels read it.
 */
@Injectable()
export class DeskStore {
  private readonly api = inject(RequestsApi);
  private readonly classifier = inject(ClassifierApi);
  private readonly subscribers = inject(SubscribersApi);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  readonly catalogue = inject(Catalogue);

  // ---- the queue ---------------------------------------------------------------------------------------
  readonly mineOnly = signal(false);
  readonly search = signal('');
  private readonly queueReloads = signal(0);
  readonly queue = signal<DisconnectRequestView[]>([]);
  readonly queueTotal = signal(0);
  readonly queueLoading = signal(true);
  readonly queueError = signal<ApiError | null>(null);
  readonly queueUpdatedAt = signal<Date | null>(null);
  /** Set once the first page of the queue has arrived (the desk then opens its first request). */
  readonly queueReady = signal(false);

  // ---- the request on screen ---------------------------------------------------------------------------
  readonly selectedId = signal<string | null>(null);
  private readonly requestReloads = signal(0);
  readonly request = signal<DisconnectRequestView | null>(null);
  readonly requestLoading = signal(false);
  readonly requestError = signal<ApiError | null>(null);
  readonly busy = signal<DeskAction | null>(null);

  // ---- what the operator has worked out ----------------------------------------------------------------
  readonly statedText = signal('');
  readonly suggestions = signal<SuggestionState>(NO_SUGGESTIONS);
  readonly reasonCode = signal<string | null>(null);
  readonly draft = signal<OutcomeDraft>(EMPTY_DRAFT);
  /** Offers a manager was asked to approve for this request (the API reports only granted approvals). */
  readonly askedApprovals = signal<ReadonlySet<string>>(new Set());
  /** Set by a resolve attempt, so that the form shows what still blocks it. */
  readonly showBlockers = signal(false);
  /** Bumped to move the focus to the stated-reason box (after a claim, or on S). */
  readonly focusReason = signal(0);
  private draftFor: string | null = null;
  private readonly offersReloads = signal(0);

  readonly card = toSignal(
    toObservable(computed(() => this.request()?.accountNumber ?? null)).pipe(
      distinctUntilChanged(),
      switchMap((account) =>
        account ? this.subscribers.card(account).pipe(catchError(() => of(null)), startWith(null)) : of(null),
      ),
    ),
    { initialValue: null as SubscriberCard | null },
  );

  readonly reason = computed(() => this.catalogue.reason(this.reasonCode()) ?? null);
  readonly impliesCompetitor = computed(() => this.reason()?.impliesCompetitor ?? false);

  readonly reasonDetail = toSignal(
    combineLatest([toObservable(this.reasonCode), toObservable(this.i18n.language)]).pipe(
      switchMap(([code, lang]) => (code ? this.classifier.reason(code, lang).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null as Loadable<ChurnReasonDetail> | null },
  );

  readonly offers = toSignal(
    combineLatest([
      toObservable(this.selectedId),
      toObservable(this.reasonCode),
      toObservable(this.i18n.language),
      toObservable(this.offersReloads),
    ]).pipe(
      switchMap(([id, code, lang]) => (id && code ? this.api.offers(id, code, lang).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null as Loadable<OfferProposal[]> | null },
  );
  readonly offerList = computed(() => {
    const o = this.offers();
    return o?.status === 'ready' ? deskOfferOrder(o.value) : [];
  });

  readonly presentation = toSignal(
    combineLatest([
      toObservable(this.selectedId),
      toObservable(computed(() => this.draft().competitorId)),
      toObservable(this.impliesCompetitor),
    ]).pipe(
      distinctUntilChanged((a, b) => a.join() === b.join()),
      switchMap(([id, competitorId, implies]) =>
        id && implies ? this.api.presentation(id, competitorId).pipe(toLoadable()) : of(null),
      ),
    ),
    { initialValue: null as Loadable<PresentationView> | null },
  );

  readonly actions = computed(() => new Set(this.request()?.actions ?? []));
  /** The request is in this operator's hands: the outcome form is live. */
  readonly working = computed(() => this.actions().has('resolve'));

  private readonly resolutionContext = computed<ResolutionContext>(() => ({
    reasonCode: this.reasonCode(),
    reasonImpliesCompetitor: this.impliesCompetitor(),
    services: this.request()?.services ?? [],
    offers: this.offerList(),
    today: localToday(),
  }));
  readonly blockers = computed(() => resolutionBlockers(this.draft(), this.resolutionContext()));

  constructor() {
    combineLatest([
      toObservable(this.mineOnly),
      toObservable(this.search).pipe(debounceTime(250), distinctUntilChanged()),
      toObservable(this.queueReloads),
      // Coming back to the tab shows the queue as it is now, not as it was up to 20 s ago.
      fromEvent(this.document, 'visibilitychange').pipe(
        filter(() => this.document.visibilityState === 'visible'),
        startWith(null),
      ),
    ])
      .pipe(
        switchMap(([mine, search]) =>
          timer(0, REFRESH_MS).pipe(
            switchMap(() => this.api.list({ statuses: OPEN_STATUSES, mine, search, limit: QUEUE_LIMIT }).pipe(toLoadable())),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((s) => {
        this.queueLoading.set(s.status === 'loading');
        if (s.status === 'ready') {
          this.queue.set(s.value.items);
          this.queueTotal.set(s.value.total);
          this.queueUpdatedAt.set(new Date());
          this.queueError.set(null);
          this.queueReady.set(true);
        } else if (s.status === 'error') {
          this.queueError.set(s.error);
        }
      });

    // The request on screen: fetched on selection, then every REFRESH_MS (someone else may claim it, a
    // manager may approve an offer), without touching what the operator has typed.
    combineLatest([toObservable(this.selectedId), toObservable(this.requestReloads)])
      .pipe(
        switchMap(([id]) => (id ? timer(0, REFRESH_MS).pipe(switchMap(() => this.api.get(id).pipe(toLoadable()))) : of(null))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((s) => {
        if (!s) {
          this.request.set(null);
          this.requestLoading.set(false);
          return;
        }
        if (s.status === 'loading') {
          this.requestLoading.set(true);
        } else if (s.status === 'ready') {
          this.requestLoading.set(false);
          this.requestError.set(null);
          this.showRequest(s.value);
          if (this.askedApprovals().size) this.offersReloads.update((n) => n + 1);
        } else {
          this.requestLoading.set(false);
          this.requestError.set(s.error);
        }
      });

    combineLatest([
      toObservable(this.statedText).pipe(debounceTime(SUGGEST_DEBOUNCE_MS), map((t) => t.trim()), distinctUntilChanged()),
      toObservable(this.i18n.language),
    ])
      .pipe(
        switchMap(([text, lang]) =>
          text.length >= 3 ? this.classifier.suggest(text, lang).pipe(catchError(() => of([]))) : of([]),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((items) => this.suggestions.update((prev) => receiveSuggestions(prev, items)));
  }

  // ---- selection -----------------------------------------------------------------------------------------

  select(id: string | null): void {
    if (id === this.selectedId()) return;
    if (this.request()?.id !== id) {
      this.request.set(null);
      this.requestError.set(null);
    }
    this.selectedId.set(id);
  }

  reloadQueue(): void {
    this.queueReloads.update((n) => n + 1);
  }

  reloadRequest(): void {
    this.requestReloads.update((n) => n + 1);
  }

  // ---- working on the request ------------------------------------------------------------------------------

  chooseReason(code: string | null): void {
    this.reasonCode.set(code);
    // An offer from another reason's chain may not fit this one.
    this.patchDraft({ offerCode: null });
    if (code && this.catalogue.reason(code)?.impliesCompetitor && !this.draft().competitorId) {
      this.patchDraft({ competitorId: competitorNamedIn(this.statedText(), this.catalogue.competitors()) });
    }
  }

  patchDraft(patch: Partial<OutcomeDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
  }

  setOutcome(outcome: RequestOutcome): void {
    if (!this.working()) return;
    const d = this.draft();
    // A save with an offer takes the best offer that can be given now, so that one key does the job.
    const offerCode =
      outcome === 'retained_with_offer' && !d.offerCode
        ? (this.offerList().find(givable)?.code ?? null)
        : d.offerCode;
    this.patchDraft({ outcome, offerCode });
  }

  applyOffer(offer: OfferProposal): void {
    const outcome = this.draft().outcome === 'partially_retained' ? 'partially_retained' : 'retained_with_offer';
    this.patchDraft({ outcome, offerCode: offer.code });
  }

  // ---- steps (each answered with the request as it is now) -------------------------------------------------

  claim(): void {
    const id = this.selectedId();
    if (!id || !this.actions().has('claim')) return;
    this.run('claim', this.api.claim(id), () => this.focusReason.update((n) => n + 1));
  }

  release(): void {
    const id = this.selectedId();
    if (!id || !this.actions().has('release')) return;
    this.run('release', this.api.release(id), () => undefined);
  }

  postpone(callbackAt: string, note: string): void {
    const id = this.selectedId();
    if (!id) return;
    this.run('postpone', this.api.postpone(id, { callbackAt, note }), (v) =>
      this.notifier.show(this.i18n.t('desk.postponed', { at: this.i18n.when(v.callbackAt) })),
    );
  }

  /** Sends the outcome; when something still blocks it, shows what instead. Returns whether it was sent. */
  resolve(): boolean {
    const id = this.selectedId();
    if (!id || !this.working()) return false;
    const blockers = this.blockers();
    if (blockers.length) {
      this.showBlockers.set(true);
      this.notifier.show(this.i18n.t(problemKey(blockers[0])));
      return false;
    }
    const body = toResolveBody(this.draft(), this.resolutionContext());
    const stated = this.statedText().trim();
    // Words the operator refined during the call replace the stated reason (the API keeps the original in the audit trail).
    if (stated && stated !== (this.request()?.statedReason ?? '').trim()) body.statedReason = stated;
    this.run('resolve', this.api.resolve(id, body), (v) =>
      this.notifier.show(this.i18n.t('desk.resolved', { outcome: v.outcome ? this.i18n.t(outcomeKey(v.outcome)) : '' })),
    );
    return true;
  }

  askApproval(offerCode: string, note: string): void {
    const id = this.selectedId();
    if (!id) return;
    this.run('approval', this.api.askApproval(id, offerCode, note), () => {
      this.askedApprovals.update((s) => new Set([...s, offerCode]));
      this.notifier.show(this.i18n.t('offers.approvalAsked'));
      this.reloadRequest();
    });
  }

  /** A request made in the desk's dialog: into the queue and onto the screen. */
  created(view: DisconnectRequestView): void {
    this.reloadQueue();
    this.select(view.id);
  }

  /** The sentence for a failed step; a conflict also refreshes what is on screen, which is now out of date. */
  fail(err: unknown): void {
    const e = toApiError(err);
    if (e.statusCode === 409) {
      const key = CONFLICT_KEYS[e.error];
      this.notifier.show(key ? this.i18n.t(key) : e.message);
      this.reloadQueue();
      this.reloadRequest();
      return;
    }
    if (e.statusCode === 400 && e.fields?.length) {
      this.notifier.show(e.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('\n'));
      return;
    }
    this.notifier.show(this.i18n.t(errorMessageKey(e)));
  }

  private run(action: DeskAction, request: Observable<DisconnectRequestView | unknown>, done: (v: DisconnectRequestView) => void): void {
    if (this.busy()) return;
    this.busy.set(action);
    request.subscribe({
      next: (v) => {
        this.busy.set(null);
        if (isRequestView(v)) this.showRequest(v);
        this.reloadQueue();
        done(v as DisconnectRequestView);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.fail(err);
      },
    });
  }

  private showRequest(v: DisconnectRequestView): void {
    if (v.id !== this.selectedId()) return;
    this.request.set(v);
    if (this.draftFor !== v.id) {
      // A different request: start its work afresh from what the API knows.
      this.draftFor = v.id;
      this.statedText.set(v.statedReason ?? '');
      this.suggestions.set(NO_SUGGESTIONS);
      this.reasonCode.set(v.reasonCode);
      this.askedApprovals.set(new Set());
      this.showBlockers.set(false);
      this.draft.set({
        ...EMPTY_DRAFT,
        outcome: v.outcome,
        offerCode: v.offerCode,
        destination: v.destination,
        competitorId: v.competitorId,
        effectiveDate: v.effectiveDate,
        keptServices: v.keptServices ?? [],
      });
    }
  }
}

function isRequestView(v: unknown): v is DisconnectRequestView {
  return !!v && typeof v === 'object' && 'status' in v && 'actions' in v && 'accountNumber' in v;
}
