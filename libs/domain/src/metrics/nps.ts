import { NpsBand, type NpsClass, type ScoreTrend } from '@retention/contracts';

/** Net Promoter Score and CSAT (docs/methodology.md, "Satisfaction and loyalty"). */

export type { NpsClass };

export interface NpsBreakdown {
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
}

/** Promoters 9–10, passives 7–8, detractors 0–6. Throws RangeError for anything but an integer 0..10. */
export function npsClass(score: number): NpsClass {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`NPS score must be an integer 0..10, got ${score}`);
  }
  if (score >= 9) {
    return 'promoter';
  }
  return score >= 7 ? 'passive' : 'detractor';
}

/** Counts of each class; every score is validated as in npsClass. */
export function npsBreakdown(scores: readonly number[]): NpsBreakdown {
  return npsBreakdownOfCounted(scores.map((score) => ({ score, n: 1 })));
}

/**
 * Counts of each class from scores counted already (what a report reads from SQL: how many answers gave each
 * score), the same rule as `npsBreakdown` without a score per answer: each score is classified once and counts
 * `n` times. Throws RangeError for a score npsClass refuses or a negative or fractional count.
 * Example: [{ score: 10, n: 5 }, { score: 7, n: 2 }, { score: 3, n: 3 }] is 5 promoters, 2 passives and
 * 3 detractors of 10 answers (NPS 20).
 */
export function npsBreakdownOfCounted(counted: readonly { score: number; n: number }[]): NpsBreakdown {
  const result: NpsBreakdown = { promoters: 0, passives: 0, detractors: 0, total: 0 };
  for (const { score, n } of counted) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`NPS counts must be whole numbers ≥ 0, got ${n}`);
    const cls = npsClass(score);
    if (cls === 'promoter') {
      result.promoters += n;
    } else if (cls === 'passive') {
      result.passives += n;
    } else {
      result.detractors += n;
    }
    result.total += n;
  }
  return result;
}

/** Rounds half away from zero to one decimal, so that −12.25 and 12.25 round symmetrically; never returns −0. */
function roundOneDecimal(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * NPS = % promoters − % detractors, from −100 to 100, rounded to one decimal.
 * Null when there are no scores (an NPS of nobody is unknown, not 0).
 */
export function nps(scores: readonly number[]): number | null {
  return npsOfCounts(npsBreakdown(scores));
}

/**
 * NPS from counted classes (what a report reads from SQL: promoters, passives and detractors of a
 * group), the same rule as `nps`. Null when nobody answered; throws RangeError for a negative or
 * fractional count.
 */
export function npsOfCounts(counts: Omit<NpsBreakdown, 'total'>): number | null {
  const { promoters, passives, detractors } = counts;
  for (const n of [promoters, passives, detractors]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`NPS counts must be whole numbers ≥ 0, got ${n}`);
  }
  const total = promoters + passives + detractors;
  if (total === 0) {
    return null;
  }
  // Integer difference first: (5 − 3) × 100 / 10 is exactly 20, while 50% − 30% in floats is not.
  return roundOneDecimal(((promoters - detractors) * 100) / total);
}

/**
 * Rating band of an NPS (docs/methodology.md, "Satisfaction and loyalty": 0 or below bad, 0–20 needs improvement,
 * 20–30 good, 30 or above excellent). Those ranges overlap at 0, 20 and 30; this library settles them as:
 *
 *   nps ≤ 0          bad                (0 itself is bad: "0 or below")
 *   0 < nps < 20     needs improvement
 *   20 ≤ nps < 30    good               (20 itself is good)
 *   nps ≥ 30         excellent          ("30 or above")
 *
 * Throws RangeError outside −100..100.
 */
export function npsBand(npsValue: number): NpsBand {
  if (!Number.isFinite(npsValue) || npsValue < -100 || npsValue > 100) {
    throw new RangeError(`NPS must be in −100..100, got ${npsValue}`);
  }
  if (npsValue <= 0) {
    return NpsBand.Bad;
  }
  if (npsValue < 20) {
    return NpsBand.NeedsImprovement;
  }
  return npsValue < 30 ? NpsBand.Good : NpsBand.Excellent;
}

/**
 * CSAT = share of satisfied answers (4 or 5 on a 1–5 scale) as a fraction 0..1.
 * Null without answers; throws RangeError for anything but an integer 1..5.
 */
export function csatScore(scores: readonly number[]): number | null {
  let satisfied = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new RangeError(`CSAT score must be an integer 1..5, got ${score}`);
    }
    if (score >= 4) {
      satisfied++;
    }
  }
  return csatOfCounts(satisfied, scores.length);
}

/** CSAT from counts: satisfied answers (4 or 5) over all answers; null without answers. */
export function csatOfCounts(satisfied: number, answers: number): number | null {
  if (!Number.isInteger(satisfied) || !Number.isInteger(answers) || satisfied < 0 || satisfied > answers) {
    throw new RangeError(`CSAT counts must be whole numbers with 0 ≤ satisfied ≤ answers, got ${satisfied} of ${answers}`);
  }
  return answers === 0 ? null : satisfied / answers;
}

/** A group's satisfaction as reports show it: NPS with its band, CSAT, and the answers behind each. */
export interface SatisfactionSummary {
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  band: NpsBand | null;
  csatAnswers: number;
  csatSatisfied: number;
  csat: number | null;
}

/** Summarises counted answers (one rule for every grouping: operator, team, region, service, month). */
export function satisfactionSummary(c: { promoters: number; passives: number; detractors: number; csatAnswers: number; csatSatisfied: number }): SatisfactionSummary {
  const value = npsOfCounts(c);
  return {
    npsAnswers: c.promoters + c.passives + c.detractors,
    promoters: c.promoters,
    passives: c.passives,
    detractors: c.detractors,
    nps: value,
    band: value === null ? null : npsBand(value),
    csatAnswers: c.csatAnswers,
    csatSatisfied: c.csatSatisfied,
    csat: csatOfCounts(c.csatSatisfied, c.csatAnswers),
  };
}

/** How many earlier scores a subscriber's trend compares the latest one with. */
export const TREND_WINDOW = 3;
/** A change smaller than this is steady: one point of NPS (0–10), half a point of CSAT (1–5). */
export const TREND_STEADY_WITHIN = { nps: 1, csat: 0.5 } as const;

/**
 * A subscriber's score trend (docs/methodology.md, "Satisfaction and loyalty": a falling trend is seen
 * early): the latest score against the mean of the up to TREND_WINDOW scores before it. Rising or falling
 * when they differ by `steadyWithin` or more, steady otherwise. `scores` oldest first; null with fewer
 * than two (one answer has no trend).
 *
 * Example: NPS 9, 8, 9, 4 → before = (9 + 8 + 9) / 3 = 8.7, change = 4 − 8.7 = −4.7 → falling.
 */
export function scoreTrend(scores: readonly number[], steadyWithin: number): ScoreTrend | null {
  if (scores.length < 2) return null;
  const latest = scores[scores.length - 1];
  const earlier = scores.slice(Math.max(0, scores.length - 1 - TREND_WINDOW), scores.length - 1);
  const mean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  const change = latest - mean;
  const direction = Math.abs(change) < steadyWithin ? 'steady' : change > 0 ? 'rising' : 'falling';
  return { direction, latest, before: roundOneDecimal(mean), change: roundOneDecimal(change), beforeCount: earlier.length };
}
