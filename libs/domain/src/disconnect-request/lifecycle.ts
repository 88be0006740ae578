/**
 * The life of a disconnect request, as one table used by the API (to refuse) and the console
 * (to offer only the buttons that can work).
 *
 *   new ──claim──▶ in_progress ──resolve──▶ resolved (retained | retained_with_offer |
 *    ▲                 │   │                          partially_retained | disconnected)
 *    └────release──────┘   └──postpone──▶ postponed ──claim (same operator)──▶ in_progress
 */
import { addDays } from '../time/months';

export type RequestStatus = 'new' | 'in_progress' | 'postponed' | 'resolved';
export type RequestAction = 'claim' | 'release' | 'postpone' | 'resolve';
export type RequestOutcome = 'retained' | 'retained_with_offer' | 'partially_retained' | 'disconnected';

export const REQUEST_STATUSES: readonly RequestStatus[] = ['new', 'in_progress', 'postponed', 'resolved'];
export const REQUEST_OUTCOMES: readonly RequestOutcome[] = ['retained', 'retained_with_offer', 'partially_retained', 'disconnected'];
export const REQUEST_CHANNELS = ['phone', 'office', 'web', 'email', 'api'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

interface Transition {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** Only the operator who holds the request may take this step. */
  ownerOnly: boolean;
}

export const REQUEST_TRANSITIONS: Readonly<Record<RequestAction, Transition>> = {
  claim: { from: ['new', 'postponed'], to: 'in_progress', ownerOnly: false },
  release: { from: ['in_progress'], to: 'new', ownerOnly: true },
  postpone: { from: ['in_progress'], to: 'postponed', ownerOnly: true },
  resolve: { from: ['in_progress'], to: 'resolved', ownerOnly: true },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly action: RequestAction,
    readonly status: RequestStatus,
    reason: string,
  ) {
    super(reason);
  }
}

export interface TransitionContext {
  status: RequestStatus;
  /** Who holds the request now (in progress or waiting for a call-back), if anyone. */
  assigneeId: string | null;
  actorId: string;
}

/**
 * Why `action` is refused in `ctx`, a sentence for the operator, or null when it may be taken: the one rule
 * behind both nextStatus (which refuses) and availableActions (which offers), so the queue's buttons cost no
 * exception per request and action.
 */
export function refusal(action: RequestAction, ctx: TransitionContext): string | null {
  const t = REQUEST_TRANSITIONS[action];
  if (!t.from.includes(ctx.status)) {
    const verb = { claim: 'claimed', release: 'released', postpone: 'postponed', resolve: 'resolved' }[action];
    const why =
      ctx.status === 'in_progress' && action === 'claim'
        ? 'it is already being handled by another operator'
        : ctx.status === 'resolved'
          ? 'it is already resolved'
          : `it is ${ctx.status.replace('_', ' ')}`;
    return `The request cannot be ${verb}: ${why}.`;
  }
  // A call-back comes back to the operator who promised it.
  const mustOwn = t.ownerOnly || (action === 'claim' && ctx.status === 'postponed');
  if (mustOwn && ctx.assigneeId !== ctx.actorId) return 'The request belongs to another operator.';
  return null;
}

/** The status after `action`, or an IllegalTransitionError with a sentence for the operator. */
export function nextStatus(action: RequestAction, ctx: TransitionContext): RequestStatus {
  const refused = refusal(action, ctx);
  if (refused) throw new IllegalTransitionError(action, ctx.status, refused);
  return REQUEST_TRANSITIONS[action].to;
}

/** The actions this actor can take on a request now, for the console's buttons. */
export function availableActions(ctx: TransitionContext): RequestAction[] {
  return (Object.keys(REQUEST_TRANSITIONS) as RequestAction[]).filter((a) => refusal(a, ctx) === null);
}

/** The outcomes that count as a save; partial retention keeps some revenue but is churn too. */
export const SAVE_OUTCOMES: readonly RequestOutcome[] = ['retained', 'retained_with_offer'];

/** A retained outcome counts as a save; partial retention keeps some revenue but is churn too. */
export function isSave(outcome: RequestOutcome): boolean {
  return SAVE_OUTCOMES.includes(outcome);
}

/** The outcomes that lose (some) services: all requested ones, or those not kept in a partial retention. */
export const CHURN_OUTCOMES: readonly RequestOutcome[] = ['disconnected', 'partially_retained'];

/** Whether the outcome loses (some) services, and so counts in churn and the plan's actuals. */
export function isChurnOutcome(outcome: RequestOutcome): boolean {
  return CHURN_OUTCOMES.includes(outcome);
}

/**
 * The services a resolved request disconnects (docs/methodology.md, "One home for churn data"): none for a save,
 * all requested for a disconnection, those not kept for a partial retention. A kept service is never churn.
 */
export function churnedServices(outcome: RequestOutcome, requested: readonly string[], kept: readonly string[] | null): string[] {
  if (!isChurnOutcome(outcome)) return [];
  return requested.filter((s) => !(kept ?? []).includes(s));
}

export type SaveState = 'pending' | 'confirmed' | 'lost';
export const SAVE_CONFIRMATION_DAYS = 30;

/**
 * A save is confirmed only when the subscriber is still connected 30 days after the request was
 * resolved as retained (docs/methodology.md, "Ways to keep a subscriber"); until then it is pending; leaving
 * before that loses it.
 */
export function saveState(resolvedOn: string, asOf: string, disconnectedOn: string | null): SaveState {
  const days = (Date.parse(asOf) - Date.parse(resolvedOn)) / 86_400_000;
  if (disconnectedOn && Date.parse(disconnectedOn) <= Date.parse(asOf)) {
    const after = (Date.parse(disconnectedOn) - Date.parse(resolvedOn)) / 86_400_000;
    if (after < SAVE_CONFIRMATION_DAYS) return 'lost';
  }
  return days >= SAVE_CONFIRMATION_DAYS ? 'confirmed' : 'pending';
}

/**
 * How far ahead a disconnection may be dated: a request is worked within days, and a disconnection
 * at the end of a 12-month contract is the furthest a subscriber plans. Beyond it the date is a typo.
 */
export const EFFECTIVE_DATE_MAX_DAYS_AHEAD = 365;

/**
 * Where a subscriber who left went, recorded for every reason (docs/methodology.md, "Where they went"):
 * to a competitor (named, or not known which), unknown (the operator could not tell), or nowhere
 * (gives the service up). It is not tied to the reason: "moving out of the coverage area" or "slow
 * speed" may well hide a competitor.
 */
export const DESTINATIONS = ['competitor', 'unknown', 'none'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/**
 * The destination a resolution records: for a loss, the one given, else a competitor when one is
 * named or the reason means one, else unknown; a save records none (the subscriber stayed).
 */
export function resolvedDestination(r: {
  outcome: RequestOutcome;
  reasonImpliesCompetitor: boolean;
  destination?: Destination | null;
  competitorId?: string | null;
}): Destination | null {
  if (!isChurnOutcome(r.outcome)) return null;
  return r.destination ?? (r.competitorId || r.reasonImpliesCompetitor ? 'competitor' : 'unknown');
}

export interface ResolutionInput {
  outcome: RequestOutcome;
  reasonCode: string;
  reasonImpliesCompetitor: boolean;
  /** Where the subscriber went (losses only); see resolvedDestination for what is recorded without it. */
  destination?: Destination | null;
  competitorId?: string | null;
  offerCode?: string | null;
  effectiveDate?: string | null;
  /** For a partial retention: the services kept, out of the request's services. */
  keptServices?: readonly string[];
  requestServices?: readonly string[];
  today: string;
}

export interface ResolutionProblem {
  field: string;
  problem: string;
  /** Set for the kept-services rules, so a screen can word each one its own way. */
  code?: 'kept_missing' | 'kept_all' | 'kept_unknown' | 'kept_not_partial';
}

/** What a resolution must and must not carry. Returns each problem by field; empty when valid. */
export function resolutionProblems(r: ResolutionInput): ResolutionProblem[] {
  const problems: ResolutionProblem[] = [];
  if (r.destination && !isChurnOutcome(r.outcome)) {
    problems.push({ field: 'destination', problem: 'only a subscriber who leaves goes somewhere; a save has no destination' });
  } else if (r.destination && r.destination !== 'competitor' && r.reasonImpliesCompetitor) {
    problems.push({ field: 'destination', problem: `the reason ${r.reasonCode} means the subscriber goes to a competitor` });
  } else if (r.destination && r.destination !== 'competitor' && r.competitorId) {
    problems.push({ field: 'competitorId', problem: 'a competitor is named only when the subscriber goes to one' });
  }
  if (r.outcome === 'retained_with_offer' && !r.offerCode) {
    problems.push({ field: 'offerCode', problem: 'a save with an offer must name the offer accepted' });
  }
  if ((r.outcome === 'retained' || r.outcome === 'disconnected') && r.offerCode) {
    problems.push({ field: 'offerCode', problem: `an offer is not accepted when the outcome is ${r.outcome}` });
  }
  if (r.effectiveDate) {
    if (r.outcome !== 'disconnected' && r.outcome !== 'partially_retained') {
      problems.push({ field: 'effectiveDate', problem: 'only a disconnection takes effect on a date' });
    } else if (r.effectiveDate < r.today) {
      problems.push({ field: 'effectiveDate', problem: 'must be today or later' });
    } else if (r.effectiveDate > addDays(r.today, EFFECTIVE_DATE_MAX_DAYS_AHEAD)) {
      const last = addDays(r.today, EFFECTIVE_DATE_MAX_DAYS_AHEAD);
      problems.push({ field: 'effectiveDate', problem: `must be within ${EFFECTIVE_DATE_MAX_DAYS_AHEAD} days from today (${r.today} to ${last})` });
    }
  }
  const kept = r.keptServices ?? [];
  if (r.outcome === 'partially_retained') {
    const all = r.requestServices;
    const unknown = all ? kept.filter((s) => !all.includes(s)) : [];
    if (!kept.length) problems.push({ field: 'keptServices', problem: 'name the services the subscriber keeps', code: 'kept_missing' });
    else if (unknown.length) problems.push({ field: 'keptServices', problem: `not part of this request: ${unknown.join(', ')}`, code: 'kept_unknown' });
    else if (all && kept.length >= all.length) {
      problems.push({ field: 'keptServices', problem: 'keeping every service is a retention, not a partial one', code: 'kept_all' });
    }
  } else if (kept.length) {
    problems.push({ field: 'keptServices', problem: 'only a partial retention keeps some services', code: 'kept_not_partial' });
  }
  return problems;
}
