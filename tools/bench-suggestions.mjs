#!/usr/bin/env node
/**
 * How long one reason suggestion takes with a model learnt from a large history (docs/methodology.md, "Reason
 * suggestions"). Trains the model on a synthetic history as large as a training reads at most (200,000
 * resolutions by default: the most recent of two years at a million subscribers), each the words of a reason's
 * typical phrase or of the development part of the evaluation set, with local words mixed in (town, tariff and
 * street names, numbers, typos), so that the vocabulary grows as a real history's does. Then times the suggester
 * on every text of the evaluation set, over several rounds: with the model blended in, and the synonym table
 * alone as the baseline measured in the same run. Prints p50/p95/p99 in milliseconds and p95 as a ratio.
 *
 *   npm run bench:suggestions                       200,000 resolutions, 5 rounds
 *   npm run bench:suggestions -- --history=N --rounds=R
 */
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { evalItems } = await jiti.import('../libs/domain/src/classifier/eval/index.ts');
const { suggestReasonsDetailed } = await jiti.import('../libs/domain/src/classifier/suggest.ts');
const { ReasonModelTrainer, seedExamples, learnedScorer, LEARNED_WEIGHT } = await jiti.import('../libs/domain/src/classifier/learn.ts');
const { DEFAULT_CHURN_REASONS } = await jiti.import('../libs/domain/src/classifier/default-classifier.ts');
const { LANGS } = await jiti.import('../libs/domain/src/classifier/classifier.types.ts');

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const historySize = arg('history', 200_000);
const rounds = arg('rounds', 5);

// A deterministic generator (no Math.random): the same history every run.
let state = 0x2545f491;
const next = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
const pick = (list) => list[Math.floor(next() * list.length)];
const syllables = ['ka', 'lo', 'mir', 'vel', 'nov', 'zor', 'tan', 'bri', 'sel', 'dar', 'ost', 'rin', 'пол', 'вер', 'мир', 'гор', 'сад', 'лин'];
const localWord = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(syllables)).join('');
const locals = Array.from({ length: 5_000 }, localWord);

const phrases = DEFAULT_CHURN_REASONS.map((r) => [
  ...LANGS.flatMap((lang) => r.typicalPhrases.map((p) => p[lang])),
  ...evalItems('dev').filter((i) => i.codes[0] === r.code).map((i) => i.text),
].filter(Boolean));
const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);

let t = performance.now();
const trainer = new ReasonModelTrainer(codes);
for (const e of seedExamples(DEFAULT_CHURN_REASONS)) trainer.add(e);
for (let i = 0; i < historySize; i++) {
  const r = Math.floor(next() * codes.length);
  if (phrases[r].length === 0) continue;
  const extra = next() < 0.5 ? ` ${pick(locals)}` : next() < 0.5 ? ` ${Math.floor(next() * 1000)}` : '';
  trainer.add({ text: pick(phrases[r]) + extra, code: codes[r] });
}
const model = trainer.model();
const trainMs = performance.now() - t;
const learned = learnedScorer(model, LEARNED_WEIGHT);

const texts = evalItems().map((i) => i.text);
const time = (options) => {
  const ms = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const start = performance.now();
      suggestReasonsDetailed(text, options);
      ms.push(performance.now() - start);
    }
  }
  ms.sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  return { calls: ms.length, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
};
// One warm-up pass each (the rules' index and the model's vocabulary are built once per process).
for (const text of texts) suggestReasonsDetailed(text, { learned });
const baseline = time({});
const blended = time({ learned });
const f = (x) => x.toFixed(3).padStart(8);
console.log(`history ${historySize.toLocaleString('en')} resolutions, model ${Object.keys(model.counts).length.toLocaleString('en')} features, trained in ${(trainMs / 1000).toFixed(1)} s`);
console.log(`${'engine'.padEnd(22)} ${'calls'.padStart(6)}  p50 ms   p95 ms   p99 ms`);
console.log(`${'synonym table alone'.padEnd(22)} ${String(baseline.calls).padStart(6)} ${f(baseline.p50)} ${f(baseline.p95)} ${f(baseline.p99)}`);
console.log(`${'blended with model'.padEnd(22)} ${String(blended.calls).padStart(6)} ${f(blended.p50)} ${f(blended.p95)} ${f(blended.p99)}`);
console.log(`p95 blended / table alone: ${(blended.p95 / baseline.p95).toFixed(2)}x`);
