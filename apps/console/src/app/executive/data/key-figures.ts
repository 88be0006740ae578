import type { KeyFigure } from '@retention/contracts';
import type { TranslationKey } from '../../core/i18n';
import type { DrillCriteria } from '../drill/drill';

/** The figures `GET /api/reports/key-figures` returns, in the order the console shows them. */
export const FIGURE_KEYS = [
  'churn_rate',
  'retention_rate',
  'revenue_churn',
  'revenue_retention',
  'new_subscriber_churn',
  'non_payment_rate',
  'arpu',
  'ltv',
  'expected_lifetime',
  'average_lifetime',
  'nps',
  'new_subscriber_share',
  'save_rate',
  'saves_confirmed',
  'saves_pending',
  'technical_closures',
  'announced_churn',
  'hidden_churn',
  'hidden_churn_share',
  'subscribers_start',
  'subscribers_end',
  'mrr_end',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * How a figure is written: ratios as percentages (their change in percentage points), money with or without
 * kopecks, whole counts, months, NPS points.
 */
export type FigureFormat = 'percent' | 'money' | 'money0' | 'count' | 'months' | 'points';

/** Which way is good news: churn falling, retention rising; some figures (the starting base) are just facts. */
export type Better = 'higher' | 'lower' | 'neutral';

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface FigureMeta {
  key: FigureKey;
  format: FigureFormat;
  better: Better;
  /** What a click on the tile lists (the disconnections, or the subscribers behind it); absent when no list says anything about the figure. */
  drill?: DrillCriteria;
}

export const FIGURES: Readonly<Record<FigureKey, FigureMeta>> = {
  churn_rate: { key: 'churn_rate', format: 'percent', better: 'lower', drill: { subscribers: { figure: 'left' } } },
  non_payment_rate: { key: 'non_payment_rate', format: 'percent', better: 'lower' },
  retention_rate: { key: 'retention_rate', format: 'percent', better: 'higher', drill: { subscribers: { figure: 'left' } } },
  new_subscriber_churn: { key: 'new_subscriber_churn', format: 'count', better: 'lower' },
  technical_closures: { key: 'technical_closures', format: 'count', better: 'neutral' },
  // Announced beside hidden churn; the hidden figure drills to its subscribers and their lost cases.
  announced_churn: { key: 'announced_churn', format: 'count', better: 'lower' },
  hidden_churn: { key: 'hidden_churn', format: 'count', better: 'lower', drill: { subscribers: { figure: 'hidden' } } },
  hidden_churn_share: { key: 'hidden_churn_share', format: 'percent', better: 'lower' },
  revenue_churn: { key: 'revenue_churn', format: 'percent', better: 'lower', drill: {} },
  revenue_retention: { key: 'revenue_retention', format: 'percent', better: 'higher' },
  arpu: { key: 'arpu', format: 'money', better: 'higher' },
  ltv: { key: 'ltv', format: 'money0', better: 'higher' },
  expected_lifetime: { key: 'expected_lifetime', format: 'months', better: 'higher' },
  average_lifetime: { key: 'average_lifetime', format: 'months', better: 'higher', drill: { subscribers: { figure: 'left' } } },
  nps: { key: 'nps', format: 'points', better: 'higher', drill: { subscribers: { figure: 'nps' } } },
  new_subscriber_share: { key: 'new_subscriber_share', format: 'percent', better: 'lower', drill: { newSubscribers: true } },
  save_rate: { key: 'save_rate', format: 'percent', better: 'higher', drill: { subscribers: { figure: 'saves' } } },
  saves_confirmed: { key: 'saves_confirmed', format: 'count', better: 'higher', drill: { subscribers: { figure: 'saves', saveState: 'confirmed' } } },
  saves_pending: { key: 'saves_pending', format: 'count', better: 'neutral', drill: { subscribers: { figure: 'saves', saveState: 'pending' } } },
  subscribers_start: { key: 'subscribers_start', format: 'count', better: 'neutral' },
  subscribers_end: { key: 'subscribers_end', format: 'count', better: 'higher' },
  mrr_end: { key: 'mrr_end', format: 'money0', better: 'higher' },
};

export function isFigureKey(key: string): key is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(key);
}

/** The figures of a report in display order; keys the console does not know yet are left out. */
export function orderedFigures(figures: readonly KeyFigure[]): (KeyFigure & { meta: FigureMeta })[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  return FIGURE_KEYS.flatMap((key) => {
    const f = byKey.get(key);
    return f ? [{ ...f, meta: FIGURES[key] }] : [];
  });
}

/**
 * Below this a change is noise: ratios move in steps of 0.0001 (0.01 pp) in the API, money and months are
 * rounded to cents and tenths.
 */
const EPSILON = 1e-9;

export function changeDirection(change: number | null | undefined): ChangeDirection {
  if (change === null || change === undefined || !Number.isFinite(change) || Math.abs(change) < EPSILON) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** Good or bad news: for churn a rise is bad, for retention a rise is good; neutral figures are never coloured. */
export function changeTone(better: Better, change: number | null | undefined): ChangeTone {
  const dir = changeDirection(change);
  if (dir === 'flat' || better === 'neutral') return 'neutral';
  return (dir === 'up') === (better === 'higher') ? 'good' : 'bad';
}

/** The locale-aware formatting a figure needs (I18nService and ReportFormat provide it; tests fake it). */
export interface Formatter {
  number(value: number, digits: string): string;
  percent(value: number, digits: string): string;
  t(key: TranslationKey, params?: Readonly<Record<string, string | number>>): string;
}

/** A figure's value as the tile shows it; an empty dash when the API had nothing to compute it from. */
export function formatFigure(f: Formatter, format: FigureFormat, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'percent':
      return f.percent(value, '1.2-2');
    case 'money':
      return f.number(value, '1.2-2');
    case 'money0':
      return f.number(value, '1.0-0');
    case 'count':
      return f.number(value, '1.0-0');
    case 'months':
      return f.t('kpi.unit.months', { value: f.number(value, '1.1-1') });
    case 'points':
      return f.number(value, '1.0-1');
  }
}

/** A signed change: "+0.44 pp", "−1.9 mo.", "+12,351"; a real minus sign, and "±0" when nothing moved. */
export function formatChange(f: Formatter, format: FigureFormat, change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  const dir = changeDirection(change);
  const sign = dir === 'up' ? '+' : dir === 'down' ? '−' : '±';
  const abs = dir === 'flat' ? 0 : Math.abs(change);
  switch (format) {
    case 'percent':
      return f.t('kpi.unit.pp', { value: `${sign}${f.number(abs * 100, '1.0-2')}` });
    case 'money':
      return `${sign}${f.number(abs, '1.2-2')}`;
    case 'money0':
    case 'count':
      return `${sign}${f.number(abs, '1.0-0')}`;
    case 'months':
      return f.t('kpi.unit.months', { value: `${sign}${f.number(abs, '1.1-1')}` });
    case 'points':
      return `${sign}${f.number(abs, '1.0-1')}`;
  }
}

/** Translation keys of a figure: its name, and the formula its tooltip explains. */
export const figureLabelKey = (key: FigureKey): TranslationKey => `kpi.${key}`;
export const figureHintKey = (key: FigureKey): TranslationKey => `kpi.${key}.hint`;
