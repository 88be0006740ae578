import { ChurnReasonDefinition, LANGS } from './classifier.types';
import {
  CATCH_ALL_REASON_CODE,
  DEFAULT_CHURN_REASONS,
} from './default-classifier';
import { REASON_SYNONYMS } from './reason-synonyms';
import { contentStems, isServiceStem, stemSimilarity } from './text-normalize';

/**
 * Reason suggestions for free text: an operator's note, the subscriber's stated reason, or a reason string
 * from a billing export. English, Russian and Ukrainian; mild typos tolerated.
 *
 * How it scores (all pure, no model): every reason is a set of short "entries" — its titles, typical phrases
 * and synonyms in all languages — reduced to stems. A stem's weight is its inverse reason frequency (a word
 * used by one reason says more than "internet", used by many). For each reason:
 *  - coverage: how much of the input's weight the reason explains;
 *  - phrase:   how completely the input contains the reason's best-matching entry;
 * score = (coverage + phrase) / 2, in 0..1, scaled down when the input holds little recognised evidence
 * (a lone "internet" names a service, not a reason). Stems match exactly, by a long shared prefix (inflection) or
 * within one or two edits (typos), at a reduced similarity.
 */

/** Below this, no specific reason is suggested and the catch-all is returned instead. */
export const MIN_SUGGESTION_SCORE = 0.25;
/** Suggestions scoring under this share of the best one are noise and are left out. */
const RELATIVE_CUTOFF = 0.3;
/** Weight charged for each input word that matches nothing at all (keeps "moved; asdf qwer zxcv" modest). */
const UNKNOWN_WORD_PENALTY = 0.6;
/** Recognised evidence (sum of word weights) needed for full confidence; one specific word has about 2–3.5. */
const EVIDENCE_FOR_FULL_CONFIDENCE = 1.5;
/** Service names ("internet", "TV") say which service, not why: they weigh this share of a normal word. */
const SERVICE_WORD_WEIGHT = 0.3;

export interface ReasonSuggestion {
  code: string;
  score: number;
}

interface ReasonIndex {
  code: string;
  stems: Set<string>;
  entries: string[][];
}

interface ClassifierIndex {
  reasons: ReasonIndex[];
  idf: Map<string, number>;
  vocabulary: string[];
}

const indexCache = new WeakMap<
  readonly ChurnReasonDefinition[],
  ClassifierIndex
>();

function synonymsFor(code: string): string[] {
  return Object.prototype.hasOwnProperty.call(REASON_SYNONYMS, code)
    ? REASON_SYNONYMS[code]
    : [];
}

function buildIndex(
  reasons: readonly ChurnReasonDefinition[],
): ClassifierIndex {
  const indexed: ReasonIndex[] = reasons.map((reason) => {
    const texts: string[] = [];
    for (const lang of LANGS) {
      texts.push(reason.title[lang]);
      for (const phrase of reason.typicalPhrases) texts.push(phrase[lang]);
    }
    texts.push(...synonymsFor(reason.code));
    const entries: string[][] = [];
    const stems = new Set<string>();
    for (const text of texts) {
      const entry = [...new Set(contentStems(text).map((t) => t.stem))];
      if (entry.length === 0) continue;
      entries.push(entry);
      for (const stem of entry) stems.add(stem);
    }
    return { code: reason.code, stems, entries };
  });

  const df = new Map<string, number>();
  for (const reason of indexed) {
    for (const stem of reason.stems) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  const n = Math.max(indexed.length, 1);
  const idf = new Map<string, number>();
  for (const [stem, count] of df) {
    const weight = Math.log(1 + n / count);
    idf.set(stem, isServiceStem(stem) ? weight * SERVICE_WORD_WEIGHT : weight);
  }
  return { reasons: indexed, idf, vocabulary: [...df.keys()] };
}

function indexFor(reasons: readonly ChurnReasonDefinition[]): ClassifierIndex {
  let index = indexCache.get(reasons);
  if (!index) {
    index = buildIndex(reasons);
    indexCache.set(reasons, index);
  }
  return index;
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Scores of every reason (same order as `reasons`), each in 0..1. */
function scoreAll(text: string, index: ClassifierIndex): number[] {
  const inputStems = [...new Set(contentStems(text).map((t) => t.stem))];
  if (inputStems.length === 0) return index.reasons.map(() => 0);

  // For each input stem: the vocabulary stems it resembles, with similarity.
  const matchesPerInput: Map<string, number>[] = inputStems.map((input) => {
    const matches = new Map<string, number>();
    if (index.idf.has(input)) matches.set(input, 1);
    for (const vocab of index.vocabulary) {
      if (vocab === input) continue;
      const sim = stemSimilarity(input, vocab);
      if (sim > 0) matches.set(vocab, sim);
    }
    return matches;
  });

  // Best similarity of any input stem to each vocabulary stem (for phrase coverage).
  const bestSimOfVocab = new Map<string, number>();
  for (const matches of matchesPerInput) {
    for (const [vocab, sim] of matches) {
      if (sim > (bestSimOfVocab.get(vocab) ?? 0))
        bestSimOfVocab.set(vocab, sim);
    }
  }

  let inputWeight = 0;
  const globalBest = matchesPerInput.map((matches) => {
    let best = 0;
    for (const [vocab, sim] of matches)
      best = Math.max(best, sim * (index.idf.get(vocab) ?? 0));
    inputWeight += best > 0 ? best : UNKNOWN_WORD_PENALTY;
    return best;
  });
  // Nothing recognised, or only service names ("internet and TV"): no reason was given.
  if (globalBest.every((w, i) => w === 0 || isServiceStem(inputStems[i])))
    return index.reasons.map(() => 0);
  // Little recognised evidence (one generic word) scales every score down, towards the catch-all.
  const evidence = globalBest.reduce((sum, w) => sum + w, 0);
  const confidence = Math.min(1, evidence / EVIDENCE_FOR_FULL_CONFIDENCE);

  return index.reasons.map((reason) => {
    let explained = 0;
    for (const matches of matchesPerInput) {
      let best = 0;
      for (const [vocab, sim] of matches) {
        if (reason.stems.has(vocab))
          best = Math.max(best, sim * (index.idf.get(vocab) ?? 0));
      }
      explained += best;
    }
    const coverage = inputWeight > 0 ? explained / inputWeight : 0;

    let phrase = 0;
    for (const entry of reason.entries) {
      let total = 0;
      let hit = 0;
      for (const stem of entry) {
        const weight = index.idf.get(stem) ?? 0;
        total += weight;
        hit += weight * (bestSimOfVocab.get(stem) ?? 0);
      }
      if (total > 0) phrase = Math.max(phrase, hit / total);
    }
    return ((coverage + phrase) / 2) * confidence;
  });
}

/**
 * Suggest classifier codes for free text, best first, each with a score in 0..1.
 * Empty text gives []. When no specific reason reaches MIN_SUGGESTION_SCORE (or the text best matches the
 * catch-all itself, e.g. "refused to say"), the only suggestion is the catch-all — the classifier's last point.
 */
export function suggestReasons(
  text: string,
  reasons: readonly ChurnReasonDefinition[] = DEFAULT_CHURN_REASONS,
  limit = 5,
): ReasonSuggestion[] {
  if (!text || !text.trim() || reasons.length === 0 || limit <= 0) return [];
  const index = indexFor(reasons);
  const scores = scoreAll(text, index);
  const catchAllIndex = reasons.length - 1;
  const catchAll = {
    code: reasons[catchAllIndex].code,
    score: scores[catchAllIndex],
  };

  const specific = scores
    .map((score, i) => ({ code: reasons[i].code, score, i }))
    .filter((s) => s.i !== catchAllIndex && s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const best = specific.length > 0 ? specific[0].score : 0;

  if (best < MIN_SUGGESTION_SCORE || catchAll.score >= best) {
    return [
      { code: catchAll.code, score: round(Math.max(catchAll.score, 1 - best)) },
    ];
  }
  return specific
    .filter(
      (s) =>
        s.score >= MIN_SUGGESTION_SCORE * 0.5 &&
        s.score >= best * RELATIVE_CUTOFF,
    )
    .slice(0, limit)
    .map((s) => ({ code: s.code, score: round(s.score) }));
}

/** The single best code for free text, or the catch-all when nothing fits (also for empty text). */
export function classifyText(
  text: string,
  reasons: readonly ChurnReasonDefinition[] = DEFAULT_CHURN_REASONS,
): string {
  const [best] = suggestReasons(text, reasons, 1);
  if (best) return best.code;
  return reasons.length > 0
    ? reasons[reasons.length - 1].code
    : CATCH_ALL_REASON_CODE;
}
