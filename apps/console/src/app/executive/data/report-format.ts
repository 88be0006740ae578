import { formatDate, formatPercent } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import type { ChurnToCompetitorsReport } from '@retention/contracts';
import { I18nService, type TranslationKey } from '../../core/i18n';
import type { Formatter } from './key-figures';

/** The console's number formatting plus percentages, in the current language (for figures and chart labels). */
@Injectable({ providedIn: 'root' })
export class ReportFormat implements Formatter {
  private readonly i18n = inject(I18nService);

  /** The report with each competitor's name in the console language (charts, legends and tables read it). */
  competitorsInLanguage(r: ChurnToCompetitorsReport): ChurnToCompetitorsReport {
    return { ...r, rows: r.rows.map((x) => ({ ...x, competitor: this.i18n.localName(x.competitor, x.competitorNames) })) };
  }

  number(value: number, digits: string): string {
    return this.i18n.number(value, digits);
  }
  percent(value: number, digits = '1.1-1'): string {
    return formatPercent(value, this.i18n.language(), digits);
  }
  money(value: number | null | undefined): string {
    return this.i18n.money(value);
  }
  t(key: TranslationKey, params?: Readonly<Record<string, string | number>>): string {
    return this.i18n.t(key, params);
  }
  month(value: string): string {
    return this.i18n.month(value);
  }
  /** "October 2026" / "октябрь 2026 г.": a month picker's option. */
  monthLong(value: string): string {
    const [y, m] = value.split('-').map(Number);
    return formatDate(new Date(y, (m || 1) - 1, 1), 'LLLL yyyy', this.i18n.language());
  }
  /** "Oct 2026" for one month, "Aug – Oct 2026" or "Nov 2025 – Oct 2026" for a period. */
  period(from: string, to: string): string {
    if (from === to) return this.i18n.month(from);
    return `${this.i18n.month(from)} – ${this.i18n.month(to)}`;
  }
  /** Days of a period cut short: "1–4 Nov 2026", "1 Sep – 4 Nov 2026", "1 Dec 2025 – 4 Jan 2026". */
  days(first: string, last: string): string {
    return ReportFormat.days(first, last, this.i18n.language());
  }

  static days(first: string, last: string, locale: string): string {
    const end = formatDate(last, 'd MMM y', locale);
    if (first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8, 10))}–${end}`;
    return `${formatDate(first, first.slice(0, 4) === last.slice(0, 4) ? 'd MMM' : 'd MMM y', locale)} – ${end}`;
  }
}
