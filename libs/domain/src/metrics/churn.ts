/**
 * Churn, retention and value formulas (docs/methodology.md).
 *
 * Rates are fractions (0.07, not 7). Counts and money must be finite and not negative, otherwise a
 * RangeError is thrown: a negative subscriber count is a data bug that a report must not hide.
 * A rate over an empty base (nobody at the start, no revenue at the start) is 0 by convention;
 * screens should show such a period as "no base" rather than as a real 0%.
 */

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/**
 * Churn rate of a period = subscribers lost in it among those present at its start / subscribers at
 * the start (docs/methodology.md). `lostFromStart` counts only subscribers who were there at the start:
 * people who joined and left within the period are their own figure (new-subscriber churn), and those
 * who joined must not hide the loss. Over a range of months the same, from the range's start.
 * 100 at the start, 7 of them left: 0.07.
 */
export function churnRate(lostFromStart: number, atStart: number): number {
  requireNonNegative('lostFromStart', lostFromStart);
  requireNonNegative('atStart', atStart);
  if (lostFromStart > atStart) {
    throw new RangeError(`Cannot lose ${lostFromStart} of ${atStart} subscribers present at the start`);
  }
  return atStart === 0 ? 0 : lostFromStart / atStart;
}

/**
 * Retention rate = those present at the start still there at the end / those at the start
 * = (subscribers at the end − new subscribers still there) / subscribers at the start
 * (docs/methodology.md). `lostFromStart` counts the real losses among those at the start, voluntary
 * and non-payment: a technical closure is not a loss. 100 at the start, 7 of them lost: 0.93.
 */
export function retentionRate(atStart: number, lostFromStart: number): number {
  requireNonNegative('atStart', atStart);
  requireNonNegative('lostFromStart', lostFromStart);
  if (lostFromStart > atStart) {
    throw new RangeError(`Cannot lose ${lostFromStart} of ${atStart} subscribers present at the start`);
  }
  return atStart === 0 ? 0 : (atStart - lostFromStart) / atStart;
}

/**
 * Recurring revenue over a period, as gross revenue churn and net revenue retention read it
 * (docs/methodology.md, "Revenue churn and retention").
 */
export interface RevenueFlowInput {
  /** Recurring revenue at the start of the period. */
  startMrr: number;
  /** Recurring revenue at the end of the period: moves to cheaper or dearer tariffs are already in it. */
  endMrr: number;
  /** Recurring revenue gained in the period: what the customers who joined in it pay at its end (included in endMrr). */
  newCustomersMrr: number;
}

/**
 * Gross revenue churn = (MRR at start − MRR at end + MRR gained) / MRR at start = 1 − net revenue
 * retention: the recurring revenue lost from those present at the start (disconnections and moves to
 * a cheaper tariff, less what they added), however many new customers came. New customers do not
 * hide it, and a base that grows by new sales alone never shows it below zero.
 * Start 100, end 110, gained 15: (100 − 110 + 15) / 100 = 0.05.
 */
export function revenueChurnRate({ startMrr, endMrr, newCustomersMrr }: RevenueFlowInput): number {
  requireNonNegative('startMrr', startMrr);
  requireNonNegative('endMrr', endMrr);
  requireNonNegative('newCustomersMrr', newCustomersMrr);
  return startMrr === 0 ? 0 : (startMrr - endMrr + newCustomersMrr) / startMrr;
}

/**
 * Net revenue retention = (MRR at end − MRR of new customers) / MRR at start: what those present at
 * the start pay at the end, against what they paid at the start. Above 1 when they spend more.
 * Start 100, end 110, gained 15: (110 − 15) / 100 = 0.95.
 */
export function revenueRetentionRate({ startMrr, endMrr, newCustomersMrr }: RevenueFlowInput): number {
  requireNonNegative('startMrr', startMrr);
  requireNonNegative('endMrr', endMrr);
  requireNonNegative('newCustomersMrr', newCustomersMrr);
  return startMrr === 0 ? 0 : (endMrr - newCustomersMrr) / startMrr;
}

/** Average revenue per user = revenue / subscribers; 0 when there are no subscribers. */
export function arpu(revenue: number, subscribers: number): number {
  requireNonNegative('revenue', revenue);
  requireNonNegative('subscribers', subscribers);
  return subscribers === 0 ? 0 : revenue / subscribers;
}

/**
 * Expected lifetime in months = 1 / monthly churn rate (8.33% a month: 12 months).
 * Null when churn is 0 (the lifetime would be infinite). Throws RangeError outside 0..1.
 */
export function expectedLifetimeMonths(monthlyChurnRate: number): number | null {
  if (!Number.isFinite(monthlyChurnRate) || monthlyChurnRate < 0 || monthlyChurnRate > 1) {
    throw new RangeError(`Monthly churn rate must be a fraction in 0..1, got ${monthlyChurnRate}`);
  }
  return monthlyChurnRate === 0 ? null : 1 / monthlyChurnRate;
}

/** The longest expected lifetime the reports use, in months: ten years, also when nobody left. */
export const MAX_EXPECTED_LIFETIME_MONTHS = 120;

export interface BaseLifetimeInput {
  /** Real losses (voluntary and non-payment) among those present at the period's start. */
  lostFromStart: number;
  /** Subscribers at the period's start. */
  atStart: number;
  /** Months the period covers (a month so far counts as the share of its days elapsed). */
  months: number;
}

/**
 * The one expected lifetime of a subscriber of the base, in months to a tenth (docs/methodology.md,
 * "Lifetime"): 1 / the base's monthly churn, where monthly churn = real losses among those present at
 * the start / those at the start / months; at most MAX_EXPECTED_LIFETIME_MONTHS (also when nobody
 * left or there was no base). LTV, the economic effect of a reason and the console's explanations all
 * use it. 100 at the start, 12 lost over 6 months: 2 % a month, 50 months.
 */
export function baseLifetimeMonths({ lostFromStart, atStart, months }: BaseLifetimeInput): number {
  requireNonNegative('lostFromStart', lostFromStart);
  requireNonNegative('atStart', atStart);
  if (!Number.isFinite(months) || months <= 0) {
    throw new RangeError(`months must be a positive number, got ${months}`);
  }
  const monthly = atStart === 0 ? 0 : Math.min(lostFromStart / atStart / months, 1);
  const lifetime = expectedLifetimeMonths(monthly);
  return Math.round(Math.min(lifetime ?? MAX_EXPECTED_LIFETIME_MONTHS, MAX_EXPECTED_LIFETIME_MONTHS) * 10) / 10;
}

/**
 * Lifetime value = ARPU × expected lifetime in months × margin share (1 = revenue LTV, 0.3 = 30% margin).
 * Passes a null lifetime (zero churn) through as null.
 */
export function ltv(arpuValue: number, expectedLifetime: number, marginShare?: number): number;
export function ltv(arpuValue: number, expectedLifetime: number | null, marginShare?: number): number | null;
export function ltv(arpuValue: number, expectedLifetime: number | null, marginShare = 1): number | null {
  requireNonNegative('arpu', arpuValue);
  if (!Number.isFinite(marginShare) || marginShare < 0 || marginShare > 1) {
    throw new RangeError(`marginShare must be a fraction in 0..1, got ${marginShare}`);
  }
  if (expectedLifetime === null) {
    return null;
  }
  requireNonNegative('expectedLifetimeMonths', expectedLifetime);
  return arpuValue * expectedLifetime * marginShare;
}

export interface EconomicEffectInput {
  /** Actual disconnections in a month (for one classifier reason, one service, or in total). */
  actual: number;
  /** The normative (threshold) number of disconnections for the same month. */
  norm: number;
  /** What one of these lost subscribers paid a month, on average (not the whole base's ARPU). */
  arpu: number;
  /** Months such a subscriber would still have stayed: the base's expected lifetime (baseLifetimeMonths). */
  remainingLifetimeMonths: number;
}

export interface EconomicEffect {
  /** Subscribers lost above the norm in the month; 0 when at or under the norm. */
  excess: number;
  /** Revenue the excess churn of one month destroys. */
  monthly: number;
  /** The same, if the excess repeats every month for a year. */
  yearly: number;
}

/**
 * Economic effect of bringing churn back to its norm (docs/methodology.md, "Economic effect of a reason"):
 *
 *   monthly = (actual − norm) × what the lost subscribers paid a month × expected lifetime
 *   yearly  = monthly × 12
 *
 * Only the excess over the norm counts; churn under the norm gives 0, not a negative effect.
 */
export function economicEffect({ actual, norm, arpu: arpuValue, remainingLifetimeMonths }: EconomicEffectInput): EconomicEffect {
  requireNonNegative('actual', actual);
  requireNonNegative('norm', norm);
  requireNonNegative('arpu', arpuValue);
  requireNonNegative('remainingLifetimeMonths', remainingLifetimeMonths);
  const excess = Math.max(actual - norm, 0);
  const monthly = excess * arpuValue * remainingLifetimeMonths;
  return { excess, monthly, yearly: monthly * 12 };
}

/**
 * Recurring revenue at which growth stops because cancellations equal sign-ups (docs/methodology.md,
 * "Lifetime ratings and value"):
 * the base settles at newClientsPerMonth × lifetimeMonths clients, each paying mrrPerClient.
 * One 10,000/month client every 6 months, lifetime 12 months: 1/6 × 12 × 10,000 = 20,000/month.
 */
export function steadyStateMrr(newClientsPerMonth: number, mrrPerClient: number, lifetimeMonths: number): number {
  requireNonNegative('newClientsPerMonth', newClientsPerMonth);
  requireNonNegative('mrrPerClient', mrrPerClient);
  requireNonNegative('lifetimeMonths', lifetimeMonths);
  return newClientsPerMonth * lifetimeMonths * mrrPerClient;
}
