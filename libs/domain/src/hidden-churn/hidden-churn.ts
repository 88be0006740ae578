/**
 * Hidden churn: subscribers leaving without a request (docs/methodology.md, "Early signs of hidden churn").
 * The signs are rules with parameters a manager edits (kept versioned in the database); this file says what
 * the rules and their defaults are, how the signals that fired make one risk score, what a case's statuses
 * are and what closes a case. The scan evaluates the rules in SQL over the whole base with these parameters.
 */

/** The signs, each one rule. */
export const HIDDEN_CHURN_SIGNALS = [
  'no_payment',
  'balance_falling',
  'downgrade',
  'service_dropped',
  'usage_drop',
  'long_suspension',
  'nps_fall',
] as const;
export type HiddenChurnSignal = (typeof HIDDEN_CHURN_SIGNALS)[number];

/** Parameters of the rules. `weight` (0..95) is the rule's chance, in per cent, that the subscriber is leaving. */
export interface HiddenChurnRules {
  /** No payment for `days` days while not disconnected (active), with a debt of at least `minDebt`. */
  no_payment: { enabled: boolean; weight: number; days: number; minDebt: number };
  /** No payment for `months` whole months while paid services run and the balance is negative: it falls each month. */
  balance_falling: { enabled: boolean; weight: number; months: number };
  /** A tariff changed to a cheaper one of the same service within the last `withinDays` days. */
  downgrade: { enabled: boolean; weight: number; withinDays: number };
  /** One service dropped within the last `withinDays` days while another one stays. */
  service_dropped: { enabled: boolean; weight: number; withinDays: number };
  /** Last complete month's usage of a service under `share` of the subscriber's own average of the `months` before. */
  usage_drop: { enabled: boolean; weight: number; share: number; months: number };
  /** Suspended (a voluntary pause) for `days` days or more. */
  long_suspension: { enabled: boolean; weight: number; days: number };
  /** The latest NPS answer, within `withinDays` days, fell to a detractor (0..6) or `points` or more below the one before. */
  nps_fall: { enabled: boolean; weight: number; points: number; withinDays: number };
}

export const DEFAULT_HIDDEN_CHURN_RULES: HiddenChurnRules = {
  no_payment: { enabled: true, weight: 45, days: 45, minDebt: 0 },
  balance_falling: { enabled: true, weight: 35, months: 2 },
  downgrade: { enabled: true, weight: 25, withinDays: 90 },
  service_dropped: { enabled: true, weight: 30, withinDays: 90 },
  usage_drop: { enabled: true, weight: 40, share: 0.3, months: 3 },
  long_suspension: { enabled: true, weight: 35, days: 60 },
  nps_fall: { enabled: true, weight: 20, points: 3, withinDays: 180 },
};

/** The highest weight a rule may have: no single sign makes leaving certain (and the score stays below 100). */
export const MAX_SIGNAL_WEIGHT = 95;

/** No set of signs makes leaving certain: the score stops at 99. */
export const MAX_RISK_SCORE = 99;

/** The parameters each rule has besides `enabled` and `weight`, with their bounds, for validation and forms. */
export interface HiddenChurnParameterBound {
  min: number;
  max: number;
  integer: boolean;
}

export const HIDDEN_CHURN_PARAMETER_BOUNDS = {
  no_payment: { days: { min: 1, max: 365, integer: true }, minDebt: { min: 0, max: 1_000_000, integer: false } },
  balance_falling: { months: { min: 1, max: 24, integer: true } },
  downgrade: { withinDays: { min: 1, max: 730, integer: true } },
  service_dropped: { withinDays: { min: 1, max: 730, integer: true } },
  usage_drop: { share: { min: 0.01, max: 0.99, integer: false }, months: { min: 1, max: 12, integer: true } },
  long_suspension: { days: { min: 1, max: 730, integer: true } },
  nps_fall: { points: { min: 1, max: 10, integer: true }, withinDays: { min: 1, max: 730, integer: true } },
} as const satisfies { [S in HiddenChurnSignal]: Record<string, HiddenChurnParameterBound> };

/**
 * The risk score of a subscriber, 0..100: the chance that at least one of the fired signs is real, each sign
 * taken as independent with its weight as its chance (a noisy OR): 100 × (1 − Π (1 − weight/100)), rounded.
 * One sign of weight 45 gives 45; signs of 45 and 40 give 100 × (1 − 0.55 × 0.60) = 67; no sign gives 0.
 * More signs raise the score (until it stops at 99: certainty is never claimed).
 */
export function hiddenChurnRiskScore(weights: readonly number[]): number {
  let keep = 1;
  for (const w of weights) keep *= 1 - Math.min(Math.max(w, 0), MAX_SIGNAL_WEIGHT) / 100;
  return Math.min(MAX_RISK_SCORE, Math.round(100 * (1 - keep)));
}

/** A case's statuses: open ones first, then the three closings. */
export const HIDDEN_CHURN_CASE_STATUSES = ['new', 'assigned', 'contacted', 'returned', 'lost', 'false_alarm'] as const;
export type HiddenChurnCaseStatus = (typeof HIDDEN_CHURN_CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: readonly HiddenChurnCaseStatus[] = ['new', 'assigned', 'contacted'];
export const CASE_OUTCOMES = ['returned', 'lost', 'false_alarm'] as const;
export type HiddenChurnCaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Who may move a case where: a manager's call list assigns, an operator contacts and closes, a scan closes. */
export type CaseAction = 'assign' | 'contact' | 'close';

const CASE_TRANSITIONS: Record<CaseAction, { from: readonly HiddenChurnCaseStatus[] }> = {
  assign: { from: ['new', 'assigned'] },
  contact: { from: ['assigned', 'contacted'] },
  close: { from: ['new', 'assigned', 'contacted'] },
};

/** Whether `action` may be done to a case in `status` (the one transition table). */
export function caseActionAllowed(action: CaseAction, status: HiddenChurnCaseStatus): boolean {
  return CASE_TRANSITIONS[action].from.includes(status);
}

/** What a scan finds about a subscriber with an open case. */
export interface CaseRescan {
  /** The subscriber's disconnection, if any, and its kind. */
  disconnected: 'non_payment' | 'voluntary' | 'technical' | null;
  /** Signs that fire now. */
  signalsNow: number;
  /** A payment on or after the day the case was opened. */
  paidSinceOpened: boolean;
}

/**
 * What a scan does with an open case: a disconnection closes it `lost` (a non-payment one is hidden churn
 * confirmed; one through a request was announced after all and is counted with announced churn); a subscriber
 * who paid since the case was opened and on whom no sign fires any more (so uses the services again as
 * before) closes it `returned`; signs that still fire update it; otherwise it stays as it is.
 */
export function caseOnRescan(r: CaseRescan): 'lost' | 'returned' | 'update' | 'keep' {
  if (r.disconnected) return 'lost';
  if (r.signalsNow > 0) return 'update';
  return r.paidSinceOpened ? 'returned' : 'keep';
}

/**
 * The share of churn that was hidden, a ratio like the other rates: hidden / (announced + hidden), where announced
 * churn is the subscribers who left through a request and hidden churn those disconnected for non-payment or whose
 * hidden-churn case was lost. 30 hidden beside 90 announced is 0.25; no churn at all gives null (no share of nothing).
 */
export function hiddenChurnShare(announced: number, hidden: number): number | null {
  const total = announced + hidden;
  if (total <= 0) return null;
  return hidden / total;
}

/** A scan older than this many days means the nightly scan has stopped: hidden churn is no longer seen. */
export const HIDDEN_CHURN_STALE_SCAN_DAYS = 7;
/** A case still `new` (nobody assigned to call) after this many days is waiting. */
export const HIDDEN_CHURN_WAITING_DAYS = 14;
/** More than this share of the open cases waiting means hidden churn is found but not worked. */
export const HIDDEN_CHURN_WAITING_PROBLEM_SHARE = 0.5;

export interface HiddenChurnKnowledge {
  /** Days since the last completed scan; null when no scan ever completed. */
  daysSinceScan: number | null;
  /** Open cases (new, assigned, contacted). */
  openCases: number;
  /** Open cases still `new` after HIDDEN_CHURN_WAITING_DAYS. */
  waitingCases: number;
}

/**
 * Checklist point 10, "hidden churn is unknown", answered from the scans and the cases: not measured until a scan
 * has completed; a problem when the last scan is more than HIDDEN_CHURN_STALE_SCAN_DAYS old (the signs are not
 * looked for any more) or when more than half of the open cases have waited HIDDEN_CHURN_WAITING_DAYS with nobody
 * assigned to call them (found, but not worked); in place otherwise. A scan 2 days ago with 40 open cases of which
 * 10 wait is in place; 25 of 40 waiting (0.625) is a problem; a scan 9 days ago is a problem whatever the cases.
 */
export function hiddenChurnKnown(k: HiddenChurnKnowledge): 'ok' | 'problem' | 'not_measured' {
  if (k.daysSinceScan === null) return 'not_measured';
  if (k.daysSinceScan > HIDDEN_CHURN_STALE_SCAN_DAYS) return 'problem';
  if (k.openCases > 0 && k.waitingCases / k.openCases > HIDDEN_CHURN_WAITING_PROBLEM_SHARE) return 'problem';
  return 'ok';
}
