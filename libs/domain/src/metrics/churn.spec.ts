import {
  arpu,
  baseLifetimeMonths,
  churnRate,
  economicEffect,
  expectedLifetimeMonths,
  ltv,
  MAX_EXPECTED_LIFETIME_MONTHS,
  retentionRate,
  revenueChurnRate,
  revenueRetentionRate,
  steadyStateMrr,
} from './churn';

describe('churnRate: 100 at the start of the month, 93 of them left at the end', () => {
  it('is 7%', () => {
    expect(churnRate(100 - 93, 100)).toBeCloseTo(0.07, 10);
  });

  it('is 0 when nobody left and when there was nobody at the start', () => {
    expect(churnRate(0, 100)).toBe(0);
    expect(churnRate(0, 0)).toBe(0);
  });

  it('is 1 when everybody left', () => {
    expect(churnRate(50, 50)).toBe(1);
  });

  it('refuses to lose more than were there at the start', () => {
    expect(() => churnRate(8, 7)).toThrow(RangeError);
  });

  it('refuses negative or non-finite counts', () => {
    expect(() => churnRate(-1, 100)).toThrow(RangeError);
    expect(() => churnRate(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('retentionRate: 100 at the start, 7 of them lost, 10 joined (3 of whom left again)', () => {
  it('is (100 − 7) / 100 = 0.93: those who joined neither hide the loss nor count', () => {
    expect(retentionRate(100, 7)).toBeCloseTo(0.93, 10);
  });

  it('is the complement of churn from the same losses', () => {
    expect(retentionRate(100, 7) + churnRate(7, 100)).toBeCloseTo(1, 10);
  });

  it('is 0 over an empty base', () => {
    expect(retentionRate(0, 0)).toBe(0);
  });

  it('refuses to lose more than were there at the start', () => {
    expect(() => retentionRate(5, 6)).toThrow(RangeError);
  });
});

describe('revenue churn and retention (docs/methodology.md worked example: start 100, end 110, gained 15)', () => {
  const example = { startMrr: 100, endMrr: 110, newCustomersMrr: 15 };

  it('gross revenue churn is (100 − 110 + 15) / 100 = 5%', () => {
    expect(revenueChurnRate(example)).toBeCloseTo(0.05, 10);
  });

  it('net revenue retention is (110 − 15) / 100 = 95%, and the two add up to 1', () => {
    expect(revenueRetentionRate(example)).toBeCloseTo(0.95, 10);
    expect(revenueChurnRate(example) + revenueRetentionRate(example)).toBeCloseTo(1, 10);
  });

  it('is not negative in a base that grows by new sales alone', () => {
    // 1,000 at the start, nobody leaves or changes tariff, new customers add 300.
    expect(revenueChurnRate({ startMrr: 1_000, endMrr: 1_300, newCustomersMrr: 300 })).toBe(0);
  });

  it('counts a move to a cheaper tariff as revenue churn even when no subscriber is lost', () => {
    // One subscriber moves from 1,000 to 400 of a 10,000 base: 6%.
    expect(revenueChurnRate({ startMrr: 10_000, endMrr: 9_400, newCustomersMrr: 0 })).toBeCloseTo(0.06, 10);
  });

  it('is below zero only when those present at the start spend more (net expansion)', () => {
    expect(revenueChurnRate({ startMrr: 10_000, endMrr: 10_500, newCustomersMrr: 200 })).toBeCloseTo(-0.03, 10);
  });

  it('is 0 without revenue at the start', () => {
    expect(revenueChurnRate({ startMrr: 0, endMrr: 100, newCustomersMrr: 100 })).toBe(0);
    expect(revenueRetentionRate({ startMrr: 0, endMrr: 100, newCustomersMrr: 0 })).toBe(0);
  });
});

describe('arpu', () => {
  it('divides revenue by subscribers: 1,500,000 over 3,000 is 500', () => {
    expect(arpu(1_500_000, 3_000)).toBe(500);
  });

  it('is 0 without subscribers', () => {
    expect(arpu(100, 0)).toBe(0);
  });
});

describe('expectedLifetimeMonths and ltv (churn 8.33% a month, lifetime one year)', () => {
  it('gives 12 months for churn 1/12', () => {
    expect(expectedLifetimeMonths(1 / 12)).toBeCloseTo(12, 10);
  });

  it('gives about 12 months for the rounded 8.33%', () => {
    expect(expectedLifetimeMonths(0.0833)).toBeCloseTo(12.0048, 3);
  });

  it('gives 20 months for 5% churn', () => {
    expect(expectedLifetimeMonths(0.05)).toBeCloseTo(20, 10);
  });

  it('is null, not Infinity, when churn is 0', () => {
    expect(expectedLifetimeMonths(0)).toBeNull();
  });

  it('rejects rates outside 0..1 (a percentage passed by mistake)', () => {
    expect(() => expectedLifetimeMonths(7)).toThrow(RangeError);
    expect(() => expectedLifetimeMonths(-0.1)).toThrow(RangeError);
  });

  it('ltv = ARPU × lifetime (× margin)', () => {
    expect(ltv(500, 20)).toBe(10_000);
    expect(ltv(500, 20, 0.3)).toBeCloseTo(3_000, 10);
  });

  it('ltv chains with expectedLifetimeMonths, keeping null for zero churn', () => {
    expect(ltv(10_000, expectedLifetimeMonths(1 / 12))).toBeCloseTo(120_000, 6);
    expect(ltv(10_000, expectedLifetimeMonths(0))).toBeNull();
  });

  it('ltv rejects a margin outside 0..1', () => {
    expect(() => ltv(500, 20, 30)).toThrow(RangeError);
  });
});

describe('baseLifetimeMonths: the one expected lifetime (docs/methodology.md)', () => {
  it('100 at the start, 12 of them lost over 6 months: 2 % a month, 50 months', () => {
    expect(baseLifetimeMonths({ lostFromStart: 12, atStart: 100, months: 6 })).toBe(50);
  });

  it('is given to a tenth of a month: 20 at the start, 3 lost in a month is 6.7', () => {
    expect(baseLifetimeMonths({ lostFromStart: 3, atStart: 20, months: 1 })).toBe(6.7);
  });

  it('stops at ten years, also when nobody left or nobody was there', () => {
    expect(baseLifetimeMonths({ lostFromStart: 1, atStart: 1000, months: 1 })).toBe(MAX_EXPECTED_LIFETIME_MONTHS);
    expect(baseLifetimeMonths({ lostFromStart: 0, atStart: 100, months: 3 })).toBe(120);
    expect(baseLifetimeMonths({ lostFromStart: 0, atStart: 0, months: 1 })).toBe(120);
  });

  it('reads a month so far as the share of its days elapsed: 2 of 100 lost in 10 of 30 days is 6 % a month', () => {
    expect(baseLifetimeMonths({ lostFromStart: 2, atStart: 100, months: 10 / 30 })).toBe(16.7);
  });

  it('refuses a period of no months', () => {
    expect(() => baseLifetimeMonths({ lostFromStart: 0, atStart: 10, months: 0 })).toThrow(RangeError);
  });
});

describe('economicEffect: 260 disconnections a month against a norm of 200, ARPU 500, 20 months left', () => {
  it('is (260 − 200) × 500 × 20 = 600,000 a month and 7,200,000 a year', () => {
    expect(economicEffect({ actual: 260, norm: 200, arpu: 500, remainingLifetimeMonths: 20 })).toEqual({
      excess: 60,
      monthly: 600_000,
      yearly: 7_200_000,
    });
  });

  it('is zero, not negative, when churn is under the norm', () => {
    expect(economicEffect({ actual: 150, norm: 200, arpu: 500, remainingLifetimeMonths: 20 })).toEqual({
      excess: 0,
      monthly: 0,
      yearly: 0,
    });
  });

  it('is zero exactly at the norm', () => {
    expect(economicEffect({ actual: 200, norm: 200, arpu: 500, remainingLifetimeMonths: 20 }).monthly).toBe(0);
  });
});

describe('steadyStateMrr (docs/methodology.md, Lifetime ratings and value): one 10,000/month client every 6 months, lifetime 1 year', () => {
  it('flattens at 20,000/month', () => {
    expect(steadyStateMrr(1 / 6, 10_000, 12)).toBeCloseTo(20_000, 6);
  });

  it('is consistent with churn 8.33%: lifetime = 1 / churn', () => {
    const lifetime = expectedLifetimeMonths(1 / 12);
    expect(lifetime).not.toBeNull();
    expect(steadyStateMrr(1 / 6, 10_000, lifetime as number)).toBeCloseTo(20_000, 6);
  });

  it('doubles when sign-ups double (hire a second salesperson)', () => {
    expect(steadyStateMrr(2 / 6, 10_000, 12)).toBeCloseTo(40_000, 6);
  });
});
