/**
 * The retention bonus (docs/methodology.md, "Staff motivation"): what a manager's scheme pays an
 * operator for a month's saves and a sales agent for the subscribers they brought who stayed.
 * Pure arithmetic: the API gathers the figures, this decides the money.
 */

/** A manager's bonus scheme, as effective from a month. Shares are 0..1; money in the operator's currency. */
export interface BonusScheme {
  /** Save rate (saves / requests handled) an operator must reach for any bonus, e.g. 0.30. */
  targetSaveRate: number;
  /** Paid per percentage point of save rate above the target. */
  perPointAbove: number;
  /** Share of the monthly revenue the operator's saves kept, paid as bonus. */
  savedRevenueShare: number;
  /** The month's bonus is at most this share of the person's salary (default 15 %). */
  capShare: number;
  /** Share cut from everyone's bonus when the team's churn plan for the month was exceeded. */
  planExceededCut: number;
  /**
   * Share of the operator's bonus held back: half paid after DEFERRED_CHECK_MONTHS[0] months for the
   * saves still connected then, half after DEFERRED_CHECK_MONTHS[1]; clawed back for those who left.
   */
  deferredShare: number;
  /** Paid to a sales agent per subscriber they signed up who is still connected 6 months later. */
  salesBonus6m: number;
  /** ... and again, more, per subscriber still connected 12 months later. */
  salesBonus12m: number;
}

export const DEFAULT_BONUS_CAP_SHARE = 0.15;
/** The months after a save when each half of its deferred part falls due. */
export const DEFERRED_CHECK_MONTHS = [3, 6] as const;
/** The months after sign-up when a sales agent's longevity bonus falls due. */
export const SALES_LONGEVITY_MONTHS = [6, 12] as const;
/**
 * Below this share of salary a bonus changes nobody's behaviour: the methodology's bad example is
 * 200 on a salary of 10,000 (2 %) for cutting churn by a fifth.
 */
export const WORTHLESS_BONUS_SHARE = 0.05;
/** How far above the target the "good month" of the worthless-scheme check is, in percentage points. */
export const GOOD_MONTH_POINTS_ABOVE_TARGET = 5;

export const DEFAULT_BONUS_SCHEME: BonusScheme = {
  targetSaveRate: 0.3,
  perPointAbove: 150,
  savedRevenueShare: 0.25,
  capShare: DEFAULT_BONUS_CAP_SHARE,
  planExceededCut: 0.5,
  deferredShare: 0.4,
  salesBonus6m: 150,
  salesBonus12m: 300,
};

const money = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** One operator's month, as the statement counts it. */
export interface OperatorMonthFigures {
  /** Voluntary disconnect requests the operator resolved in the month. */
  handled: number;
  /** Those resolved as a save (retained, with an offer, or partially). */
  saved: number;
  /** Monthly revenue the saves kept (at risk minus lost). */
  savedRevenue: number;
  /** Monthly salary, or null when none is recorded (then there is no cap to apply). */
  salary: number | null;
  /** Whether the team's churn plan for the month was exceeded. */
  planExceeded: boolean;
}

/** The month's bonus of an operator, part by part, so a statement can explain each. */
export interface OperatorBonus {
  saveRate: number | null;
  /** Whether the save rate reached the target (no bonus otherwise). */
  targetReached: boolean;
  /** Percentage points above the target (0 below it). */
  pointsAbove: number;
  ratePart: number;
  revenuePart: number;
  /** ratePart + revenuePart. */
  gross: number;
  /** Taken off because the team's plan was exceeded. */
  planCut: number;
  /** The cap (capShare × salary), null without a salary. */
  cap: number | null;
  /** Taken off by the cap. */
  capCut: number;
  /** What the month earned: gross − planCut − capCut. */
  earned: number;
  /** Held back from earned, paid later for the saves that stay. */
  deferred: number;
  /** Paid with this month's salary: earned − deferred. */
  paidNow: number;
}

/**
 * The bonus an operator's month earns. Worked example (docs/methodology.md): target 30 %, 150 per point
 * above, 25 % of saved revenue, cap 15 %, plan cut 50 %, deferred 40 %. 40 requests, 14 saved (35 %),
 * saving 2,400 a month, salary 20,000, plan kept: 5 points × 150 = 750, 25 % × 2,400 = 600, gross
 * 1,350, cap 3,000 (not reached), earned 1,350, deferred 540, paid now 810.
 */
export function operatorBonus(f: OperatorMonthFigures, s: BonusScheme): OperatorBonus {
  const saveRate = f.handled > 0 ? f.saved / f.handled : null;
  // Rounded to 1e-9 so that 0.35 − 0.30 counts as 5 points, not 4.999….
  const targetReached = saveRate !== null && Math.round((saveRate - s.targetSaveRate) * 1e9) >= 0;
  const pointsAbove = targetReached ? Math.round((saveRate - s.targetSaveRate) * 100 * 1e6) / 1e6 : 0;
  const ratePart = targetReached ? money(pointsAbove * s.perPointAbove) : 0;
  const revenuePart = targetReached ? money(Math.max(0, f.savedRevenue) * s.savedRevenueShare) : 0;
  const gross = money(ratePart + revenuePart);
  const planCut = f.planExceeded ? money(gross * s.planExceededCut) : 0;
  const cap = f.salary === null ? null : money(f.salary * s.capShare);
  const afterPlan = money(gross - planCut);
  const capCut = cap !== null && afterPlan > cap ? money(afterPlan - cap) : 0;
  const earned = money(afterPlan - capCut);
  const deferred = money(earned * s.deferredShare);
  return { saveRate, targetReached, pointsAbove, ratePart, revenuePart, gross, planCut, cap, capCut, earned, deferred, paidNow: money(earned - deferred) };
}

/** One save whose deferred part falls due: its monthly revenue and whether the subscriber is still connected at the check. */
export interface DeferredSave {
  revenue: number;
  /** true: still connected on the check day; false: left before it; null: the check day has not come yet. */
  connected: boolean | null;
}

export interface DeferredRelease {
  /** Paid for the saves still connected. */
  paid: number;
  /** Forfeited for the saves that left (never paid). */
  clawedBack: number;
  /** Waiting for a check day still to come. */
  pending: number;
}

/**
 * One half of a month's deferred amount, split over that month's saves by the revenue each kept: the
 * share of a save still connected at the check is paid, of one that left is clawed back. Worked
 * example: 540 deferred, saves of 1,000, 800 and 600; at 3 months the 800 one has left: the half due
 * is 270, paid 270 × 1,600 / 2,400 = 180, clawed back 90.
 */
export function deferredRelease(deferredAmount: number, saves: readonly DeferredSave[]): DeferredRelease {
  const half = deferredAmount / 2;
  const total = saves.reduce((a, x) => a + Math.max(0, x.revenue), 0);
  if (half <= 0 || saves.length === 0) return { paid: 0, clawedBack: 0, pending: 0 };
  // Without revenue figures every save weighs the same.
  const weight = (x: DeferredSave) => (total > 0 ? Math.max(0, x.revenue) / total : 1 / saves.length);
  const sum = (f: (x: DeferredSave) => boolean) => saves.filter(f).reduce((a, x) => a + weight(x), 0);
  const paid = money(half * sum((x) => x.connected === true));
  const pending = money(half * sum((x) => x.connected === null));
  return { paid, pending, clawedBack: money(half - paid - pending) };
}

/** A sales agent's month: how many of those they signed up 6 and 12 months ago are still connected. */
export interface SalesMonthFigures {
  stayed6m: number;
  stayed12m: number;
  salary: number | null;
}

export interface SalesBonus {
  part6m: number;
  part12m: number;
  gross: number;
  cap: number | null;
  capCut: number;
  earned: number;
}

/**
 * A sales agent is paid for the longevity of the subscribers they bring, never for the sign-up itself,
 * so over-promising does not pay. Worked example: 150 per subscriber at 6 months, 300 at 12, salary
 * 15,000 (cap 2,250): 8 still connected at 6 months and 5 at 12 give 1,200 + 1,500 = 2,700, capped to 2,250.
 */
export function salesBonus(f: SalesMonthFigures, s: BonusScheme): SalesBonus {
  const part6m = money(f.stayed6m * s.salesBonus6m);
  const part12m = money(f.stayed12m * s.salesBonus12m);
  const gross = money(part6m + part12m);
  const cap = f.salary === null ? null : money(f.salary * s.capShare);
  const capCut = cap !== null && gross > cap ? money(gross - cap) : 0;
  return { part6m, part12m, gross, cap, capCut, earned: money(gross - capCut) };
}

/** What a team's typical month looks like, for judging a scheme before it is adopted. */
export interface TypicalMonth {
  /** Average salary of the operators. */
  salary: number;
  /** Average requests an operator handled in a month. */
  handled: number;
  /** Average monthly revenue kept per save. */
  revenuePerSave: number;
}

export type SchemeWarningCode = 'worthless' | 'cap_below_worthless' | 'not_tied_to_plan' | 'nothing_deferred' | 'no_sales_longevity';

export interface SchemeWarning {
  code: SchemeWarningCode;
  /** The figure the warning is about (a share of salary, 0..1), when there is one. */
  share: number | null;
}

export interface SchemeAssessment {
  /** The bonus of a typical operator exactly at the target. */
  bonusAtTarget: number;
  /** ... and in a good month, GOOD_MONTH_POINTS_ABOVE_TARGET points above it. */
  bonusGoodMonth: number;
  /** bonusGoodMonth as a share of the typical salary (null without a salary). */
  goodMonthShareOfSalary: number | null;
  bonusAtTargetShareOfSalary: number | null;
  warnings: SchemeWarning[];
}

/**
 * Whether a scheme can motivate anyone, judged on the team's typical month before it is adopted. The
 * methodology's bad example, 200 on a salary of 10,000 (2 %), is `worthless`: even a good month (5 points
 * above the target) pays under WORTHLESS_BONUS_SHARE of salary; the warning carries that share. Also: a cap under 5 % of salary, a
 * scheme that ignores the churn plan, one that pays everything at once (saves that leave a month later
 * are paid), and one that does not reward sales agents for longevity.
 */
export function assessScheme(s: BonusScheme, t: TypicalMonth): SchemeAssessment {
  const at = (rate: number) => {
    const saved = Math.round(t.handled * rate * 1e6) / 1e6;
    return operatorBonus({ handled: t.handled, saved, savedRevenue: saved * t.revenuePerSave, salary: t.salary > 0 ? t.salary : null, planExceeded: false }, s).earned;
  };
  const bonusAtTarget = at(s.targetSaveRate);
  const bonusGoodMonth = at(Math.min(1, s.targetSaveRate + GOOD_MONTH_POINTS_ABOVE_TARGET / 100));
  const share = (x: number) => (t.salary > 0 ? Math.round((x / t.salary) * 1e4) / 1e4 : null);
  const goodShare = share(bonusGoodMonth);
  const warnings: SchemeWarning[] = [];
  if (goodShare !== null && goodShare < WORTHLESS_BONUS_SHARE) warnings.push({ code: 'worthless', share: goodShare });
  if (s.capShare < WORTHLESS_BONUS_SHARE) warnings.push({ code: 'cap_below_worthless', share: s.capShare });
  if (s.planExceededCut === 0) warnings.push({ code: 'not_tied_to_plan', share: null });
  if (s.deferredShare === 0) warnings.push({ code: 'nothing_deferred', share: null });
  if (s.salesBonus6m === 0 && s.salesBonus12m === 0) warnings.push({ code: 'no_sales_longevity', share: null });
  return { bonusAtTarget, bonusGoodMonth, goodMonthShareOfSalary: goodShare, bonusAtTargetShareOfSalary: share(bonusAtTarget), warnings };
}
