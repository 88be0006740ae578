import { reportPeriodAsOf } from './period';

describe('a report period as of today (docs/methodology.md, month to date)', () => {
  it('on the 4th of a month, the month runs to the 4th and is compared with the 1st–4th of the month before', () => {
    const { current, previous } = reportPeriodAsOf('2026-11', '2026-11', '2026-11-04');
    expect(current).toEqual({ from: '2026-11', to: '2026-11', start: '2026-11-01', end: '2026-11-05', through: '2026-11-04', months: 4 / 30 });
    expect(previous).toEqual({ from: '2026-10', to: '2026-10', start: '2026-10-01', end: '2026-10-05', through: '2026-10-04', months: 4 / 31 });
  });

  it('cuts a range that reaches today the same way, the period before at the same day as many months earlier', () => {
    const { current, previous } = reportPeriodAsOf('2026-09', '2026-11', '2026-11-04');
    expect(current).toMatchObject({ start: '2026-09-01', end: '2026-11-05', through: '2026-11-04', months: 2 + 4 / 30 });
    expect(previous).toMatchObject({ from: '2026-06', to: '2026-08', start: '2026-06-01', end: '2026-08-05', through: '2026-08-04', months: 2 + 4 / 31 });
  });

  it('stops the period before at its month’s last day when that month is shorter', () => {
    expect(reportPeriodAsOf('2026-03', '2026-03', '2026-03-31').previous).toMatchObject({ end: '2026-03-01', through: '2026-02-28', months: 1 });
  });

  it('covers whole months for a period in the past or wholly after today', () => {
    const past = reportPeriodAsOf('2026-10', '2026-10', '2026-11-04');
    expect(past.current).toEqual({ from: '2026-10', to: '2026-10', start: '2026-10-01', end: '2026-11-01', through: null, months: 1 });
    expect(past.previous).toMatchObject({ start: '2026-09-01', end: '2026-10-01', through: null, months: 1 });
    expect(reportPeriodAsOf('2026-12', '2026-12', '2026-11-04').current).toMatchObject({ end: '2027-01-01', through: null });
  });

  it('stops a range running past today at today', () => {
    expect(reportPeriodAsOf('2026-11', '2026-12', '2026-11-15').current).toMatchObject({ end: '2026-11-16', through: '2026-11-15', months: 0.5 });
  });
});
