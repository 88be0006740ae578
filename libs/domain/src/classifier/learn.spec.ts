import { CATCH_ALL_REASON_CODE, DEFAULT_CHURN_REASONS } from './default-classifier';
import { evalItems } from './eval';
import {
  classifierExamples,
  hasCurrentFeatures,
  isHeldOut,
  seedExamples,
  learnedScorer,
  LEARNED_WEIGHT,
  modelProbabilities,
  REASON_FEATURE_SET,
  reasonFeatures,
  trainReasonModel,
} from './learn';
import { suggestReasonsDetailed } from './suggest';

describe('reason model: naive Bayes over word stems and character n-grams', () => {
  it('features: the stem of each content word (Snowball: "дорого" → "дор", "outages" → "outag"), the trigrams of a Cyrillic word and the 4-grams of a Latin one', () => {
    expect(reasonFeatures('дорого')).toEqual(['w:дор', 'c:#до', 'c:дор', 'c:оро', 'c:рог', 'c:ого', 'c:го#']);
    // A Latin word: 4-grams (English trigrams are shared by too many unrelated words).
    expect(reasonFeatures('outages')).toEqual(['w:outag', 'c:#out', 'c:outa', 'c:utag', 'c:tage', 'c:ages', 'c:ges#']);
  });

  it('features: each pair of neighbouring stems as well (b:), so that a word is read with its neighbour', () => {
    const words = (text: string) => reasonFeatures(text).filter((f) => !f.startsWith('c:'));
    expect(words('price went up')).toEqual(['w:price', 'w:went', 'b:price went']); // "up": a stop word
    // A negated word is one word with two stems, the second marked: paired once with its neighbour.
    expect(words('не подключал услугу')).toEqual(['w:подключал', 'w:!подключал', 'w:услуг', 'b:подключал услуг']);
    expect(words('дорого')).toEqual(['w:дор']);
  });

  it('worked example: two codes, one example each', () => {
    // "кот" → x and "пес" → y: four features each (w:кот, #ко, кот, от#), eight in the vocabulary, alpha 1.
    // P(f|x) = (1+1)/(4+8) = 1/6 for the features of "кот", (0+1)/12 under y. For the text "кот" (4 features,
    // temperature √4 = 2), equal priors: P(x) ∝ (1/6)^(4/2) = 1/36, P(y) ∝ (1/12)^2 = 1/144, so P(x) = 0.8.
    const model = trainReasonModel([{ text: 'кот', code: 'x' }, { text: 'пес', code: 'y' }], ['x', 'y'], 1);
    const p = modelProbabilities(model, 'кот');
    expect(p?.get('x')).toBeCloseTo(0.8, 10);
    expect(p?.get('y')).toBeCloseTo(0.2, 10);
    expect(modelProbabilities(model, 'zzzz qqqq')).toBeNull(); // nothing known: no opinion
  });

  it('records the feature set a model was trained on; one stored before has none and is older, yet still read', () => {
    const model = trainReasonModel([{ text: 'кот', code: 'x' }, { text: 'пес', code: 'y' }], ['x', 'y'], 1);
    expect(model.features).toBe(REASON_FEATURE_SET);
    expect(hasCurrentFeatures(model)).toBe(true);
    const { features, ...older } = model;
    expect(features).toBe(REASON_FEATURE_SET);
    expect(hasCurrentFeatures(older)).toBe(false);
    expect(modelProbabilities(older, 'кот')?.get('x')).toBeCloseTo(0.8, 10);
  });

  it('learns an operator’s local word from a handful of resolutions', () => {
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
    const base = classifierExamples(DEFAULT_CHURN_REASONS);
    const history = ['пішли в Бриз', 'у Бриза дешевше', 'Бриз пропонує за 150', 'переходять на Бриз', 'в Бриз, там акція'].map((text) => ({
      text,
      code: 'competitor_cheaper',
    }));
    const before = suggestReasonsDetailed('йдемо в Бриз', { learned: learnedScorer(trainReasonModel(base, codes), 0.35) });
    expect(before.suggestions[0].code).toBe(CATCH_ALL_REASON_CODE);
    const after = suggestReasonsDetailed('йдемо в Бриз', { learned: learnedScorer(trainReasonModel([...base, ...history], codes), 0.35) });
    expect(after.suggestions[0]).toMatchObject({ code: 'competitor_cheaper', source: 'learned' });
    // and what the rules know is not lost
    const outage = suggestReasonsDetailed('інтернет постійно зникає', { learned: learnedScorer(trainReasonModel([...base, ...history], codes), 0.35) });
    expect(outage.suggestions[0].code).toBe('network_outages');
  });

  it('where the table knows no word and the model has learnt one, the model alone speaks (at the shipped weight); service names and unknown words still abstain', () => {
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
    const history = ['пішли в Бриз', 'у Бриза дешевше', 'Бриз пропонує за 150', 'переходять на Бриз', 'в Бриз, там акція'].map((text) => ({
      text,
      code: 'competitor_cheaper',
    }));
    const learned = learnedScorer(trainReasonModel([...classifierExamples(DEFAULT_CHURN_REASONS), ...history], codes), LEARNED_WEIGHT);
    expect(learned.knowsWordOf?.('йдемо в Бриз')).toBe(true);
    const p = learned.probabilities('йдемо в Бриз')?.get('competitor_cheaper') ?? 0;
    // The table is silent: the score is the model's probability itself, not LEARNED_WEIGHT of it (under the minimum).
    expect(p * LEARNED_WEIGHT).toBeLessThan(0.25);
    const local = suggestReasonsDetailed('йдемо в Бриз', { learned });
    expect(local.suggestions[0]).toMatchObject({ code: 'competitor_cheaper', source: 'learned' });
    expect(local.suggestions[0].score).toBeCloseTo(p, 3);
    // A service name is no reason, and a word known only by its letter n-grams is no learnt word.
    expect(learned.knowsWordOf?.('internet and TV')).toBe(false);
    expect(suggestReasonsDetailed('internet and TV', { learned }).abstained).not.toBeNull();
    expect(learned.knowsWordOf?.('hello')).toBe(false);
    expect(suggestReasonsDetailed('hello', { learned }).suggestions.map((x) => x.code)).toEqual([CATCH_ALL_REASON_CODE]);
  });

  it('seeds every version with the classifier texts and the development part of the evaluation set, never the test part', () => {
    const seed = seedExamples(DEFAULT_CHURN_REASONS);
    const own = classifierExamples(DEFAULT_CHURN_REASONS).length;
    const texts = new Set(seed.slice(own).map((e) => e.text));
    const dev = evalItems('dev');
    expect(seed.length).toBe(own + dev.length);
    expect(dev.every((item) => texts.has(item.text))).toBe(true);
    expect(evalItems('test').filter((item) => texts.has(item.text))).toEqual([]);
    // a classifier without a code gets none of its items; left-out items (a cross-validation fold) are left out
    const fewer = DEFAULT_CHURN_REASONS.filter((r) => r.code !== 'price_increase');
    expect(seedExamples(fewer).some((e) => e.code === 'price_increase')).toBe(false);
    expect(seedExamples(DEFAULT_CHURN_REASONS, new Set(dev.slice(0, 10))).length).toBe(seed.length - 10);
  });

  it('holds back about one example in five, always the same ones', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `request-${i}`);
    const held = keys.filter((k) => isHeldOut(k)).length / keys.length;
    expect(held).toBeGreaterThan(0.17);
    expect(held).toBeLessThan(0.23);
    expect(keys.map((k) => isHeldOut(k))).toEqual(keys.map((k) => isHeldOut(k)));
  });
});
