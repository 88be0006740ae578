import type { ReportFilter } from './plans-reports';

/** The cost of acquiring a subscriber to a service, as it holds in a month (set that month or earlier). */
export interface AcquisitionCostView {
  service: string;
  cost: number | null;
  /** The month ('YYYY-MM') that set it; null when never set. */
  setIn: string | null;
}

/** The operator's own costs as they hold in a month: each set in that month or the latest before it. */
export interface RetentionCostsView {
  month: string;
  staffCostPerHour: number | null;
  staffCostSetIn: string | null;
  acquisitionCosts: AcquisitionCostView[];
}

export interface SetRetentionCostsRequest {
  /** The cost of an hour of the desk's staff from this month on (absent: unchanged). */
  staffCostPerHour?: number;
  /** The cost of acquiring a subscriber to each service named, from this month on. */
  acquisitionCosts?: { service: string; cost: number }[];
}

/** One service's (or the whole operator's, service null) retention economics over a period. */
export interface RetentionEconomicsRow {
  service: string | null;
  /** Saves of the period not lost (confirmed, or still within the confirming days). */
  saves: number;
  savesConfirmed: number;
  requests: number;
  offerCost: number;
  staffHours: number;
  staffCost: number;
  costOfSaves: number;
  monthlyRevenueSaved: number;
  revenueSaved: number;
  costPerSave: number | null;
  costPerAcquisition: number | null;
  returnOnSaves: number | null;
  keepingPaysBetter: boolean | null;
}

export interface RetentionEconomicsReport {
  filter: ReportFilter;
  /** The expected remaining lifetime a kept subscriber brings (the base's expected lifetime), months. */
  expectedLifetimeMonths: number;
  /** Hours are counted at the staff cost of the month each request was resolved in; null when never set. */
  staffCostPerHour: number | null;
  /** Services whose cost of acquisition is not set for some month of the period: their acquisitions count as 0. */
  missingAcquisitionCosts: string[];
  total: RetentionEconomicsRow;
  byService: RetentionEconomicsRow[];
}

/** The dimensions risk segments split the base by. */
export const RISK_DIMENSIONS = ['contract', 'spend', 'tenure', 'region', 'service'] as const;
export type RiskDimension = (typeof RISK_DIMENSIONS)[number];

/** One segment's churn over a period against the best segment of its dimension. */
export interface RiskSegment {
  /** contract: the contract type; spend: the quartile 1–4; tenure: the lifetime rating at the start; region, service: codes. */
  key: string;
  atStart: number;
  left: number;
  churnRate: number;
  ratioToBest: number | null;
  best: boolean;
  /** Spend quartiles: the monthly spend at the start it covers, above `spendAbove` up to `spendTo`. */
  spendAbove?: number | null;
  spendTo?: number | null;
  /** The query of GET /api/reports/drill/subscribers (figure=left) that lists this segment's leavers. */
  drill: Record<string, string>;
}

export interface RiskSegmentsReport {
  filter: ReportFilter;
  /** The last day counted when the period reaches today (month to date), else null. */
  through: string | null;
  dimensions: { dimension: RiskDimension; segments: RiskSegment[] }[];
}

/** The eleven points of the methodology's checklist (docs/methodology.md, "The retention methodology"), in order. */
export const DIAGNOSIS_POINTS = [
  'churn_counted', 'managed_split', 'classifier', 'scripts', 'new_subscriber_churn', 'plan', 'lifetime',
  'economics', 'competitors_report', 'hidden_churn', 'processes',
] as const;
export type DiagnosisPointKey = (typeof DIAGNOSIS_POINTS)[number];

/** ok: the operator does what the point asks; problem: the point is true of it; not_measured: the console cannot tell yet. */
export type DiagnosisStatus = 'ok' | 'problem' | 'not_measured';

export interface DiagnosisPoint {
  /** 1–11, as the checklist numbers it. */
  point: number;
  key: DiagnosisPointKey;
  status: DiagnosisStatus;
  /** The live figures the answer is made of (the console words them in its languages). */
  figures: Record<string, number | string | string[] | boolean | null>;
  /** Where the console shows it: a console path and its query. */
  link: { path: string; query?: Record<string, string> };
}

export interface DiagnosisReport {
  /** The whole months the figures cover (the twelve before this one), and today. */
  from: string;
  to: string;
  today: string;
  points: DiagnosisPoint[];
  /** Points that are true of the operator; two or more mean its retention work needs rebuilding. */
  problems: number;
  rebuildNeeded: boolean;
}
