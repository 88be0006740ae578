import { NpsBand } from '@retention/contracts';
import { csatOfCounts, csatScore, nps, npsBand, npsBreakdown, npsBreakdownOfCounted, npsClass, npsOfCounts, satisfactionSummary, scoreTrend, TREND_STEADY_WITHIN } from './nps';

describe('npsClass', () => {
  it.each([
    [10, 'promoter'],
    [9, 'promoter'],
    [8, 'passive'],
    [7, 'passive'],
    [6, 'detractor'],
    [0, 'detractor'],
  ])('classifies %i as %s', (score, expected) => {
    expect(npsClass(score)).toBe(expected);
  });

  it.each([-1, 11, 8.5, Number.NaN])('throws RangeError for %p', (bad) => {
    expect(() => npsClass(bad)).toThrow(RangeError);
  });
});

describe('nps of ten answers [10,10,9,8,7,6,3,0,10,9]: 5 promoters, 2 passives, 3 detractors', () => {
  const scores = [10, 10, 9, 8, 7, 6, 3, 0, 10, 9];

  it('counts the classes', () => {
    expect(npsBreakdown(scores)).toEqual({ promoters: 5, passives: 2, detractors: 3, total: 10 });
  });

  it('is 50% − 30% = 20.0 exactly (no float residue)', () => {
    expect(nps(scores)).toBe(20);
  });

  it('falls in the "good" band, because 20 itself is good', () => {
    expect(npsBand(nps(scores) as number)).toBe(NpsBand.Good);
  });
});

describe('npsBreakdownOfCounted: the same ten answers read as counts per score', () => {
  it('gives the breakdown of the answers one by one: 10 ×3, 9 ×2, 8, 7, 6, 3, 0', () => {
    const counted = [
      { score: 10, n: 3 },
      { score: 9, n: 2 },
      { score: 8, n: 1 },
      { score: 7, n: 1 },
      { score: 6, n: 1 },
      { score: 3, n: 1 },
      { score: 0, n: 1 },
    ];
    expect(npsBreakdownOfCounted(counted)).toEqual({ promoters: 5, passives: 2, detractors: 3, total: 10 });
    expect(npsOfCounts(npsBreakdownOfCounted(counted))).toBe(20);
  });

  it('counts a score given by nobody as nothing, and nothing at all as no answers', () => {
    expect(npsBreakdownOfCounted([{ score: 9, n: 0 }])).toEqual({ promoters: 0, passives: 0, detractors: 0, total: 0 });
    expect(npsOfCounts(npsBreakdownOfCounted([]))).toBeNull();
  });

  it.each([
    [{ score: 11, n: 1 }],
    [{ score: 9, n: -1 }],
    [{ score: 9, n: 1.5 }],
  ])('throws RangeError for %p', (bad) => {
    expect(() => npsBreakdownOfCounted([bad])).toThrow(RangeError);
  });
});

describe('nps extremes and rounding', () => {
  it('is 100 when all are promoters and −100 when all are detractors', () => {
    expect(nps([9, 10, 10])).toBe(100);
    expect(nps([0, 6, 3])).toBe(-100);
  });

  it('ignores passives except in the denominator', () => {
    expect(nps([7, 8, 7, 8])).toBe(0);
    expect(nps([10, 8, 8, 8])).toBe(25);
  });

  it('rounds to one decimal: 1 promoter of 3 is 33.3, 2 detractors of 3 is −66.7', () => {
    expect(nps([10, 7, 7])).toBe(33.3);
    expect(nps([0, 0, 8])).toBe(-66.7);
  });

  it('rounds halves away from zero symmetrically: ±12.5 over 8 answers stays ±12.5, 1/16 = 6.25 → 6.3', () => {
    expect(nps([10, 7, 7, 7, 7, 7, 7, 7])).toBe(12.5);
    const sixteen = [10, ...Array<number>(15).fill(8)];
    expect(nps(sixteen)).toBe(6.3);
    const sixteenNegative = [0, ...Array<number>(15).fill(8)];
    expect(nps(sixteenNegative)).toBe(-6.3);
  });

  it('returns 0, never −0, for a balanced sample', () => {
    expect(Object.is(nps([10, 0]), 0)).toBe(true);
  });

  it('is null without answers', () => {
    expect(nps([])).toBeNull();
  });

  it('rejects an invalid score anywhere in the list', () => {
    expect(() => nps([10, 9, 11])).toThrow(RangeError);
  });
});

describe('npsBand boundaries (≤ 0 bad; 0 < x < 20 needs improvement; 20 ≤ x < 30 good; ≥ 30 excellent)', () => {
  it.each([
    [-100, NpsBand.Bad],
    [-0.1, NpsBand.Bad],
    [0, NpsBand.Bad],
    [0.1, NpsBand.NeedsImprovement],
    [19.9, NpsBand.NeedsImprovement],
    [20, NpsBand.Good],
    [29.9, NpsBand.Good],
    [30, NpsBand.Excellent],
    [100, NpsBand.Excellent],
  ])('NPS %p is %s', (value, band) => {
    expect(npsBand(value)).toBe(band);
  });

  it.each([-100.1, 100.1, Number.NaN])('throws RangeError for %p', (bad) => {
    expect(() => npsBand(bad)).toThrow(RangeError);
  });
});

describe('csatScore: share of 4 and 5 on a 1–5 scale', () => {
  it('is 3 of 5 = 0.6 for [5,4,4,3,1]', () => {
    expect(csatScore([5, 4, 4, 3, 1])).toBeCloseTo(0.6, 10);
  });

  it('does not count 3 as satisfied', () => {
    expect(csatScore([3, 3])).toBe(0);
  });

  it('is null without answers', () => {
    expect(csatScore([])).toBeNull();
  });

  it.each([0, 6, 4.5])('throws RangeError for %p', (bad) => {
    expect(() => csatScore([5, bad])).toThrow(RangeError);
  });
});

describe('satisfaction from counted answers (what the reports read from SQL)', () => {
  it('a team of 40 NPS answers: 18 promoters, 12 passives, 10 detractors is 45% − 25% = 20.0, good', () => {
    expect(npsOfCounts({ promoters: 18, passives: 12, detractors: 10 })).toBe(20);
    expect(satisfactionSummary({ promoters: 18, passives: 12, detractors: 10, csatAnswers: 0, csatSatisfied: 0 })).toEqual({
      npsAnswers: 40, promoters: 18, passives: 12, detractors: 10, nps: 20, band: NpsBand.Good, csatAnswers: 0, csatSatisfied: 0, csat: null,
    });
  });

  it('an operator with 3 promoters, 1 passive, 3 detractors: (3 − 3) / 7 = 0, bad (0 itself is bad)', () => {
    const s = satisfactionSummary({ promoters: 3, passives: 1, detractors: 3, csatAnswers: 8, csatSatisfied: 6 });
    expect([s.nps, s.band, s.csat]).toEqual([0, NpsBand.Bad, 0.75]);
  });

  it('a region with 7 promoters of 9 answers and 1 detractor: (7 − 1) / 9 = 66.7 %, excellent', () => {
    const s = satisfactionSummary({ promoters: 7, passives: 1, detractors: 1, csatAnswers: 0, csatSatisfied: 0 });
    expect([s.nps, s.band]).toEqual([66.7, NpsBand.Excellent]);
  });

  it('1 promoter, 5 passives, 0 detractors: 16.7, needs improvement; 1 promoter of 3 with 2 detractors: −33.3, bad', () => {
    expect(satisfactionSummary({ promoters: 1, passives: 5, detractors: 0, csatAnswers: 0, csatSatisfied: 0 }).band).toBe(NpsBand.NeedsImprovement);
    expect(npsOfCounts({ promoters: 1, passives: 0, detractors: 2 })).toBe(-33.3);
  });

  it('agrees with nps() over the same answers', () => {
    const scores = [10, 10, 9, 8, 7, 6, 3, 0, 10, 9];
    expect(npsOfCounts(npsBreakdown(scores))).toBe(nps(scores));
  });

  it('nobody answered: NPS, band and CSAT are unknown, not 0', () => {
    expect(satisfactionSummary({ promoters: 0, passives: 0, detractors: 0, csatAnswers: 0, csatSatisfied: 0 })).toMatchObject({ nps: null, band: null, csat: null });
  });

  it('CSAT of 5 answers [5, 4, 3, 2, 5] is 3 satisfied of 5 = 0.6, counted or listed', () => {
    expect(csatOfCounts(3, 5)).toBe(0.6);
    expect(csatScore([5, 4, 3, 2, 5])).toBe(0.6);
  });

  it('refuses counts that cannot be', () => {
    expect(() => npsOfCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => npsOfCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => csatOfCounts(3, 2)).toThrow(RangeError);
  });
});

describe("scoreTrend: a subscriber's latest score against the mean of the three before it", () => {
  it('NPS 9, 8, 9, 4: before (9 + 8 + 9) / 3 = 8.7, change 4 − 8.7 = −4.7 → falling', () => {
    expect(scoreTrend([9, 8, 9, 4], TREND_STEADY_WITHIN.nps)).toEqual({ direction: 'falling', latest: 4, before: 8.7, change: -4.7, beforeCount: 3 });
  });
  it('only the three scores before the latest count: 0, 2, 3, 4, 9 → before 3, change +6 → rising', () => {
    expect(scoreTrend([0, 2, 3, 4, 9], TREND_STEADY_WITHIN.nps)).toEqual({ direction: 'rising', latest: 9, before: 3, change: 6, beforeCount: 3 });
  });
  it('two answers: 7 then 8 is a change of exactly one point → rising; 8 then 8 → steady', () => {
    expect(scoreTrend([7, 8], TREND_STEADY_WITHIN.nps)).toMatchObject({ direction: 'rising', before: 7, change: 1, beforeCount: 1 });
    expect(scoreTrend([8, 8], TREND_STEADY_WITHIN.nps)).toMatchObject({ direction: 'steady', change: 0 });
  });
  it('CSAT steadies within half a point: 4, 5 then 4 → before 4.5, change −0.5 → falling; 4, 5, 5 then 5 → +0.3 → steady', () => {
    expect(scoreTrend([4, 5, 4], TREND_STEADY_WITHIN.csat)).toMatchObject({ direction: 'falling', before: 4.5, change: -0.5 });
    expect(scoreTrend([4, 5, 5, 5], TREND_STEADY_WITHIN.csat)).toMatchObject({ direction: 'steady', before: 4.7, change: 0.3 });
  });
  it('one answer or none has no trend', () => {
    expect(scoreTrend([10], 1)).toBeNull();
    expect(scoreTrend([], 1)).toBeNull();
  });
});
