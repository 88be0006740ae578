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
