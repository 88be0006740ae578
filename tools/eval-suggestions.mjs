#!/usr/bin/env node
/**
 * Prints how well reason suggestions do on the evaluation set (libs/domain/src/classifier/eval):
 * top-1 and top-3 accuracy per language, per reason group and per style of wording, the abstention rate,
 * the share of clearly stated reasons suggested into the wrong group, and the most frequent confusions.
 *
 * Two engines: the synonym table alone (`rules`), and the table blended with the learnt model as a version
 * trained on no history at all would be (`blended`: naive Bayes on its seed examples, the classifier's own texts
 * and the development part of this set, weight LEARNED_WEIGHT); a version trained on an operator's resolutions
 * adds their words to the latter. As the blended model is trained on the development part, its figures on that
 * part come from 5-fold cross-validation (each fifth measured with a model trained without it); on the test
 * part it is the shipped seed model.
 *
 *   npm run eval:suggestions                 both parts (dev and test), both engines
 *   npm run eval:suggestions -- --split=dev  one part; --engine=rules|blended; --json; --confusions=N
 *   npm run eval:suggestions -- --split=dev --lang=en --errors   one language; every miss with its first three
 *                                            (tune on the development part only: the test part is for reporting)
 *   npm run eval:suggestions -- --split=dev --round=2   only the items of one round of writing (2: the development
 *                                            items written after the table had been tuned on the first ones)
 */
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { evaluateSuggester, evalItems } = await jiti.import('../libs/domain/src/classifier/eval/index.ts');
const { suggestReasonsDetailed } = await jiti.import('../libs/domain/src/classifier/suggest.ts');
const { trainReasonModel, seedExamples, learnedScorer } = await jiti.import('../libs/domain/src/classifier/learn.ts');
const { DEFAULT_CHURN_REASONS } = await jiti.import('../libs/domain/src/classifier/default-classifier.ts');
const { LEARNED_WEIGHT } = await jiti.import('../libs/domain/src/classifier/learn.ts');

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? 'true' : undefined);
const splits = arg('split') ? [arg('split')] : ['dev', 'test'];
const top = Number(arg('confusions') ?? 10);
const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
const FOLDS = 5;
const blendedWith = (model) => {
  const learned = learnedScorer(model, LEARNED_WEIGHT);
  return (text) => suggestReasonsDetailed(text, { learned }).suggestions.map((s) => s.code);
};
const shipped = blendedWith(trainReasonModel(seedExamples(DEFAULT_CHURN_REASONS), codes));
/** Each item's suggester: for a development item under cross-validation, a model trained without its fold. */
const engines = {
  rules: () => () => (text) => suggestReasonsDetailed(text).suggestions.map((s) => s.code),
  blended: (split) => {
    if (split !== 'dev') return () => shipped;
    const dev = evalItems('dev');
    const fold = new Map(dev.map((item, i) => [item, i % FOLDS]));
    const models = Array.from({ length: FOLDS }, (_, k) =>
      blendedWith(trainReasonModel(seedExamples(DEFAULT_CHURN_REASONS, new Set(dev.filter((item) => fold.get(item) === k))), codes)),
    );
    return (item) => models[fold.get(item)];
  },
};
const chosen = arg('engine') ? [arg('engine')] : Object.keys(engines);
const lang = arg('lang');
const round = arg('round') ? Number(arg('round')) : undefined;
const errors = [];
const measure = (engine, split) => {
  const items = evalItems(split, lang).filter((item) => round === undefined || (item.round ?? 1) === round);
  const suggesterOf = engines[engine](split);
  const byText = new Map(items.map((item) => [item, suggesterOf(item)]));
  // evaluateSuggester passes the text; items are matched back by position.
  let i = 0;
  return evaluateSuggester((text) => {
    const item = items[i++];
    const codes = byText.get(item)(text);
    const first = codes[0] ?? 'other_unknown';
    if (!item.codes.includes(first)) errors.push({ engine, split, item, codes: codes.slice(0, 3) });
    return codes;
  }, items);
};

const pct = (x) => `${(x * 100).toFixed(1).padStart(5)}%`;
const reports = Object.fromEntries(
  chosen.flatMap((engine) => splits.map((s) => [`${engine}, ${s}${round ? ` round ${round}` : ''}${engine === 'blended' && s === 'dev' ? ' cross-validated' : ''}`, measure(engine, s)])),
);
if (arg('errors')) {
  for (const e of errors)
    console.log(`${e.engine}/${e.split} ${e.item.lang} ${e.item.style} ${e.item.codes.join(',').padEnd(22)} -> ${e.codes.join(', ').padEnd(60)} "${e.item.text}"`);
}
if (arg('json')) {
  console.log(JSON.stringify(reports, null, 2));
  process.exit(0);
}
for (const [split, r] of Object.entries(reports)) {
  console.log(`\n== ${split} (${r.overall.n} items) ==`);
  console.log(`${'part'.padEnd(14)} ${'n'.padStart(4)}  top-1   top-3  abstain  wrong group`);
  const row = (name, a) => console.log(`${name.padEnd(14)} ${String(a.n).padStart(4)} ${pct(a.top1)} ${pct(a.top3)} ${pct(a.abstained)}   ${pct(a.wrongGroup)}`);
  row('all', r.overall);
  for (const [k, a] of Object.entries(r.byLang)) row(`lang ${k}`, a);
  for (const [k, a] of Object.entries(r.byGroup)) row(`group ${k}`, a);
  for (const [k, a] of Object.entries(r.byStyle)) row(`style ${k}`, a);
  console.log(`most frequent confusions (expected -> suggested):`);
  for (const c of r.confusions.slice(0, top)) console.log(`  ${String(c.count).padStart(3)}  ${c.expected} -> ${c.suggested}   e.g. "${c.examples[0]}"`);
}
