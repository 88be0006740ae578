import { CATCH_ALL_REASON_CODE, DEFAULT_CHURN_REASONS } from '../default-classifier';
import { evaluateSuggester, evalItems, REASON_EVAL_SET } from './index';

describe('the reason evaluation set', () => {
  const codes = new Set(DEFAULT_CHURN_REASONS.map((r) => r.code));

  it('holds at least 600 labelled reasons, about a third per language, every label a classifier code', () => {
    expect(REASON_EVAL_SET.length).toBeGreaterThanOrEqual(600);
    for (const lang of ['en', 'ru', 'uk'] as const) {
      const share = evalItems(undefined, lang).length / REASON_EVAL_SET.length;
      expect(share).toBeGreaterThan(0.3);
      expect(share).toBeLessThan(0.37);
    }
    for (const item of REASON_EVAL_SET) {
      expect(['dev', 'test']).toContain(item.split);
      expect(['L', 'S', 'N', 'T', 'Z', 'M']).toContain(item.style);
      for (const code of item.codes) expect(codes).toContain(code);
      expect(item.text.trim()).not.toBe('');
    }
  });

  it('has every reason in both parts, and no text in both', () => {
    for (const split of ['dev', 'test'] as const) {
      const present = new Set(evalItems(split).flatMap((i) => i.codes));
      expect([...codes].filter((c) => !present.has(c))).toEqual([]);
    }
    const dev = new Set(evalItems('dev').map((i) => `${i.lang}:${i.text}`));
    expect(evalItems('test').filter((i) => dev.has(`${i.lang}:${i.text}`))).toEqual([]);
  });

  it('scores a suggester: top-1, top-3, abstention, wrong group and confusions', () => {
    const items = [
      { lang: 'en' as const, split: 'dev' as const, style: 'S' as const, codes: ['price_too_high'], text: 'a' },
      { lang: 'en' as const, split: 'dev' as const, style: 'S' as const, codes: ['slow_speed'], text: 'b' },
      { lang: 'en' as const, split: 'dev' as const, style: 'S' as const, codes: ['death'], text: 'c' },
      { lang: 'en' as const, split: 'dev' as const, style: 'S' as const, codes: [CATCH_ALL_REASON_CODE], text: 'd' },
    ];
    const answers: Record<string, string[]> = {
      a: ['price_too_high'],
      b: ['network_outages', 'slow_speed'], // same group, right in top-3
      c: ['price_increase'], // another group
      d: [CATCH_ALL_REASON_CODE],
    };
    const report = evaluateSuggester((text) => answers[text], items);
    expect(report.overall).toEqual({ n: 4, top1: 0.5, top3: 0.75, abstained: 0, wrongGroup: 1 / 3 });
    expect(report.confusions.map((c) => [c.expected, c.suggested, c.count])).toEqual([
      ['death', 'price_increase', 1],
      ['slow_speed', 'network_outages', 1],
    ]);
  });
});
