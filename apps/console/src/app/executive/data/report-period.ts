import type { TranslationKey } from '../../core/i18n';

/** What a report says about its period: whole months, or cut at a day when it reaches today (month to date). */
export interface ReportPeriodInfo {
  filter: { from: string; to: string };
  /** The last day counted when the period reaches today, else null. */
  through: string | null;
  previous: { from: string; to: string; through: string | null };
}

/** The locale-aware writing a caption needs (ReportFormat provides it; tests fake it). */
export interface PeriodFormatter {
  /** "Oct 2026", "Aug – Oct 2026". */
  period(from: string, to: string): string;
  /** "1–4 Nov 2026", "1 Sep – 4 Nov 2026" (dates 'YYYY-MM-DD'). */
  days(first: string, last: string): string;
  t(key: TranslationKey, params?: Readonly<Record<string, string | number>>): string;
}

export interface PeriodCaption {
  /** The period shown: its months, or "Month to date: 1–4 Nov 2026". */
  current: string;
  /** What the changes are against: the months before, or the same days of the period before. */
  previous: string;
  monthToDate: boolean;
  /** The sentence under the key figures. */
  note: string;
}

/**
 * How the dashboard and the key figures name a period and the one they compare with
 * (docs/methodology.md, "Month to date"). A period the API cut at today is labelled month to date with
 * its days, and compared with the same days of the period before; never a part month against a whole one.
 */
export function periodCaption(r: ReportPeriodInfo, f: PeriodFormatter): PeriodCaption {
  if (r.through === null || r.previous.through === null) {
    const previous = f.period(r.previous.from, r.previous.to);
    return { current: f.period(r.filter.from, r.filter.to), previous, monthToDate: false, note: f.t('exec.comparedWith', { period: previous }) };
  }
  const previous = f.days(`${r.previous.from}-01`, r.previous.through);
  return {
    current: f.t('exec.monthToDate', { days: f.days(`${r.filter.from}-01`, r.through) }),
    previous,
    monthToDate: true,
    note: f.t('exec.comparedWithSameDays', { period: previous }),
  };
}
