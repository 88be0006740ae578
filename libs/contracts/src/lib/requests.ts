/** Shapes of the classifier, offers and disconnect requests (the operator desk). */
export type LangCode = 'en' | 'ru' | 'uk';
export type LocalizedText = Record<LangCode, string>;

export interface ChurnReasonView {
  code: string;
  /** Title and description in the language asked for (`lang`, default English). */
  title: string;
  description: string;
  group: string;
  managed: boolean;
  impliesCompetitor: boolean;
  /** Normative monthly maximum as a share of the active subscriber base. */
  threshold: number;
  offerCodes: string[];
  version: number;
  position: number;
}

export interface ScriptView {
  questions: LocalizedText[];
  arguments: LocalizedText[];
  objections: { objection: LocalizedText; answer: LocalizedText }[];
  closing: LocalizedText[];
}

export interface ChurnReasonDetail extends ChurnReasonView {
  titles: LocalizedText;
  descriptions: LocalizedText;
  typicalPhrases: LocalizedText[];
  script: ScriptView;
}

export interface ReasonSuggestionView {
  code: string;
  score: number;
  title: string;
  /** Which engine suggested it: the synonym table, the model learnt from resolutions, or both. */
  source?: 'rules' | 'learned' | 'both';
  /**
   * On the catch-all when no specific reason is suggested, why: 'refused', 'no_reason_words',
   * 'weak_evidence', 'contradictory' or 'catch_all_fits'.
   */
  abstained?: string;
  /**
   * A competitor the words name or imply, proposed for the destination: its configured code (null for a
   * competitor the operator has not configured) and name (null when only implied: "another provider").
   */
  competitor?: { code: string | null; name: string | null };
}

/** Accuracy of reason suggestions on one set of labelled reasons (shares 0..1). */
export interface SuggestionAccuracyView {
  n: number;
  top1: number;
  top3: number;
}

/** A version of the reason model learnt from resolutions, with what a manager checks before switching to it. */
export interface ReasonModelView {
  version: number;
  status: 'queued' | 'training' | 'ready' | 'failed';
  cause: 'nightly' | 'manual' | 'resolutions' | 'upgrade';
  requestedAt: string;
  finishedAt: string | null;
  /** Resolutions it was trained on, and held back from training to measure it. */
  examples: number | null;
  heldOut: number | null;
  /** Share of the final score that comes from the model when it is active. */
  weight: number | null;
  /** The classifier version it was trained with (its reasons and texts are the model's seed); null before it was recorded. */
  classifierVersion: number | null;
  /** On the held-back resolutions and on the test part of the evaluation set: the rules alone and blended. */
  heldOutAccuracy: { rules: SuggestionAccuracyView; blended: SuggestionAccuracyView } | null;
  evaluationAccuracy: { rules: SuggestionAccuracyView; blended: SuggestionAccuracyView } | null;
  /** True when blended beats the rules on the held-back resolutions: only then can it be switched on. */
  beatsRules: boolean;
  active: boolean;
  error: string | null;
}

export interface ActivateReasonModelRequest {
  /** The version to blend into suggestions; null for the synonym table alone. */
  version: number | null;
}

export interface ClassifierVersionView {
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export interface UpdateChurnReasonRequest {
  note?: string;
  threshold?: number;
  managed?: boolean;
  impliesCompetitor?: boolean;
  titles?: LocalizedText;
  descriptions?: LocalizedText;
  typicalPhrases?: LocalizedText[];
  offerCodes?: string[];
  script?: ScriptView;
}

export interface OfferView {
  code: string;
  kind: string;
  title: string;
  description: string;
  titles: LocalizedText;
  discountPercent: number | null;
  months: number | null;
  monthlyCost: number;
  oneOffCost: number;
  minTenureMonths: number;
  minMonthlyRevenue: number;
  reasonCodes: string[] | null;
  active: boolean;
}

export interface UpdateOfferRequest {
  discountPercent?: number | null;
  months?: number | null;
  monthlyCost?: number;
  oneOffCost?: number;
  minTenureMonths?: number;
  minMonthlyRevenue?: number;
  reasonCodes?: string[] | null;
  active?: boolean;
}

export interface OfferProposal {
  code: string;
  title: string;
  description: string;
  cost: number;
  eligible: boolean;
  ineligibleBecause: string[];
  needsApproval: boolean;
  /** An approval already granted for this request and offer. */
  approved: boolean;
  /** The latest approval asked for this request and offer, if any: waiting for a manager, granted or declined. */
  approval: 'pending' | 'approved' | 'rejected' | null;
  inReasonChain: boolean;
}

export type RequestStatusCode = 'new' | 'in_progress' | 'postponed' | 'resolved';
export type RequestOutcomeCode = 'retained' | 'retained_with_offer' | 'partially_retained' | 'disconnected';
export type SaveStateCode = 'pending' | 'confirmed' | 'lost';

export interface CreateDisconnectRequest {
  accountNumber: string;
  /** Service codes; empty means all the subscriber's services. */
  services: string[];
  channel: string;
  statedReason?: string;
  kind?: 'voluntary' | 'non_payment';
}

/** Where a subscriber who left went: a competitor (named or not), unknown, or nowhere. Recorded for every reason. */
export type DestinationCode = 'competitor' | 'unknown' | 'none';

export interface ResolveDisconnectRequest {
  outcome: RequestOutcomeCode;
  reasonCode: string;
  /**
   * Where the subscriber went, for a disconnection or partial retention, whatever the reason. Without it: a
   * competitor when one is named or the reason means one, else unknown.
   */
  destination?: DestinationCode | null;
  /** The competitor the subscriber goes to (any reason), or, on a save, the one they were weighing. */
  competitorId?: string | null;
  offerCode?: string | null;
  effectiveDate?: string | null;
  /** For partial retention: the services the subscriber keeps. */
  keptServices?: string[];
  note?: string;
  /**
   * The subscriber's words as the operator refined them during the call. They replace the request's
   * stated reason; the words given when it was made stay in the resolve event of its audit trail.
   */
  statedReason?: string;
}

export interface PostponeDisconnectRequest {
  callbackAt: string;
  note?: string;
}

export interface RequestEventView {
  at: string;
  actor: string | null;
  action: string;
  from: string | null;
  to: string;
  data: Record<string, unknown>;
}

export interface DisconnectRequestView {
  id: string;
  status: RequestStatusCode;
  subscriberId: string;
  accountNumber: string;
  subscriberName: string;
  regionCode: string;
  services: string[];
  allServices: boolean;
  channel: string;
  kind: 'voluntary' | 'non_payment';
  statedReason: string;
  assignee: string | null;
  assigneeName: string | null;
  claimedAt: string | null;
  callbackAt: string | null;
  outcome: RequestOutcomeCode | null;
  reasonCode: string | null;
  reasonVersion: number | null;
  /** Where the subscriber went (losses only). */
  destination: DestinationCode | null;
  competitorId: string | null;
  offerCode: string | null;
  offerCost: number | null;
  keptServices: string[] | null;
  effectiveDate: string | null;
  resolvedAt: string | null;
  mrrAtRisk: number;
  mrrLost: number | null;
  isNewSubscriber: boolean;
  saveState: SaveStateCode | null;
  note: string;
  createdAt: string;
  waitingMinutes: number;
  slaBreached: boolean;
  callbackDue: boolean;
  /** What the caller may do now (from the domain's transition table). */
  actions: string[];
  events?: RequestEventView[];
}

/** An offer above an operator's authority, asked on a disconnect request or on a hidden-churn case (one of the two). */
export interface ApprovalView {
  id: string;
  requestId: string | null;
  caseId: string | null;
  accountNumber: string;
  subscriberName: string;
  offerCode: string;
  discountPercent: number;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  note: string;
  monthlyRevenue: number;
  ltv: number;
}

export interface PresentationView {
  competitor: { id: string; name: string; strengths: string; weaknesses: string } | null;
  regionCode: string;
  rows: {
    service: string;
    ours: { tariff: string; name: string; monthlyPrice: number; speedMbps: number | null; channels: number | null }[];
    theirs: { name: string; monthlyPrice: number; speedMbps: number | null; channels: number | null }[];
    /** Sentence keys with values, e.g. {key: 'cheaper', value: 40}; the console words them. */
    advantages: { key: string; value: number | string }[];
  }[];
}

/** What an operator has worked out on a claimed request but not yet sent (the desk keeps it while they work). */
export interface DeskDraft {
  /** The words typed during the call (the refined wording; empty: the intake text stands). */
  statedText: string;
  reasonCode: string | null;
  outcome: RequestOutcomeCode | null;
  offerCode: string | null;
  destination: DestinationCode | null;
  competitorId: string | null;
  /** YYYY-MM-DD */
  effectiveDate: string | null;
  keptServices: string[];
  note: string;
}

/** The caller's own draft of a request (none: `draft` null). */
export interface RequestDraftView {
  requestId: string;
  draft: DeskDraft | null;
  updatedAt: string | null;
}
