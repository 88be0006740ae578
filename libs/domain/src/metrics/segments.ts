import { churnRate } from './churn';

/**
 * Risk segments (docs/methodology.md, "Risk segments"): the churn rate of each segment of a
 * dimension (contract type, spend quartile, tenure band, region, service) over a period, and its
 * ratio to the best segment of that dimension, the one with the lowest churn rate.
 */
export interface SegmentCount {
  key: string;
  /** Present at the period's start. */
  atStart: number;
  /** Of them, those who left voluntarily in the period. */
  left: number;
}

export interface SegmentRisk extends SegmentCount {
  churnRate: number;
  /** Churn rate ÷ the best segment's; null when the best lost nobody (no ratio to zero) or the segment is empty. */
  ratioToBest: number | null;
  best: boolean;
}

/** Segments with no one at the start are listed but never the best. */
export function segmentRisks(segments: readonly SegmentCount[]): SegmentRisk[] {
  const rated = segments.map((s) => ({ ...s, churnRate: churnRate(s.left, s.atStart) }));
  const present = rated.filter((s) => s.atStart > 0);
  const bestRate = present.length ? Math.min(...present.map((s) => s.churnRate)) : null;
  return rated.map((s) => ({
    ...s,
    best: s.atStart > 0 && s.churnRate === bestRate,
    ratioToBest: s.atStart > 0 && bestRate ? Math.round((s.churnRate / bestRate) * 100) / 100 : null,
  }));
}
