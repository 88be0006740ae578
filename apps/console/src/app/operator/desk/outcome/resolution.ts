import type { OfferProposal, ResolveDisconnectRequest } from '@retention/contracts';
import { type Destination, type RequestOutcome, resolutionProblems } from '@retention/domain';
import type { TranslationKey } from '../../../core/i18n';

/** What the operator has filled in so far. */
export interface OutcomeDraft {
  outcome: RequestOutcome | null;
  offerCode: string | null;
  /** Where the subscriber went, when the outcome loses services (any reason). */
  destination: Destination | null;
  competitorId: string | null;
  /** YYYY-MM-DD */
  effectiveDate: string | null;
  keptServices: readonly string[];
  note: string;
}

export const EMPTY_DRAFT: OutcomeDraft = {
  outcome: null,
  offerCode: null,
  destination: null,
  competitorId: null,
  effectiveDate: null,
  keptServices: [],
  note: '',
};

export interface ResolutionContext {
  reasonCode: string | null;
  reasonImpliesCompetitor: boolean;
  /** The request's services. */
  services: readonly string[];
  offers: readonly OfferProposal[];
  /** YYYY-MM-DD, in the operator's time zone. */
  today: string;
}

/** One reason the form cannot be sent yet; each has a sentence in the dictionaries (`resolve.problem.<key>`). */
export type ResolutionProblem =
  | 'reason'
  | 'outcome'
  | 'offer'
  | 'offerIneligible'
  | 'offerNeedsApproval'
  | 'destination'
  | 'competitor'
  | 'kept'
  | 'keptAll'
  | 'effectiveDate';

export const problemKey = (p: ResolutionProblem): TranslationKey => `resolve.problem.${p}`;

/** Which fields each outcome uses; the others are left out of the request body. */
export const takesOffer = (o: RequestOutcome | null) => o === 'retained_with_offer' || o === 'partially_retained';
export const takesDate = (o: RequestOutcome | null) => o === 'disconnected' || o === 'partially_retained';
export const takesKept = (o: RequestOutcome | null) => o === 'partially_retained';
/** An outcome that loses services records where the subscriber went, whatever the reason. */
export const takesDestination = (o: RequestOutcome | null) => o === 'disconnected' || o === 'partially_retained';
/** Churn to a competitor must name it: the monthly report counts subscribers lost to each. */
export const needsCompetitor = (o: RequestOutcome | null, implies: boolean) => implies && takesDestination(o);

/** Where the subscriber went as the form stands: a competitor reason always goes to a competitor; a save goes nowhere. */
export function destinationOf(d: Pick<OutcomeDraft, 'outcome' | 'destination'>, implies: boolean): Destination | null {
  if (!takesDestination(d.outcome)) return null;
  return implies ? 'competitor' : d.destination;
}

/** The competitor picker applies to a competitor reason (on a save: who tempted them) and to any loss to a competitor. */
export const takesCompetitor = (d: Pick<OutcomeDraft, 'outcome' | 'destination'>, implies: boolean) =>
  implies || destinationOf(d, implies) === 'competitor';

/** The body POST /resolve gets: only the fields this outcome uses. */
export function toResolveBody(d: OutcomeDraft, ctx: ResolutionContext): ResolveDisconnectRequest {
  const outcome = d.outcome as RequestOutcome;
  const body: ResolveDisconnectRequest = { outcome, reasonCode: ctx.reasonCode ?? '' };
  const destination = destinationOf(d, ctx.reasonImpliesCompetitor);
  if (destination) body.destination = destination;
  if (takesCompetitor(d, ctx.reasonImpliesCompetitor) && d.competitorId) body.competitorId = d.competitorId;
  if (takesOffer(outcome) && d.offerCode) body.offerCode = d.offerCode;
  if (takesDate(outcome) && d.effectiveDate) body.effectiveDate = d.effectiveDate;
  if (takesKept(outcome)) body.keptServices = [...d.keptServices];
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

/**
 * What still blocks the resolution. The rules the API applies come from the domain (`resolutionProblems`), so
 * the console refuses exactly what the server would; the console adds what it can check earlier (the offer's
 * eligibility and approval, the kept services).
 */
export function resolutionBlockers(d: OutcomeDraft, ctx: ResolutionContext): ResolutionProblem[] {
  const out = new Set<ResolutionProblem>();
  if (!ctx.reasonCode) out.add('reason');
  if (!d.outcome) out.add('outcome');
  if (!ctx.reasonCode || !d.outcome) return [...out];

  const body = toResolveBody(d, ctx);
  for (const p of resolutionProblems({
    outcome: d.outcome,
    reasonCode: ctx.reasonCode,
    reasonImpliesCompetitor: ctx.reasonImpliesCompetitor,
    destination: body.destination,
    competitorId: body.competitorId,
    offerCode: body.offerCode,
    effectiveDate: body.effectiveDate,
    keptServices: body.keptServices,
    requestServices: ctx.services,
    today: ctx.today,
  })) {
    if (p.field === 'offerCode') out.add('offer');
    if (p.field === 'effectiveDate') out.add('effectiveDate');
    if (p.field === 'competitorId') out.add('competitor');
    if (p.field === 'destination') out.add('destination');
    if (p.code === 'kept_missing') out.add('kept');
    if (p.code === 'kept_all') out.add('keptAll');
  }
  if (body.offerCode) {
    const offer = ctx.offers.find((o) => o.code === body.offerCode);
    if (offer && !offer.eligible) out.add('offerIneligible');
    if (offer && offer.eligible && offer.needsApproval && !offer.approved) out.add('offerNeedsApproval');
  }
  if (takesDestination(d.outcome) && !body.destination) out.add('destination');
  if (needsCompetitor(d.outcome, ctx.reasonImpliesCompetitor) && !body.competitorId) out.add('competitor');
  return [...out];
}

/** Today as YYYY-MM-DD in the local time zone (toISOString would give UTC's date around midnight). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
