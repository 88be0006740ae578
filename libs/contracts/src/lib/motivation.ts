import type { Role } from './roles';
import type { NpsBand } from './subscribers';

/**
 * Staff motivation (`/api/motivation`): the manager's bonus scheme, per-person monthly statements,
 * the team view and workload. A salary never appears here: only administrators see it (`/api/users`).
 */

/** A bonus scheme's settings (the domain's BonusScheme): shares 0..1, money in the operator's currency. */
export interface BonusSchemeSettings {
  targetSaveRate: number;
  perPointAbove: number;
  savedRevenueShare: number;
  capShare: number;
  planExceededCut: number;
  deferredShare: number;
  salesBonus6m: number;
  salesBonus12m: number;
}

export interface SetBonusSchemeRequest extends BonusSchemeSettings {
  note?: string;
  /** The version of this month's scheme edited (0 or absent when the month has none yet); or If-Match. */
  baseVersion?: number;
}

/** The scheme in effect for a month: the newest version saved for the latest month on or before it. */
export interface BonusSchemeView extends BonusSchemeSettings {
  /** The month it is effective from (YYYY-MM); null for the built-in default (no scheme saved yet). */
  effectiveFrom: string | null;
  /** Its version within effectiveFrom (0 for the default). */
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
}

/**
 * The figures of a statement, one line each; a new source of figures is one more key here and one
 * more SQL source in the API.
 */
export const STATEMENT_FIGURES = [
  'requestsHandled',
  'saves',
  'savesPending',
  'savesConfirmed',
  'savesLost',
  'savedRevenue',
  'offerCost',
  'callbacksKept',
  'callbacksMissed',
  'slaBreaches',
  'reasonsUnknown',
  'casesReturned',
  'npsPromoters',
  'npsPassives',
  'npsDetractors',
  'csatAnswers',
  'csatSatisfied',
  'signedUp',
  'due6m',
  'stayed6m',
  'due12m',
  'stayed12m',
  'newSubscriberChurn',
] as const;
export type StatementFigure = (typeof STATEMENT_FIGURES)[number];

/** The operator's bonus parts (the domain's operatorBonus, without the cap: it would tell the salary). */
export interface OperatorBonusView {
  saveRate: number | null;
  targetReached: boolean;
  pointsAbove: number;
  ratePart: number;
  revenuePart: number;
  gross: number;
  planCut: number;
  capCut: number;
  earned: number;
  deferred: number;
  paidNow: number;
}

export interface SalesBonusView {
  part6m: number;
  part12m: number;
  gross: number;
  capCut: number;
  earned: number;
}

/** One half of an earlier month's deferred part falling due in this month. */
export interface DeferredReleaseView {
  /** The month the saves were made (YYYY-MM). */
  savedIn: string;
  /** 3 or 6. */
  afterMonths: number;
  saves: number;
  paid: number;
  clawedBack: number;
  pending: number;
}

export interface StaffStatement {
  month: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  team: string | null;
  figures: Record<StatementFigure, number>;
  saveRate: number | null;
  nps: number | null;
  csat: number | null;
  scheme: { effectiveFrom: string | null; version: number };
  /** Whether the month's churn plan (managed churn) was exceeded; null without a plan. */
  planExceeded: boolean | null;
  operatorBonus: OperatorBonusView | null;
  salesBonus: SalesBonusView | null;
  deferredReleases: DeferredReleaseView[];
  /** Paid with the month's salary: the month's bonus paid now plus the deferred parts released. */
  totalPaid: number;
  /** Whether a salary is recorded (the cap needs one); never the salary itself. */
  salaryRecorded: boolean;
}

/** A request behind a statement, to open it. */
export interface StatementRequest {
  id: string;
  accountNumber: string;
  resolvedAt: string;
  outcome: string;
  reasonCode: string;
  saveState: 'pending' | 'confirmed' | 'lost' | null;
  savedRevenue: number;
  offerCost: number;
}

export interface StaffStatementDetail extends StaffStatement {
  requests: StatementRequest[];
  /** For a sales agent: why the subscribers they signed up left as new subscribers this month. */
  newSubscriberChurnReasons: { reasonCode: string; count: number }[];
}

/** The team's month for a manager: each person's statement and the scheme's cost against what it saved. */
export interface TeamStatements {
  month: string;
  scheme: BonusSchemeView;
  statements: StaffStatement[];
  totals: {
    bonusPaid: number;
    bonusEarned: number;
    savedRevenue: number;
    offerCost: number;
    /** Bonus earned over the salaries of those with one recorded (null without salaries). */
    bonusShareOfSalaries: number | null;
  };
}

export type SchemeWarningCode = 'worthless' | 'cap_below_worthless' | 'not_tied_to_plan' | 'nothing_deferred' | 'no_sales_longevity';

/** What a scheme would have paid in a past month, and whether it can motivate anyone. */
export interface SchemePreview {
  /** The month replayed (the one before the scheme's month). */
  month: string;
  settings: BonusSchemeSettings;
  statements: StaffStatement[];
  totals: TeamStatements['totals'];
  assessment: {
    bonusAtTarget: number;
    bonusGoodMonth: number;
    bonusAtTargetShareOfSalary: number | null;
    goodMonthShareOfSalary: number | null;
    warnings: { code: SchemeWarningCode; share: number | null }[];
  };
}

/** Load per weekday and hour (UTC) over a period, against the operators on duty then. */
export interface WorkloadCell {
  /** ISO day of week, 1 = Monday. */
  dayOfWeek: number;
  hour: number;
  /** Requests that came in, on average per such hour. */
  requests: number;
  /** Call-backs due, on average per such hour. */
  callbacks: number;
  /** Operators who worked a request in that hour, on average. */
  operatorsOnDuty: number;
  /** (requests + callbacks) per operator on duty; null when nobody was. */
  perOperator: number | null;
}

export interface WorkloadView {
  from: string;
  to: string;
  cells: WorkloadCell[];
}

export interface SetSubscriberLinksRequest {
  representativeId?: string | null;
  salesAgentId?: string | null;
  salesChannel?: 'office' | 'phone' | 'online' | 'field' | 'partner' | null;
}

export interface SubscriberLinksView {
  subscriberId: string;
  representative: { id: string; displayName: string } | null;
  salesAgent: { id: string; displayName: string } | null;
  salesChannel: string | null;
}

/** A survey answer (`POST /api/surveys`): NPS 0..10 (the "why" required below 9) or CSAT 1..5. */
export interface RecordSurveyRequest {
  accountNumber: string;
  kind: 'nps' | 'csat';
  score: number;
  comment?: string;
  /** The request the exit survey followed, when it did. */
  requestId?: string;
}

export interface RecordedSurveyAnswer {
  id: number;
  subscriberId: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string | null;
  answeredOn: string;
  requestId: string | null;
  /** Who the answer counts for: the subscriber's representative when it was given. */
  representative: { id: string; displayName: string } | null;
}

/** NPS and CSAT of a group of answers (the domain's satisfactionSummary). */
export interface SatisfactionFigures {
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, one decimal; null without NPS answers. */
  nps: number | null;
  band: NpsBand | null;
  csatAnswers: number;
  csatSatisfied: number;
  /** Share of CSAT answers of 4 or 5 (0..1); null without CSAT answers. */
  csat: number | null;
}

export const SATISFACTION_GROUPINGS = ['operator', 'team', 'region', 'service', 'reason_group', 'reason'] as const;
export type SatisfactionGrouping = (typeof SATISFACTION_GROUPINGS)[number];

/** `GET /api/motivation/satisfaction/{YYYY-MM}?by=`: the month's answers per group, overall, and the 12 months to it. */
export interface SatisfactionReport {
  month: string;
  by: SatisfactionGrouping;
  overall: SatisfactionFigures & {
    /** Answers of the month (NPS and CSAT). */
    answers: number;
    /**
     * Of them, those counted in a group of this grouping: operator and team, answers with a representative
     * (who served the subscriber then); reason and reason_group, answers following a request or case with a
     * reason; region, all; service, answers of subscribers with a service running that day.
     */
    attributed: number;
    /** attributed / answers (null without answers). */
    coverage: number | null;
  };
  /**
   * One row per group. operator and team: the representative's (answers without one are left out, see
   * coverage); region: the subscriber's; service: each service the subscriber had running on the day
   * of the answer (a subscriber with two services counts in both); reason and reason_group: the churn
   * reason (key: its code) or its group (key: the group's code) of the request the answer names, else of
   * the subscriber's latest request resolved or hidden-churn case closed by the day of the answer.
   */
  rows: (SatisfactionFigures & { key: string | null; label: string })[];
  /** The twelve months ending with `month`, oldest first, all answers. */
  trend: (SatisfactionFigures & { month: string })[];
}

/** An answer to follow up: a detractor to call back, a promoter to ask for a referral. */
export interface SatisfactionFollowUp {
  answerId: number;
  answeredOn: string;
  score: number;
  comment: string | null;
  subscriberId: string;
  accountNumber: string;
  fullName: string;
  phone: string;
  /** Who the answer counts for (the representative when it was given). */
  representative: { id: string; displayName: string } | null;
  /** The subscriber's latest disconnect request resolved on or before the day of the answer. */
  lastRequest: { id: string; resolvedAt: string; outcome: string; reasonCode: string } | null;
}
