/** Churn plans and the executive reports. Months are 'YYYY-MM'. */
import type { NameTranslations } from './reference';
import type { DestinationCode, RequestOutcomeCode, SaveStateCode } from './requests';
import type { NpsBand } from './subscribers';
export interface PlanLineRequest {
  service: string;
  region: string | null;
  managedMax: number;
  unmanagedMax: number;
  targetSaveRate: number;
  /** The most confirmed hidden churn (non-payment disconnections and lost hidden-churn cases) allowed; null or absent: not planned. */
  hiddenMax?: number | null;
}

export interface SetChurnPlanRequest {
  lines: PlanLineRequest[];
  note?: string;
  /**
   * The version the edit started from (0 for a month without a plan): a save on a month whose plan has
   * moved on since is refused with 409. The API also takes it as `If-Match: "N"` (the plan's ETag).
   */
  baseVersion?: number;
}

export interface PlanReasonDriver {
  reasonCode: string;
  managed: boolean;
  count: number;
}

export interface PlanLineView extends PlanLineRequest {
  actualManaged: number;
  actualUnmanaged: number;
  /** Disconnections for non-payment, kept apart from the voluntary ones above. */
  actualNonPayment: number;
  /** Confirmed hidden churn of the line in the month (subscribers, each once), against hiddenMax. */
  actualHidden: number;
  fulfilmentHidden: number | null;
  fulfilmentManaged: number | null;
  fulfilmentUnmanaged: number | null;
  forecastManaged: number;
  forecastUnmanaged: number;
  alertManaged: boolean;
  alertUnmanaged: boolean;
  /** Resolved requests for this line and the share of them saved. */
  resolvedRequests: number;
  actualSaveRate: number | null;
  /** The reasons behind the line's churn this month, largest first. */
  drivers: PlanReasonDriver[];
}

export interface ChurnPlanView {
  month: string;
  version: number | null;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
  /** The day the figures were computed for. */
  asOf: string;
  lines: PlanLineView[];
}

export interface PlanVersionView {
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string;
  lines: PlanLineRequest[];
}

export interface ReportFilter {
  from: string;
  to: string;
  service?: string;
  region?: string;
}

export interface CompetitorChurnRow {
  competitorId: string | null;
  competitor: string;
  /** The competitor's name in Russian and Ukrainian (`localName`). */
  competitorNames: NameTranslations;
  subscribers: number;
  monthlyRevenue: number;
  byService: { service: string; subscribers: number; monthlyRevenue: number }[];
  byRegion: { region: string; subscribers: number; monthlyRevenue: number }[];
  topReasons: { reasonCode: string; subscribers: number }[];
  /** The last 12 months up to `to`: subscribers lost per month. */
  trend: { month: string; subscribers: number; monthlyRevenue: number }[];
}

/** Subscribers lost to one competitor (null: not named) for one reason, from one service, in one region. */
export interface CompetitorChurnCell {
  competitorId: string | null;
  reasonCode: string;
  service: string;
  region: string;
  subscribers: number;
  monthlyRevenue: number;
}

/** Everyone who went to a competitor (named or not), whatever the reason they gave. */
export interface ChurnToCompetitorsReport {
  filter: ReportFilter;
  rows: CompetitorChurnRow[];
  /** Competitor × reason × service × region, largest first. */
  cells: CompetitorChurnCell[];
  total: { subscribers: number; monthlyRevenue: number };
  /** Shown beside the competitors: left the coverage area and not known to have gone to a competitor (often one in disguise). */
  movedOutOfCoverage: { subscribers: number; monthlyRevenue: number };
}

/** A reason of voluntary churn (the classifier's reasons but technical closures, which are not churn). */
export interface ReasonChurnRow {
  reasonCode: string;
  group: string;
  managed: boolean;
  subscribers: number;
  monthlyRevenue: number;
  /** What those lost for this reason paid a month, on average: the money of its economic effect. */
  arpu: number;
  /** Per month, as a share of the average active base. */
  actualRate: number;
  threshold: number;
  /** Subscribers per month above the norm (0 when within it). */
  excessPerMonth: number;
  effectMonthly: number;
  effectYearly: number;
}

export interface ChurnByReasonReport {
  filter: ReportFilter;
  /** The last day counted when the period reaches today (month to date), else null. */
  through: string | null;
  /** Months covered; a month so far counts as the share of its days elapsed, so rates per month are run rates. */
  months: number;
  averageBase: number;
  /** What the subscribers lost in the period paid a month, on average. */
  lostArpu: number;
  /** The base's expected lifetime (1 ÷ its monthly churn, at most 120 months): the same as the key figures' LTV uses. */
  expectedLifetimeMonths: number;
  /** How the effect is computed, in words, for the report's footer. */
  formula: string;
  rows: ReasonChurnRow[];
  /** Voluntary churn: the rows above. */
  total: { subscribers: number; managed: number; unmanaged: number; monthlyRevenue: number; effectMonthly: number; effectYearly: number };
  /** Disconnections for non-payment in the period, kept apart from voluntary churn. */
  nonPayment: { subscribers: number; monthlyRevenue: number };
  /** Technical closures (duplicate, merged or test accounts): not churn, shown apart. */
  technicalClosures: { subscribers: number; monthlyRevenue: number };
  /** Per operator, how often they closed a request with the reason not found (counted as managed), largest share first. */
  reasonNotFoundByOperator: ReasonNotFoundRow[];
}

export interface ReasonNotFoundRow {
  operatorId: string;
  operator: string;
  /** Voluntary requests the operator resolved in the period, saved or not. */
  resolved: number;
  /** Of those, closed with the reason not found. */
  notFound: number;
  share: number;
}

export interface PlanVsActualRow {
  month: string;
  service: string;
  managedMax: number | null;
  unmanagedMax: number | null;
  actualManaged: number;
  actualUnmanaged: number;
  actualNonPayment: number;
  targetSaveRate: number | null;
  actualSaveRate: number | null;
}

export interface PlanVsActualReport {
  filter: ReportFilter;
  rows: PlanVsActualRow[];
}

export interface KeyFigure {
  key: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  /** For ratings: lifetime rating, NPS band. */
  rating?: string | null;
}

export interface KeyFiguresReport {
  filter: ReportFilter;
  /**
   * The last day counted when the period reaches today: month to date, 'YYYY-MM-DD' (null: whole months).
   * The period before then stops at the same day of its month (`previous.through`), never a whole month
   * against a part one.
   */
  through: string | null;
  previous: { from: string; to: string; through: string | null };
  figures: KeyFigure[];
}

export interface DrillRow {
  requestId: string;
  subscriberId: string;
  accountNumber: string;
  subscriberName: string;
  region: string;
  services: string[];
  outcome: RequestOutcomeCode;
  reasonCode: string;
  /** Where the subscriber went. */
  destination: DestinationCode;
  competitor: string | null;
  monthlyRevenueLost: number;
  resolvedAt: string;
  operator: string | null;
  isNewSubscriber: boolean;
}

/** What `GET /api/reports/drill/subscribers` lists: the subscribers behind a key figure. */
export const SUBSCRIBER_DRILL_FIGURES = ['left', 'saves', 'nps', 'hidden'] as const;
export type SubscriberDrillFigure = (typeof SUBSCRIBER_DRILL_FIGURES)[number];
/** NPS classes: promoters 9–10, passives 7–8, detractors 0–6 (the domain's npsClass). */
export type NpsClass = 'promoter' | 'passive' | 'detractor';

/**
 * One subscriber behind a key figure: one who was there at the period's start and left it
 * voluntarily (the churn rate's losses; with a service: who dropped it), one whose request was resolved as a save (save
 * rate, saves confirmed and pending), or one who answered the NPS survey.
 */
export interface SubscriberDrillRow {
  subscriberId: string;
  accountNumber: string;
  subscriberName: string;
  region: string;
  connectedOn: string;
  disconnectedOn: string | null;
  /** The day of the event: leaving (or dropping the service), the save, the answer. */
  on: string;
  /** Months from connection to `on`. */
  tenureMonths: number;
  /** Left: the monthly fees that ended; saves: the revenue that was at risk; NPS: null. */
  monthlyRevenue: number | null;
  /** Left: how it ended (voluntary, non_payment; with a service: disconnected, dropped, non_payment); hidden: non_payment or case_lost. */
  endReason?: string | null;
  /** Hidden: the hidden-churn case that closed lost (null for a non-payment disconnection without one). */
  caseId?: string | null;
  /** Saves: the request, its state (the domain's saveState as of today) and who saved it. */
  requestId?: string;
  saveState?: SaveStateCode;
  operator?: string | null;
  /** NPS: the score and its class. */
  npsScore?: number;
  npsClass?: NpsClass;
}

/** NPS per operator (`GET /api/reports/nps-by-operator`): each answer counts for the subscriber's representative when it was given. */
export interface NpsCounts {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Null without answers. */
  nps: number | null;
  band: NpsBand | null;
}

export interface NpsByOperatorReport {
  filter: ReportFilter;
  rows: (NpsCounts & { operatorId: string; operator: string })[];
  /** Every attributed answer; `overall` is every answer of the period, attributed or not. */
  total: NpsCounts;
  overall: NpsCounts;
}

/** What a plan alert is about: churn above the plan's pace, a save rate under target, an approval waiting too long. */
export type PlanAlertKind = 'churn_pace' | 'save_rate' | 'approval_waiting';

/** An alert for the managers, raised when its condition first held and open until it no longer does. */
export interface PlanAlertView {
  id: string;
  kind: PlanAlertKind;
  /** The plan month (YYYY-MM) of churn_pace and save_rate; null for approval_waiting. */
  month: string | null;
  service: string | null;
  region: string | null;
  /** churn_pace: managed (true) or unmanaged (false) churn. */
  managed: boolean | null;
  /** churn_pace: disconnections so far, month-end forecast, planned maximum. save_rate: actual and target (0..1). */
  actual: number | null;
  forecast: number | null;
  planned: number | null;
  resolvedRequests: number | null;
  approvalId: string | null;
  requestId: string | null;
  offerCode: string | null;
  /** approval_waiting: minutes since it was asked, at the last evaluation. */
  waitingMinutes: number | null;
  raisedAt: string;
  /** When the condition stopped holding; null while the alert is open. */
  clearedAt: string | null;
}
