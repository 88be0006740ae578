import { computed, DestroyRef, inject, type Signal, signal, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ChurnReasonDetail, ChurnReasonView, OfferProposal, PresentationView, SubscriberCard } from '@retention/contracts';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, type Observable, of, startWith, switchMap } from 'rxjs';
import { I18nService, type Language } from '../../core/i18n';
import type { Catalogue } from '../../shared/data-access/catalogue';
import { ClassifierApi } from '../../shared/data-access/classifier.api';
import { type Loadable, toLoadable } from '../../shared/data-access/loadable';
import { SubscribersApi } from '../../subscribers/subscribers.api';
import { deskOfferOrder } from './offers/offer-order';
import { receiveSuggestions, type SuggestionState } from './reason/suggestions';

/** Suggestions the desk shows: four whole titles fit beside the script at 1280×720 in every language. */
export const DESK_SUGGESTIONS = 4;
const SUGGEST_DEBOUNCE_MS = 250;

/**
 * A call with a subscriber, as the desk's panels see it: the subscriber card, the words and the true reason with
 * its suggestions and script, the competitor comparison and the offers. The disconnect-request desk (DeskStore)
 * and the hidden-churn call list (CaseWorkStore) each provide one, so that the same panels (reason picker, script,
 * presentation, offers, subscriber summary) serve both: a page provides `{ provide: CallWork, useExisting: … }`.
 */
export abstract class CallWork {
  abstract readonly catalogue: Catalogue;
  abstract readonly card: Signal<SubscriberCard | null>;
  /** The words the operator types during the call. */
  abstract readonly statedText: WritableSignal<string>;
  /** The subscriber's words as they came in (a request's intake text; none for a hidden-churn case). */
  abstract readonly intakeText: Signal<string>;
  abstract readonly suggestText: Signal<string>;
  abstract readonly suggestions: WritableSignal<SuggestionState>;
  abstract readonly reasonCode: Signal<string | null>;
  abstract readonly reason: Signal<ChurnReasonView | null>;
  abstract readonly reasonDetail: Signal<Loadable<ChurnReasonDetail> | null>;
  /** Bumped to move the focus to the words box. */
  abstract readonly focusReason: Signal<number>;
  abstract readonly draft: Signal<{ offerCode: string | null; competitorId: string | null }>;
  abstract readonly offers: Signal<Loadable<OfferProposal[]> | null>;
  abstract readonly offerList: Signal<OfferProposal[]>;
  abstract readonly presentation: Signal<Loadable<PresentationView> | null>;
  /** The call is in this operator's hands: choices can be made. */
  abstract readonly working: Signal<boolean>;
  abstract readonly busy: Signal<string | null>;
  /** Offers a manager was asked to approve on this call. */
  abstract readonly askedApprovals: Signal<ReadonlySet<string>>;
  /** Whether an offer above the operator's authority can be sent to a manager from here (requests only). */
  abstract readonly canAskApproval: boolean;

  abstract chooseReason(code: string | null): void;
  abstract patchDraft(patch: { competitorId?: string | null; offerCode?: string | null }): void;
  abstract applyOffer(offer: OfferProposal): void;
  abstract askApproval(offerCode: string, note: string): void;
}

/** The subscriber card of the account on screen (null while it loads, or when it cannot be read). Injection context. */
export function subscriberCardOf(account: Signal<string | null>): Signal<SubscriberCard | null> {
  const subscribers = inject(SubscribersApi);
  return toSignal(
    toObservable(account).pipe(
      distinctUntilChanged(),
      switchMap((a) => (a ? subscribers.card(a).pipe(catchError(() => of(null)), startWith(null)) : of(null))),
    ),
    { initialValue: null },
  );
}

/** The chosen reason's detail (script, norms) in the console language. Injection context. */
export function reasonDetailOf(code: Signal<string | null>): Signal<Loadable<ChurnReasonDetail> | null> {
  const classifier = inject(ClassifierApi);
  const i18n = inject(I18nService);
  return toSignal(
    combineLatest([toObservable(code), toObservable(i18n.language)]).pipe(
      switchMap(([c, lang]) => (c ? classifier.reason(c, lang).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null },
  );
}

/**
 * The offers for the call on screen and its true reason, in the console language, as the API loads them (`load`:
 * a request's or a case's), again whenever `reloads` changes; and the list in the desk's order (eligible first,
 * by value). Injection context.
 */
export function offersOf(
  id: Signal<string | null>,
  reasonCode: Signal<string | null>,
  load: (id: string, reasonCode: string, lang: Language) => Observable<OfferProposal[]>,
  reloads: Signal<number> = signal(0),
): { offers: Signal<Loadable<OfferProposal[]> | null>; offerList: Signal<OfferProposal[]> } {
  const i18n = inject(I18nService);
  const offers = toSignal(
    combineLatest([toObservable(id), toObservable(reasonCode), toObservable(i18n.language), toObservable(reloads)]).pipe(
      switchMap(([i, code, lang]) => (i && code ? load(i, code, lang).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null as Loadable<OfferProposal[]> | null },
  );
  const offerList = computed(() => {
    const o = offers();
    return o?.status === 'ready' ? deskOfferOrder(o.value) : [];
  });
  return { offers, offerList };
}

/**
 * The comparison with the competitor named on the call, loaded (`load`: a request's or a case's) only while the
 * reason implies a competitor. Injection context.
 */
export function presentationOf(
  id: Signal<string | null>,
  competitorId: Signal<string | null>,
  impliesCompetitor: Signal<boolean>,
  load: (id: string, competitorId: string | null) => Observable<PresentationView>,
): Signal<Loadable<PresentationView> | null> {
  return toSignal(
    combineLatest([toObservable(id), toObservable(competitorId), toObservable(impliesCompetitor)]).pipe(
      distinctUntilChanged((a, b) => a.join() === b.join()),
      switchMap(([i, competitor, implies]) => (i && implies ? load(i, competitor).pipe(toLoadable()) : of(null))),
    ),
    { initialValue: null as Loadable<PresentationView> | null },
  );
}

/**
 * Feeds `target` with the classifier's suggestions for the words as they are typed (debounced, at least three
 * characters, in the console language). Keyed by a round too: a new call clears the suggestions, so the same
 * words must fetch them again. Injection context.
 */
export function followSuggestions(key: Signal<{ round: number; text: string }>, target: WritableSignal<SuggestionState>): void {
  const classifier = inject(ClassifierApi);
  const i18n = inject(I18nService);
  combineLatest([
    toObservable(key).pipe(
      debounceTime(SUGGEST_DEBOUNCE_MS),
      distinctUntilChanged((a, b) => a.round === b.round && a.text === b.text),
    ),
    toObservable(i18n.language),
  ])
    .pipe(
      switchMap(([{ text }, lang]) =>
        text.length >= 3 ? classifier.suggest(text, lang, DESK_SUGGESTIONS).pipe(catchError(() => of([]))) : of([]),
      ),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe((items) => target.update((prev) => receiveSuggestions(prev, items)));
}
