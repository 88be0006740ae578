import { formatDate } from '@angular/common';
import { reportPeriodAsOf } from '@retention/domain';
import type { TranslationKey } from '../../core/i18n';
import { en } from '../../core/i18n/en';
import { interpolate } from '../../core/i18n/i18n.service';
import { ReportFormat } from './report-format';
import { periodCaption, type PeriodFormatter, type ReportPeriodInfo } from './report-period';

const fmt: PeriodFormatter = {
  period: (from, to) => (from === to ? from : `${from} – ${to}`),
  days: (first, last) => ReportFormat.days(first, last, 'en'),
  t: (key: TranslationKey, params) => interpolate(en[key], params),
};

/** What the API answers for a period as of a day (the domain's rule, which the API applies). */
function asOf(from: string, to: string, today: string): ReportPeriodInfo {
  const { current, previous } = reportPeriodAsOf(from, to, today);
  return { filter: { from, to }, through: current.through, previous: { from: previous.from, to: previous.to, through: previous.through } };
}

describe('the period caption of the dashboard', () => {
  it('on the 4th of a month labels month to date and compares with the same days of the month before', () => {
    const c = periodCaption(asOf('2026-11', '2026-11', '2026-11-04'), fmt);
    expect(c.monthToDate).toBe(true);
    expect(c.current).toBe('Month to date: 1–4 Nov 2026');
    expect(c.previous).toBe('1–4 Oct 2026');
    expect(c.note).toBe('Month to date: changes are against the same days of the period before, 1–4 Oct 2026. Arrows in green are good news, in red bad news.');
  });

  it('names the days of a range that reaches today across months', () => {
    const c = periodCaption(asOf('2026-09', '2026-11', '2026-11-04'), fmt);
    expect([c.current, c.previous]).toEqual(['Month to date: 1 Sep – 4 Nov 2026', '1 Jun – 4 Aug 2026']);
  });

  it('keeps whole months for a period in the past', () => {
    const c = periodCaption(asOf('2026-10', '2026-10', '2026-11-04'), fmt);
    expect(c).toEqual({
      current: '2026-10',
      previous: '2026-09',
      monthToDate: false,
      note: 'Changes are against 2026-09. Arrows in green are good news, in red bad news.',
    });
  });
});

describe('writing days', () => {
  it('keeps one month and year once, and writes both when they differ', () => {
    expect(ReportFormat.days('2026-11-01', '2026-11-04', 'en')).toBe('1–4 Nov 2026');
    expect(ReportFormat.days('2025-12-01', '2026-01-04', 'en')).toBe('1 Dec 2025 – 4 Jan 2026');
    expect(formatDate('2026-11-04', 'd MMM y', 'en')).toBe('4 Nov 2026');
  });
});
