import { LifetimeRating } from '@retention/contracts';
import fc from 'fast-check';
import { averageLifetimeMonths, isNewSubscriber, lifetimeRating, newSubscriberSince, tenureMonths } from './lifetime';

describe('tenureMonths counts whole calendar months', () => {
  it.each([
    ['2024-01-15', '2024-01-15', 0],
    ['2024-01-15', '2024-02-14', 0],
    ['2024-01-15', '2024-02-15', 1],
    ['2023-11-10', '2026-11-09', 35],
    ['2023-11-10', '2026-11-10', 36],
    ['2025-12-20', '2026-01-25', 1],
  ])('%s → %s is %i', (from, to, months) => {
    expect(tenureMonths(from, to)).toBe(months);
  });
});

describe('tenureMonths at the end of shorter months', () => {
  it('completes a month from 31 January on 29 February of a leap year', () => {
    expect(tenureMonths('2024-01-31', '2024-02-29')).toBe(1);
  });

  it('does not complete it on 28 February of a leap year', () => {
    expect(tenureMonths('2024-01-31', '2024-02-28')).toBe(0);
  });

  it('completes it on 28 February of a common year', () => {
    expect(tenureMonths('2025-01-31', '2025-02-28')).toBe(1);
  });

  it('counts 31 January → 30 April as 3 months and → 29 April as 2', () => {
    expect(tenureMonths('2025-01-31', '2025-04-30')).toBe(3);
    expect(tenureMonths('2025-01-31', '2025-04-29')).toBe(2);
  });

  it('counts a 29 February connection as a year on 28 February', () => {
    expect(tenureMonths('2024-02-29', '2025-02-28')).toBe(12);
  });
});

describe('tenureMonths input handling', () => {
  it('accepts Date values, read in UTC', () => {
    expect(tenureMonths(new Date('2024-01-15T00:00:00Z'), new Date('2024-03-15T23:59:00Z'))).toBe(2);
  });

  it('gives 0 when asOf is before the connection', () => {
    expect(tenureMonths('2026-11-01', '2026-10-01')).toBe(0);
  });

  it('throws RangeError on an impossible date', () => {
    expect(() => tenureMonths('2025-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('lifetimeRating bands: < 6 poor, 6–<12 fair, 12–<18 good, ≥ 18 excellent', () => {
  it.each([
    [0, LifetimeRating.Poor],
    [5.9, LifetimeRating.Poor],
    [6, LifetimeRating.Fair],
    [11, LifetimeRating.Fair],
    [11.99, LifetimeRating.Fair],
    [12, LifetimeRating.Good],
    [17, LifetimeRating.Good],
    [18, LifetimeRating.Excellent],
    [30, LifetimeRating.Excellent],
  ])('%p months is %s', (months, rating) => {
    expect(lifetimeRating(months)).toBe(rating);
  });

  it('throws RangeError for a negative lifetime', () => {
    expect(() => lifetimeRating(-1)).toThrow(RangeError);
  });
});

describe('isNewSubscriber (default threshold 6 months)', () => {
  it('is new one day before six full months', () => {
    expect(isNewSubscriber('2026-05-15', '2026-11-14')).toBe(true);
  });

  it('is no longer new on the day six months are complete', () => {
    expect(isNewSubscriber('2026-05-15', '2026-11-15')).toBe(false);
  });

  it('honours a configured threshold', () => {
    expect(isNewSubscriber('2026-05-15', '2026-11-15', 12)).toBe(true);
    expect(isNewSubscriber('2026-05-15', '2026-08-15', 3)).toBe(false);
  });
});

describe('newSubscriberSince: the first connection date isNewSubscriber calls new', () => {
  it.each([
    ['2026-11-15', 6, '2026-05-16'],
    ['2026-11-14', 6, '2026-05-15'],
    ['2024-02-29', 1, '2024-02-01'],
    ['2024-03-31', 1, '2024-03-01'],
    ['2025-03-28', 1, '2025-03-01'],
    ['2026-01-10', 12, '2025-01-11'],
  ])('on %s with %d months: %s', (asOf, months, since) => {
    expect(newSubscriberSince(asOf, months)).toBe(since);
    expect(isNewSubscriber(since, asOf, months)).toBe(true);
  });

  it('is null when nothing is new (a threshold of 0)', () => {
    expect(newSubscriberSince('2026-11-15', 0)).toBeNull();
  });

  it('agrees with isNewSubscriber for any dates and thresholds', () => {
    const seed = Number(process.env['FC_SEED'] ?? Date.now() % 100_000);
    console.log(`newSubscriberSince property seed ${seed}`);
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 40 }), fc.boolean(), (connectedOn, asOf, months, half) => {
        const m = half && months > 0 ? months - 0.5 : months;
        const since = newSubscriberSince(asOf, m);
        expect(isNewSubscriber(connectedOn, asOf, m)).toBe(since !== null && connectedOn >= since);
      }),
      { seed, numRuns: 2000 },
    );
  });
});

describe('averageLifetimeMonths', () => {
  it('is the mean: (3 + 12 + 27) / 3 = 14', () => {
    expect(averageLifetimeMonths([3, 12, 27])).toBe(14);
  });

  it('is null for no tenures', () => {
    expect(averageLifetimeMonths([])).toBeNull();
  });

  it('rejects a negative tenure', () => {
    expect(() => averageLifetimeMonths([3, -1])).toThrow(RangeError);
  });
});
