import { formatNumber, formatPercent } from '@angular/common';
import type { TranslationKey } from '../../core/i18n';
import { en } from '../../core/i18n/en';
import { interpolate } from '../../core/i18n/i18n.service';
import {
  changeDirection,
  changeTone,
  FIGURE_KEYS,
  FIGURES,
  figureHintKey,
  figureLabelKey,
  type Formatter,
  formatChange,
  formatFigure,
  orderedFigures,
} from './key-figures';

const fmt: Formatter = {
  number: (v, d) => formatNumber(v, 'en', d),
  percent: (v, d) => formatPercent(v, 'en', d),
  t: (key: TranslationKey, params) => interpolate(en[key], params),
};

describe('direction and tone of a change', () => {
  it('reads the sign of the change, a zero or missing change as flat', () => {
    expect(changeDirection(0.0044)).toBe('up');
    expect(changeDirection(-1.9)).toBe('down');
    expect(changeDirection(0)).toBe('flat');
    expect(changeDirection(null)).toBe('flat');
    expect(changeDirection(undefined)).toBe('flat');
    expect(changeDirection(Number.NaN)).toBe('flat');
  });

  it('treats a rise in churn as bad news and a fall as good', () => {
    expect(changeTone(FIGURES.churn_rate.better, 0.002)).toBe('bad');
    expect(changeTone(FIGURES.churn_rate.better, -0.002)).toBe('good');
    expect(changeTone(FIGURES.revenue_churn.better, 0.01)).toBe('bad');
    expect(changeTone(FIGURES.new_subscriber_share.better, 0.01)).toBe('bad');
  });

  it('treats a rise in retention, NPS, lifetime and LTV as good news', () => {
    for (const key of ['retention_rate', 'revenue_retention', 'nps', 'average_lifetime', 'ltv', 'arpu', 'save_rate'] as const) {
      expect(changeTone(FIGURES[key].better, 1)).toBe('good');
      expect(changeTone(FIGURES[key].better, -1)).toBe('bad');
    }
  });

  it('never colours neutral figures or unchanged ones', () => {
    expect(changeTone(FIGURES.subscribers_start.better, 500)).toBe('neutral');
    expect(changeTone(FIGURES.saves_pending.better, -3)).toBe('neutral');
    expect(changeTone(FIGURES.churn_rate.better, 0)).toBe('neutral');
    expect(changeTone(FIGURES.churn_rate.better, null)).toBe('neutral');
  });
});

describe('formatting figures', () => {
  it('writes ratios as percentages and their change in percentage points', () => {
    expect(formatFigure(fmt, 'percent', 0.013930497)).toBe('1.39%');
    expect(formatChange(fmt, 'percent', -0.0044)).toBe('−0.44 pp');
    expect(formatChange(fmt, 'percent', 0.1465)).toBe('+14.65 pp');
  });

  it('writes money, counts, months and NPS points', () => {
    expect(formatFigure(fmt, 'money', 711.83)).toBe('711.83');
    expect(formatFigure(fmt, 'money0', 9862337.4)).toBe('9,862,337');
    expect(formatFigure(fmt, 'count', 13352)).toBe('13,352');
    expect(formatFigure(fmt, 'months', 42.7)).toBe('42.7 mo.');
    expect(formatFigure(fmt, 'points', 26.9)).toBe('26.9');
    expect(formatChange(fmt, 'money0', 12351)).toBe('+12,351');
    expect(formatChange(fmt, 'months', -1.9)).toBe('−1.9 mo.');
    expect(formatChange(fmt, 'count', -115)).toBe('−115');
  });

  it('shows a dash for what could not be computed and ±0 for no change', () => {
    expect(formatFigure(fmt, 'percent', null)).toBe('—');
    expect(formatChange(fmt, 'points', null)).toBe('—');
    expect(formatChange(fmt, 'count', 0)).toBe('±0');
  });

  it('orders the report’s figures as the console shows them and skips unknown ones', () => {
    const figures = [
      { key: 'nps', value: 26.9, previous: 18, change: 8.9, rating: 'good' },
      { key: 'something_new', value: 1, previous: 1, change: 0 },
      { key: 'churn_rate', value: 0.0139, previous: 0.0183, change: -0.0044 },
    ];
    expect(orderedFigures(figures).map((f) => f.key)).toEqual(['churn_rate', 'nps']);
    expect(orderedFigures(figures)[1].meta.format).toBe('points');
  });

  it('has a name and a formula for every figure in every language (keys exist)', () => {
    for (const key of FIGURE_KEYS) {
      expect(en[figureLabelKey(key)]).toBeTruthy();
      expect(en[figureHintKey(key)]).toBeTruthy();
    }
  });
});
