import { segmentRisks } from './segments';

describe('risk segments (docs/methodology.md, "Risk segments")', () => {
  it('worked example: month-to-month loses 30 of 600, the 24-month contract 4 of 400: 5% against 1%, 5 times the best', () => {
    const r = segmentRisks([
      { key: 'month_to_month', atStart: 600, left: 30 },
      { key: '12m', atStart: 500, left: 10 },
      { key: '24m', atStart: 400, left: 4 },
    ]);
    expect(r.map((s) => [s.key, s.churnRate, s.ratioToBest, s.best])).toEqual([
      ['month_to_month', 0.05, 5, false],
      ['12m', 0.02, 2, false],
      ['24m', 0.01, 1, true],
    ]);
  });

  it('no ratio when the best segment lost nobody; an empty segment is never the best', () => {
    const r = segmentRisks([
      { key: 'a', atStart: 10, left: 0 },
      { key: 'b', atStart: 10, left: 2 },
      { key: 'c', atStart: 0, left: 0 },
    ]);
    expect(r.map((s) => [s.key, s.churnRate, s.ratioToBest, s.best])).toEqual([
      ['a', 0, null, true],
      ['b', 0.2, null, false],
      ['c', 0, null, false],
    ]);
  });
});
