import {
  currentMonth,
  defaultQuery,
  monthOptions,
  parseReportQuery,
  periodOf,
  previousPeriod,
  type ReportQuery,
  toQueryParams,
} from './report-query';

const params = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const NOW = new Date(2026, 10, 23, 0, 30); // 23 Nov 2026, 00:30 local time

describe('report periods', () => {
  it('takes the current month from the user’s own calendar', () => {
    expect(currentMonth(NOW)).toBe('2026-11');
    expect(currentMonth(new Date(2027, 0, 1, 0, 5))).toBe('2027-01');
  });

  it.each([
    [1, '2026-10', '2026-10'],
    [3, '2026-08', '2026-10'],
    [12, '2025-11', '2026-10'],
  ] as const)('a range of %i month(s) ending in Oct 2026 runs from %s to %s', (span, from, to) => {
    expect(periodOf({ month: '2026-10', span, service: null, region: null })).toEqual({ from, to });
  });

  it('crosses the year boundary', () => {
    expect(periodOf({ month: '2027-02', span: 3, service: null, region: null })).toEqual({ from: '2026-12', to: '2027-02' });
  });

  it('carries service and region into the period only when chosen', () => {
    expect(periodOf({ month: '2026-10', span: 1, service: 'internet', region: 'west' })).toEqual({
      from: '2026-10',
      to: '2026-10',
      service: 'internet',
      region: 'west',
    });
  });

  it('compares with the period just before, as long as this one', () => {
    expect(previousPeriod({ month: '2026-10', span: 3, service: null, region: null })).toEqual({ from: '2026-05', to: '2026-07' });
    expect(previousPeriod({ month: '2026-01', span: 1, service: null, region: null })).toEqual({ from: '2025-12', to: '2025-12' });
  });
});

describe('the filter in the URL', () => {
  it('defaults to this month, everything', () => {
    expect(parseReportQuery(params({}), NOW)).toEqual(defaultQuery(NOW));
    expect(defaultQuery(NOW)).toEqual({ month: '2026-11', span: 1, service: null, region: null });
  });

  it('reads month, range, service and region', () => {
    expect(parseReportQuery(params({ month: '2026-03', span: '12', service: 'iptv', region: 'north' }), NOW)).toEqual({
      month: '2026-03',
      span: 12,
      service: 'iptv',
      region: 'north',
    });
  });

  it('ignores what it cannot use instead of failing', () => {
    expect(parseReportQuery(params({ month: '2026-13', span: '5', service: 'Bad Code!', region: '' }), NOW)).toEqual(
      defaultQuery(NOW),
    );
    expect(parseReportQuery(params({ span: '03' }), NOW).span).toBe(1);
  });

  it('leaves defaults out of the URL and round-trips the rest', () => {
    expect(toQueryParams(defaultQuery(NOW), NOW)).toEqual({ month: null, span: null, service: null, region: null });
    const q: ReportQuery = { month: '2026-06', span: 3, service: 'mobile', region: null };
    const url = toQueryParams(q, NOW);
    expect(url).toEqual({ month: '2026-06', span: '3', service: 'mobile', region: null });
    const back = Object.fromEntries(Object.entries(url).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(parseReportQuery(params(back), NOW)).toEqual(q);
  });
});

describe('monthOptions', () => {
  it('lists months newest first, optionally a few ahead', () => {
    expect(monthOptions('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthOptions('2026-11', 3, 2)).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});
