import { ChurnReasonDefinition, LANGS } from './classifier.types';
import {
  CATCH_ALL_REASON_CODE,
  DEFAULT_CHURN_REASONS,
} from './default-classifier';
import { REASON_SYNONYMS } from './reason-synonyms';
import { CompetitorMention, CompetitorName, findCompetitor } from './competitors';
import { contentStems, isServiceStem, normalizeText, serviceKindsNamed, stemSimilarity, transliterateToCyrillic } from './text-normalize';

/**
 * Reason suggestions for free text (docs/methodology.md, "Reason suggestions"): an operator's note, the subscriber's stated reason, or a reason string
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
/** What a best-matched entry that explains none of the rest of the input costs against one that explains all of it. */
const SPECIFICITY_SHARE = 0.02;

export interface ReasonSuggestion {
  code: string;
  score: number;
}

interface ReasonIndex {
  code: string;
  stems: Set<string>;
  entries: string[][];
  /** The one kind of service the reason is about (TV picture, call quality, Wi-Fi), or null. */
  serviceKind: string | null;
}

interface ClassifierIndex {
  reasons: ReasonIndex[];
  idf: Map<string, number>;
  vocabulary: string[];
  /** The vocabulary stems each input stem resembles, kept once computed (a bounded memo: the scan is the cost). */
  similar: Map<string, Map<string, number>>;
  /**
   * The vocabulary by length and by first four letters: a stem can only resemble one of about its length
   * (edits, sound-alikes) or one sharing its first four letters (inflections), see stemSimilarity.
   */
  byLength: Map<number, string[]>;
  byPrefix: Map<string, string[]>;
  /** For each stem, the reasons (their positions) whose entries hold it. */
  reasonsOfStem: Map<string, number[]>;
}

function bucket(map: Map<number | string, string[]>, key: number | string, stem: string): void {
  const list = map.get(key);
  if (list) list.push(stem);
  else map.set(key, [stem]);
}

const SIMILAR_MEMO_SIZE = 50_000;

function matchesOf(input: string, index: ClassifierIndex): Map<string, number> {
  const known = index.similar.get(input);
  if (known) return known;
  const matches = new Map<string, number>();
  if (index.idf.has(input)) matches.set(input, 1);
  const candidates = new Set<string>(index.byPrefix.get(input.slice(0, 4)) ?? []);
  for (let len = input.length - 2; len <= input.length + 2; len++) for (const v of index.byLength.get(len) ?? []) candidates.add(v);
  for (const vocab of candidates) {
    if (vocab === input) continue;
    const sim = stemSimilarity(input, vocab);
    if (sim > 0) matches.set(vocab, sim);
  }
  if (index.similar.size >= SIMILAR_MEMO_SIZE) index.similar.clear();
  index.similar.set(input, matches);
  return matches;
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

/** Share of a reason's texts that must name a kind of service (and of no other kind) for the reason to be about it. */
const SERVICE_KIND_SHARE = 0.4;
const OTHER_KIND_SHARE = 0.2;
/** A reason about another service than the one the text names keeps this share of its score. */
const OTHER_SERVICE_SHARE = 0.6;

function serviceKindOf(texts: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) for (const kind of serviceKindsNamed(text)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const shares = [...counts].map(([kind, n]) => [kind, n / Math.max(1, texts.length)] as const);
  const main = shares.filter(([, share]) => share >= SERVICE_KIND_SHARE);
  if (main.length !== 1 || shares.some(([kind, share]) => kind !== main[0][0] && share >= OTHER_KIND_SHARE)) return null;
  return main[0][0];
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
    return { code: reason.code, stems, entries, serviceKind: serviceKindOf(texts) };
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
  const byLength = new Map<number, string[]>();
  const byPrefix = new Map<string, string[]>();
  for (const stem of df.keys()) {
    bucket(byLength as Map<number | string, string[]>, stem.length, stem);
    if (stem.length >= 4) bucket(byPrefix as Map<number | string, string[]>, stem.slice(0, 4), stem);
  }
  const reasonsOfStem = new Map<string, number[]>();
  indexed.forEach((reason, r) => {
    for (const stem of reason.stems) reasonsOfStem.set(stem, [...(reasonsOfStem.get(stem) ?? []), r]);
  });
  return { reasons: indexed, idf, vocabulary: [...df.keys()], similar: new Map(), byLength, byPrefix, reasonsOfStem };
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
  const matchesPerInput: Map<string, number>[] = inputStems.map((input) => matchesOf(input, index));

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

  // How much of each input word each reason explains: its best-matching stem of that reason.
  const explainedBy = new Float64Array(index.reasons.length);
  const bestOfReason = new Float64Array(index.reasons.length);
  for (const matches of matchesPerInput) {
    bestOfReason.fill(0);
    for (const [vocab, sim] of matches) {
      const weight = sim * (index.idf.get(vocab) ?? 0);
      for (const r of index.reasonsOfStem.get(vocab) ?? []) if (weight > bestOfReason[r]) bestOfReason[r] = weight;
    }
    for (let r = 0; r < bestOfReason.length; r++) explainedBy[r] += bestOfReason[r];
  }

  return index.reasons.map((reason, r) => {
    const explained = explainedBy[r];
    const coverage = inputWeight > 0 ? explained / inputWeight : 0;

    // The best-matched entry, and among equally matched ones the one that says most of the input ("moving to another
    // city" over "moving"): a small share of the score goes to how much of the input that one entry explains.
    let phrase = 0;
    let specific = 0;
    for (const entry of reason.entries) {
      let total = 0;
      let hit = 0;
      for (const stem of entry) {
        const weight = index.idf.get(stem) ?? 0;
        total += weight;
        hit += weight * (bestSimOfVocab.get(stem) ?? 0);
      }
      if (total <= 0) continue;
      const share = inputWeight > 0 ? Math.min(1, hit / inputWeight) : 0;
      if (hit / total > phrase || (hit / total === phrase && share > specific)) {
        phrase = hit / total;
        specific = share;
      }
    }
    return ((coverage + phrase) / 2 - SPECIFICITY_SHARE * (1 - specific)) * confidence;
  });
}

/** Why no specific reason is suggested (the catch-all is then the only suggestion). */
export type AbstainReason =
  /** No word of the text says why (only service names, or nothing recognised). */
  | 'no_reason_words'
  /** Some words were recognised, but too few or too generic to point at a reason. */
  | 'weak_evidence'
  /**
   * The best reasons belong to different groups and score alike, or the synonym table and the learnt model point
   * at different groups: a guess would as likely be wrong (the contenders then follow the catch-all).
   */
  | 'contradictory'
  /** The subscriber gave no reason ("no comment", "refused to say", "не знаю"). */
  | 'refused'
  /** The text names the catch-all itself ("Other", "Not specified"). */
  | 'catch_all_fits';

/** Which engine put a suggestion where it is: the synonym table, the model learnt from resolutions, or both. */
export type SuggestionSource = 'rules' | 'learned' | 'both';

export interface DetailedSuggestion extends ReasonSuggestion {
  source: SuggestionSource;
}

export interface SuggestionResult {
  /** Best first; the catch-all alone when `abstained` says why. */
  suggestions: DetailedSuggestion[];
  abstained: AbstainReason | null;
  /** A competitor the words name or imply: proposed as the destination. */
  competitor: CompetitorMention | null;
}

/** A model learnt from resolutions (see learn.ts): probabilities per code, or null when it knows no word of the text. */
export interface LearnedScorer {
  /** Share of the final score that comes from the model (0..1). */
  weight: number;
  probabilities(text: string): Map<string, number> | null;
  /** True when the model has learnt a word of the text other than a service name (character n-grams do not count). */
  knowsWordOf?(text: string): boolean;
}

export interface SuggestOptions {
  reasons?: readonly ChurnReasonDefinition[];
  limit?: number;
  /** The operator's configured competitors (the well-known ones are always recognised). */
  competitors?: readonly CompetitorName[];
  learned?: LearnedScorer | null;
}

/** Refusals and "don't know": removed from the text; what is left must still say why, or it is the catch-all. */
const REFUSALS: RegExp[] = [
  'no comments?',
  'without comments?',
  'no idea',
  'personal reasons?',
  'none of (your|ur) business',
  '(want|wanna|going) to close( it)?',
  'just close( it)?',
  '(i )?(dont|do not|doesnt|does not|wont|will not) (want to )?(explain|say|tell)',
  '(id |i would )?rather not (say|tell|explain)',
  'refus\\p{L}*( to (say|answer|explain|give)( \\p{L}+)?)?',
  'declined?( to (say|answer|explain))?',
  'без (коммент|комент)\\p{L}*',
  '(личн|особист)\\p{L}* причин\\p{L}*',
  'не (ваше|ваша|твое) (дело|справа)',
  '(это|то|це) (мое|моя) (дело|справа)',
  'не (хочу|хоче|хочет|хотят|хочуть) (объясн|поясн|говор|казат|называт|називат)\\p{L}*',
  '(отказ|видмов)\\p{L}*( (назвать|назвати|называть|пояснюват|объяснят|отвечат|видповидат)\\p{L}*)?',
  'не (знаю|знает|знае|знаем)',
  'понятия не имею',
  'гадки не маю',
  'просто (закр|видключ|отключ)\\p{L}*',
  'так (надо|нада|треба)',
].map((source) => new RegExp(`(?<=^| )(?:${source})(?= |$)`, 'gu'));

/** Two reasons of different groups this close (and both weak) are a contradiction, not a suggestion. */
const CONTRADICTION_RATIO = 0.97;
/** A named or implied competitor: competitor reasons gain this, plain price reasons keep this share. */
const COMPETITOR_BONUS = 0.35;
/** After a refusal ("no idea, ..."), the rest of the text must score this much to still suggest a reason. */
const REFUSAL_OVERRIDE = 0.65;
const PRICE_SHARE_WITH_COMPETITOR = 0.6;
/** The competitor's bundle (a classifier without this code simply has no bundle rule). */
const BUNDLE_REASON_CODE = 'competitor_bundle';
/**
 * When the synonym table and the learnt model put different groups first, a reason of another group scoring this
 * share of the best makes the evidence contradictory (chosen by cross-validation on the development part).
 */
const DISAGREEMENT_RATIO = 0.9;

function catchAllOnly(code: string, score: number, abstained: AbstainReason, competitor: CompetitorMention | null): SuggestionResult {
  return { suggestions: [{ code, score: round(score), source: 'rules' }], abstained, competitor };
}

/** Rule scores for the text, or for its Cyrillic spelling when it is Russian/Ukrainian typed in Latin letters. */
function ruleScores(text: string, index: ClassifierIndex): number[] {
  const scores = scoreAll(text, index);
  const best = Math.max(0, ...scores);
  if (best >= 0.5) return scores;
  const cyrillic = transliterateToCyrillic(text);
  if (!cyrillic) return scores;
  const other = scoreAll(cyrillic, index);
  return Math.max(0, ...other) > best ? other : scores;
}

/**
 * Suggestions for free text with the reasons behind them: which source suggested each code, why none is
 * suggested (abstention), and the competitor named. Pure: the learnt model and the configured competitors
 * are passed in.
 */
export function suggestReasonsDetailed(text: string, options: SuggestOptions = {}): SuggestionResult {
  const reasons = options.reasons ?? DEFAULT_CHURN_REASONS;
  const limit = options.limit ?? 5;
  if (!text || !text.trim() || reasons.length === 0 || limit <= 0) return { suggestions: [], abstained: null, competitor: null };
  const index = indexFor(reasons);
  const catchAllIndex = reasons.length - 1;
  const catchAllCode = reasons[catchAllIndex].code;
  const competitor = findCompetitor(text, options.competitors ?? []);

  let refused = false;
  let rest = normalizeText(text);
  for (const re of REFUSALS) {
    const stripped = rest.replace(re, ' ');
    if (stripped !== rest) refused = true;
    rest = stripped;
  }
  // A refusal says nothing about the reason: what is left of the text must say it, or it is the catch-all.
  const said = refused ? rest.trim() : text;
  if (refused && !competitor) {
    const restScores = said ? ruleScores(said, index) : [];
    const restBest = Math.max(0, ...restScores.filter((_, i) => i !== catchAllIndex));
    if (restBest < REFUSAL_OVERRIDE) return catchAllOnly(catchAllCode, 1 - restBest, 'refused', null);
  }

  const rules = said ? ruleScores(said, index) : reasons.map(() => 0);
  const learned = options.learned?.probabilities(text) ?? null;
  // Where the table knows no word of the text and the model has learnt one of its words (not a service name: those
  // say no reason), the model is the only evidence: its probability is the score, not a share of it.
  const onlyModel = learned !== null && rules.every((score) => score === 0) && (options.learned?.knowsWordOf?.(text) ?? false);
  const w = learned ? (onlyModel ? 1 : Math.min(1, Math.max(0, options.learned?.weight ?? 0))) : 0;
  const sources: SuggestionSource[] = [];
  const scores = reasons.map((reason, i) => {
    const r = (1 - w) * rules[i];
    const l = w * (learned?.get(reason.code) ?? 0);
    sources.push(l > 2 * r ? 'learned' : r > 2 * l ? 'rules' : 'both');
    return r + l;
  });

  const kinds = serviceKindsNamed(text);
  if (kinds.size === 1) {
    const [kind] = kinds;
    index.reasons.forEach((reason, i) => {
      if (reason.serviceKind && reason.serviceKind !== kind) {
        scores[i] *= OTHER_SERVICE_SHARE;
        rules[i] *= OTHER_SERVICE_SHARE;
      }
    });
  }
  if (competitor) {
    const bundled = kinds.size >= 2;
    favourCompetitor(reasons, scores, bundled);
    favourCompetitor(reasons, rules, bundled);
  }

  if (namesDestination(text, competitor)) favourMovingAway(reasons, scores);

  const specific = scores
    .map((score, i) => ({ code: reasons[i].code, score, i, group: reasons[i].group }))
    .filter((s) => s.i !== catchAllIndex && s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const best = specific.length > 0 ? specific[0].score : 0;
  const catchAllScore = scores[catchAllIndex];

  if (best === 0) return catchAllOnly(catchAllCode, 1, refused ? 'refused' : 'no_reason_words', competitor);
  if (catchAllScore >= best) return catchAllOnly(catchAllCode, catchAllScore, 'catch_all_fits', competitor);
  if (best < MIN_SUGGESTION_SCORE) return catchAllOnly(catchAllCode, 1 - best, 'weak_evidence', competitor);
  const second = specific[1];
  if (second && second.group !== specific[0].group && second.score >= best * CONTRADICTION_RATIO && best < 0.45) {
    return catchAllOnly(catchAllCode, 1 - best, 'contradictory', competitor);
  }
  const shown = specific
    .filter((s) => s.score >= MIN_SUGGESTION_SCORE * 0.5 && s.score >= best * RELATIVE_CUTOFF)
    .map((s) => ({ code: s.code, score: round(s.score), source: sources[s.i] }));
  // The two engines disagree on the group and the blend barely settles it: no first suggestion, the contenders
  // follow the catch-all so that the operator still sees them.
  if (learned && enginesDisagree(reasons, rules, learned, catchAllIndex)) {
    const rival = specific.find((s) => s.group !== specific[0].group);
    if (rival && rival.score >= best * DISAGREEMENT_RATIO) {
      return {
        suggestions: [{ code: catchAllCode, score: round(1 - best), source: 'both' }, ...shown.slice(0, limit - 1)],
        abstained: 'contradictory',
        competitor,
      };
    }
  }
  return { suggestions: shown.slice(0, limit), abstained: null, competitor };
}

/**
 * Price said next to a competitor is the competitor's price: the cheaper-competitor reason takes at least the best
 * price score, every competitor reason gains, plain price keeps a share (in place). Two or more kinds of service
 * named beside the competitor ("mobile and home internet", "phone, internet and TV on one bill") are its bundle:
 * the bundle reason then leads (over "mobile only" as well: the services go together to the competitor).
 */
function favourCompetitor(reasons: readonly ChurnReasonDefinition[], scores: number[], bundled: boolean): void {
  const priceBest = Math.max(0, ...reasons.map((r, i) => (r.group === 'price' ? scores[i] : 0)));
  const cheaper = reasons.findIndex((r) => r.group === 'competitor');
  reasons.forEach((reason, i) => {
    if (reason.group === 'competitor') scores[i] = COMPETITOR_BONUS + (1 - COMPETITOR_BONUS) * Math.min(1, scores[i]);
    else if (reason.group === 'price') scores[i] *= PRICE_SHARE_WITH_COMPETITOR;
  });
  if (cheaper >= 0) scores[cheaper] = Math.max(scores[cheaper], Math.min(1, priceBest + COMPETITOR_BONUS / 2));
  const bundle = reasons.findIndex((r) => r.code === BUNDLE_REASON_CODE);
  if (bundled && bundle >= 0) {
    const best = Math.max(0, ...reasons.map((r, i) => (i === reasons.length - 1 ? 0 : scores[i])));
    scores[bundle] = Math.max(scores[bundle], Math.min(1, best + 0.01));
  }
}

/**
 * A move to a named place ("we are moving to Kharkiv", "переезжаем в Одессу", "переїжджаємо до Ужгорода"): a place worth
 * naming is another town. A name after "to"/"в"/"до" in capitals that is not a competitor.
 */
const DESTINATION = /(?:^|[\s,.;:])(?:to|в|во|до|у)\s+\p{Lu}\p{Ll}{2,}/u;
const MOVE_WITHIN_CODE = 'move_within_coverage';
const MOVE_AWAY_CODE = 'move_out_of_coverage';

function namesDestination(text: string, competitor: CompetitorMention | null): boolean {
  return DESTINATION.test(text) && !competitor;
}

/** When a move within the coverage leads, a move to a named place is a move out of it (in place). */
function favourMovingAway(reasons: readonly ChurnReasonDefinition[], scores: number[]): void {
  const within = reasons.findIndex((r) => r.code === MOVE_WITHIN_CODE);
  const away = reasons.findIndex((r) => r.code === MOVE_AWAY_CODE);
  if (within < 0 || away < 0) return;
  const best = Math.max(...scores.map((s, i) => (i === reasons.length - 1 ? 0 : s)));
  if (scores[within] === best && best > 0) scores[away] = Math.min(1, best + 0.01);
}

/** The synonym table's best reason and the learnt model's most probable one belong to different groups. */
function enginesDisagree(
  reasons: readonly ChurnReasonDefinition[],
  rules: readonly number[],
  learned: Map<string, number>,
  catchAllIndex: number,
): boolean {
  let ruleBest = -1;
  rules.forEach((score, i) => {
    if (i !== catchAllIndex && score > 0 && (ruleBest < 0 || score > rules[ruleBest])) ruleBest = i;
  });
  let modelBest: string | null = null;
  for (const [code, p] of learned) if (modelBest === null || p > (learned.get(modelBest) ?? 0)) modelBest = code;
  if (ruleBest < 0 || modelBest === null) return false;
  const modelGroup = reasons.find((r) => r.code === modelBest)?.group;
  return modelGroup !== undefined && modelGroup !== reasons[ruleBest].group;
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
  return suggestReasonsDetailed(text, { reasons, limit }).suggestions.map(({ code, score }) => ({ code, score }));
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
