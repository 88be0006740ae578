import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type {
  ApiError,
  DeskDraft,
  DisconnectRequestView,
  OfferProposal,
  RequestStatusCode,
} from '@retention/contracts';
import type { RequestOutcome } from '@retention/domain';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  fromEvent,
  groupBy,
  map,
  mergeMap,
  type Observable,
  of,
  Subject,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import { AuthService } from '../../core/auth';
import { ConsoleEvents, type LiveMessage } from '../../core/events/console-events.service';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, outcomeKey, type TranslationKey } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { toLoadable } from '../../shared/data-access/loadable';
import { RequestsApi } from '../../shared/data-access/requests.api';
import { Notifier } from '../../shared/ui/notifier.service';
import {
  EMPTY_DRAFT,
  localToday,
  type OutcomeDraft,
  problemKey,
  resolutionBlockers,
  type ResolutionContext,
  toResolveBody,
} from './outcome/resolution';
import { LocalDrafts, newerDraft, sameDraft, type StoredDraft } from './desk-drafts';
import { givable } from './offers/offer-order';
import { suggestedCompetitor } from './presentation/suggested-competitor';
import { CallWork, followSuggestions, offersOf, presentationOf, reasonDetailOf, subscriberCardOf } from './call-work';
import { NO_SUGGESTIONS, type SuggestionState } from './reason/suggestions';

/** How often the queue (and the request on screen) is fetched again. */
export const REFRESH_MS = 20_000;
const OPEN_STATUSES: readonly RequestStatusCode[] = ['new', 'in_progress', 'postponed'];
/** The API's largest page: a peak-hour queue must not hide its newest requests. */
const QUEUE_LIMIT = 200;
/** How long the desk waits after the last keystroke before it sends the draft to the server. */
const DRAFT_SAVE_MS = 800;

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
export class DeskStore implements CallWork {
  private readonly api = inject(RequestsApi);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly auth = inject(AuthService);
  private readonly live = inject(ConsoleEvents);
  private readonly localDrafts = new LocalDrafts(localStorage);
  readonly catalogue = inject(Catalogue);
  /** A request's offers above the operator's authority go to a manager for approval. */
  readonly canAskApproval = true;

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
  /** The words the operator types during the call (the refined wording); empty keeps the intake text. */
  readonly statedText = signal('');
  /** The subscriber's words as the request was taken (web form, e-mail, the operator who opened it). */
  readonly intakeText = computed(() => (this.request()?.statedReason ?? '').trim());
  /** What the suggestions read: the refined words once typed, else the intake text. */
  readonly suggestText = computed(() => this.statedText().trim() || this.intakeText());
  /** Bumped whenever the suggestions are cleared for another request, so the same words fetch them again. */
  private readonly suggestRound = signal(0);
  private readonly suggestKey = computed(() => ({ round: this.suggestRound(), text: this.suggestText() }));
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
  /** The work as the API knows it (the request's own values): a draft equal to it is no draft. */
  private readonly baseline = signal<DeskDraft | null>(null);
  /** Requests of which the server holds this operator's draft (so that going back to the baseline removes it). */
  private readonly serverDrafts = new Set<string>();

  /** Everything the operator has worked out on the request on screen, as a draft. */
  readonly work = computed<DeskDraft>(() => {
    const d = this.draft();
    return {
      statedText: this.statedText(),
      reasonCode: this.reasonCode(),
      outcome: d.outcome,
      offerCode: d.offerCode,
      destination: d.destination,
      competitorId: d.competitorId,
      effectiveDate: d.effectiveDate,
      keptServices: [...d.keptServices],
      note: d.note,
    };
  });
  /** The operator has unsent work on the request on screen. */
  readonly hasWork = computed(() => {
    const base = this.baseline();
    return !!base && this.request()?.status !== 'resolved' && !sameDraft(this.work(), base);
  });

  readonly card = subscriberCardOf(computed(() => this.request()?.accountNumber ?? null));

  readonly reason = computed(() => this.catalogue.reason(this.reasonCode()) ?? null);
  readonly impliesCompetitor = computed(() => this.reason()?.impliesCompetitor ?? false);

  readonly reasonDetail = reasonDetailOf(this.reasonCode);

  private readonly offerLoad = offersOf(this.selectedId, this.reasonCode, (id, code, lang) => this.api.offers(id, code, lang), this.offersReloads);
  readonly offers = this.offerLoad.offers;
  readonly offerList = this.offerLoad.offerList;
  readonly presentation = presentationOf(this.selectedId, computed(() => this.draft().competitorId), this.impliesCompetitor, (id, competitorId) =>
    this.api.presentation(id, competitorId),
  );

  readonly actions = computed(() => new Set(this.request()?.actions ?? []));
  /** What to work on next: the queue's first request this operator can take or holds (due call-backs lead the queue). */
  readonly next = computed(() =>
    this.queue().find((q) => q.id !== this.selectedId() && (q.actions.includes('claim') || q.actions.includes('resolve'))) ?? null,
  );
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

    // Live events: the queue and the request on screen follow what others do, without waiting for the next poll.
    const liveReloads = new Subject<void>();
    liveReloads.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => this.reloadQueue());
    this.live.listen(this.destroyRef, (m) => {
      liveReloads.next();
      this.onLive(m);
    });

    // Drafts: every change is written to this browser at once, and (the request being in this operator's
    // hands) to the server shortly after, so that neither a reload nor another machine loses it.
    toObservable(this.work)
      .pipe(
        map((work) => ({ work, id: this.draftFor, has: this.hasWork(), working: this.working() })),
        filter((w): w is { work: DeskDraft; id: string; has: boolean; working: boolean } => !!w.id && w.id === this.request()?.id),
        map((w) => {
          const user = this.auth.user()?.username;
          if (user) {
            if (w.has) this.localDrafts.write(user, w.id, w.work, new Date());
            else this.localDrafts.remove(user, w.id);
          }
          return w;
        }),
        // Per request, so that moving on to the next one does not drop the last change of this one.
        groupBy((w) => w.id),
        mergeMap((changes) =>
          changes.pipe(
            debounceTime(DRAFT_SAVE_MS),
            filter((w) => w.working),
            switchMap(({ work, id, has }) => {
              if (has) {
                this.serverDrafts.add(id);
                return this.api.saveDraft(id, work).pipe(catchError(() => of(null)));
              }
              if (!this.serverDrafts.delete(id)) return of(null);
              return this.api.discardDraft(id).pipe(catchError(() => of(null)));
            }),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe();

    followSuggestions(this.suggestKey, this.suggestions);
  }

  /** What an event means for this desk: refetch the request on screen, and tell the operator what concerns them. */
  private onLive(m: LiveMessage): void {
    const me = this.auth.user()?.username ?? null;
    const onScreen = this.selectedId();
    if (m.type === 'ready') {
      if (onScreen) this.reloadRequest();
      return;
    }
    if (m.type === 'callback_due') {
      if (m.assignee === me) this.notifier.show(this.i18n.t('desk.live.callbackDue', { name: m.subscriberName }));
      return;
    }
    if (m.type !== 'request') return;
    if (m.requestId === onScreen) {
      this.reloadRequest();
      if (m.action.startsWith('approval_')) this.offersReloads.update((n) => n + 1);
    }
    if (m.actor === me) return;
    if ((m.action === 'approval_approved' || m.action === 'approval_rejected') && m.assignee === me) {
      this.notifier.show(this.i18n.t(m.action === 'approval_approved' ? 'desk.live.approved' : 'desk.live.rejected', { offer: this.catalogue.offerTitle(m.offerCode) }));
    } else if (m.action === 'claim' && m.requestId === onScreen) {
      this.notifier.show(this.i18n.t('desk.live.claimed', { name: m.actor ?? '' }));
    } else if (m.action === 'create') {
      this.notifier.show(this.i18n.t('desk.live.newRequest'));
    }
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
      this.patchDraft({ competitorId: suggestedCompetitor(this.suggestions().items, this.catalogue.competitors()) });
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
    if (stated && stated !== this.intakeText()) body.statedReason = stated;
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
      this.statedText.set('');
      this.suggestions.set(NO_SUGGESTIONS);
      this.suggestRound.update((n) => n + 1);
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
      this.baseline.set(this.work());
      this.restoreDraft(v);
    } else if (v.status === 'resolved') {
      this.forgetDraft(v.id);
    }
  }

  /** The operator's unsent work on this request, from this browser or the server, whichever is newer. */
  private restoreDraft(v: DisconnectRequestView): void {
    const user = this.auth.user()?.username;
    if (!user) return;
    if (v.status === 'resolved') {
      this.forgetDraft(v.id);
      return;
    }
    const local = this.localDrafts.read(user, v.id);
    if (local) this.applyDraft(local);
    if (!this.working()) return;
    this.api.draft(v.id).pipe(catchError(() => of(null))).subscribe((res) => {
      if (!res?.draft || !res.updatedAt || this.draftFor !== v.id) return;
      this.serverDrafts.add(v.id);
      const server: StoredDraft = { draft: res.draft, savedAt: res.updatedAt };
      if (newerDraft(local, server) === server && !sameDraft(server.draft, this.work())) this.applyDraft(server);
    });
  }

  private applyDraft(d: StoredDraft): void {
    const base = this.baseline();
    if (base && sameDraft(d.draft, base)) return;
    this.statedText.set(d.draft.statedText);
    this.reasonCode.set(d.draft.reasonCode);
    this.draft.set({
      outcome: d.draft.outcome,
      offerCode: d.draft.offerCode,
      destination: d.draft.destination,
      competitorId: d.draft.competitorId,
      effectiveDate: d.draft.effectiveDate,
      keptServices: d.draft.keptServices,
      note: d.draft.note,
    });
    this.notifier.show(this.i18n.t('desk.draftRestored', { when: this.i18n.when(d.savedAt) }));
  }

  /** Back to the request as the API knows it: the draft goes from this browser and the server. */
  discardWork(): void {
    const v = this.request();
    const base = this.baseline();
    if (!v || !base) return;
    this.statedText.set(base.statedText);
    this.reasonCode.set(base.reasonCode);
    this.draft.set({ ...EMPTY_DRAFT, ...base, keptServices: base.keptServices });
    this.forgetDraft(v.id);
    if (this.actions().has('resolve')) this.api.discardDraft(v.id).pipe(catchError(() => of(null))).subscribe();
    this.serverDrafts.delete(v.id);
  }

  private forgetDraft(id: string): void {
    const user = this.auth.user()?.username;
    if (user) this.localDrafts.remove(user, id);
  }
}

function isRequestView(v: unknown): v is DisconnectRequestView {
  return !!v && typeof v === 'object' && 'status' in v && 'actions' in v && 'accountNumber' in v;
}
