import type { ChurnReasonDetail } from '@retention/contracts';
import { changes, missingTexts, moveItem, percentToThreshold, thresholdToPercent, toDraft } from './reason-edit';

const t = (en: string) => ({ en, ru: `${en} ru`, uk: `${en} uk` });
const reason: ChurnReasonDetail = {
  code: 'price_increase',
  title: 'Price increase',
  description: 'd',
  group: 'price',
  managed: true,
  impliesCompetitor: false,
  threshold: 0.0012,
  offerCodes: ['discount_10_3m', 'annual_prepay'],
  version: 1,
  position: 1,
  titles: t('Price increase'),
  descriptions: t('desc'),
  typicalPhrases: [t('too expensive')],
  script: { questions: [t('q1')], arguments: [t('a1')], objections: [{ objection: t('o1'), answer: t('r1') }], closing: [t('c1')] },
};

describe('threshold as a percentage', () => {
  it('converts the share to a percentage and back without float noise', () => {
    expect(thresholdToPercent(0.0012)).toBe(0.12);
    expect(thresholdToPercent(0.0003)).toBe(0.03);
    expect(percentToThreshold(0.12)).toBe(0.0012);
    expect(percentToThreshold(0.035)).toBe(0.00035);
  });
});

describe('changes', () => {
  it('is null when nothing changed', () => {
    expect(changes(reason, toDraft(reason), 'note')).toBeNull();
  });

  it('sends only the changed fields, with the note', () => {
    const d = toDraft(reason);
    d.thresholdPercent = 0.15;
    d.offerCodes = ['annual_prepay', 'discount_10_3m'];
    expect(changes(reason, d, '  raised after the January indexation ')).toEqual({
      threshold: 0.0015,
      offerCodes: ['annual_prepay', 'discount_10_3m'],
      note: 'raised after the January indexation',
    });
  });

  it('sends the whole script, trimmed, when one line of it changed', () => {
    const d = toDraft(reason);
    d.script.questions[0].ru = '  Новый вопрос ';
    const body = changes(reason, d, '');
    expect(body?.script?.questions[0]).toEqual({ en: 'q1', ru: 'Новый вопрос', uk: 'q1 uk' });
    expect(body?.script?.closing).toEqual([t('c1')]);
    expect(body?.note).toBeUndefined();
  });

  it('does not touch the original while the draft is edited', () => {
    const d = toDraft(reason);
    d.titles.en = 'Changed';
    expect(reason.titles.en).toBe('Price increase');
  });
});

describe('missingTexts', () => {
  it('counts empty texts per language', () => {
    const d = toDraft(reason);
    d.typicalPhrases.push({ en: 'new phrase', ru: '', uk: ' ' });
    d.script.closing.push({ en: '', ru: '', uk: 'ok' });
    expect(missingTexts(d)).toEqual({ en: 1, ru: 2, uk: 1 });
  });
});

describe('moveItem', () => {
  it('swaps with the neighbour and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
