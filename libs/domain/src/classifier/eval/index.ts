import { Lang, LANGS, ReasonGroup } from '../classifier.types';
import { CATCH_ALL_REASON_CODE, DEFAULT_CHURN_REASONS } from '../default-classifier';
import { EVAL_EN } from './eval-en';
import { EVAL_MORE_EN } from './eval-more-en';
import { EVAL_MORE_RU } from './eval-more-ru';
import { EVAL_MORE_UK } from './eval-more-uk';
import { EVAL_RU } from './eval-ru';
import { EVAL_UK } from './eval-uk';

/**
 * The evaluation set of reason suggestions (docs/methodology.md, "Reason suggestions"): stated reasons in English,
 * Russian and Ukrainian, one a line as `split | style | codes | text`:
 *  - split: `dev` (tune on it) or `test` (only measured); alternate lines of each reason and style, so both
 *    parts hold every reason;
 *  - style: L a billing/CRM category label, S the subscriber's own words (typos included), N an operator's
 *    abbreviated note, T transliteration, Z surzhyk (mixed Russian/Ukrainian), M several reasons in one sentence;
 *  - codes: the fitting code(s) of the shipped classifier, comma-separated; `other_unknown` for "no comment".
 */
export type EvalSplit = 'dev' | 'test';
export type EvalStyle = 'L' | 'S' | 'N' | 'T' | 'Z' | 'M';

export interface EvalItem {
  lang: Lang;
  split: EvalSplit;
  style: EvalStyle;
  codes: string[];
  text: string;
  /**
   * When it was written: 1 (or absent) the first set (both parts, against which the synonym table was written),
   * 2 the development items written later for tuning, once the first development items were nearly all right.
   */
  round?: 1 | 2;
}

function parse(lang: Lang, source: string, round: 1 | 2 = 1): EvalItem[] {
  return source
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [split, style, codes, ...text] = line.split(' | ');
      return { lang, split: split as EvalSplit, style: style as EvalStyle, codes: codes.split(','), text: text.join(' | '), round };
    });
}

export const REASON_EVAL_SET: readonly EvalItem[] = [
  ...parse('en', EVAL_EN),
  ...parse('ru', EVAL_RU),
  ...parse('uk', EVAL_UK),
  // Written later for the development part alone, when it no longer showed errors to tune on.
  ...parse('en', EVAL_MORE_EN, 2),
  ...parse('ru', EVAL_MORE_RU, 2),
  ...parse('uk', EVAL_MORE_UK, 2),
];

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
  /** Share answered with the catch-all although a specific reason was stated. */
  abstained: number;
  /** Share of clearly stated reasons (not the catch-all) whose first suggestion is in another group. */
  wrongGroup: number;
}

export interface EvalReport {
  overall: Accuracy;
  byLang: Record<string, Accuracy>;
  byGroup: Record<string, Accuracy>;
  byStyle: Record<string, Accuracy>;
  /** Top-1 errors as "expected -> suggested", most frequent first. */
  confusions: { expected: string; suggested: string; count: number; examples: string[] }[];
}

/** A suggester: codes best first (the catch-all alone, or nothing, means it abstained). */
export type CodeSuggester = (text: string, lang: Lang) => string[];

interface Outcome {
  item: EvalItem;
  top1: boolean;
  top3: boolean;
  abstained: boolean;
  wrongGroup: boolean;
  first: string;
}

function accuracy(outcomes: Outcome[]): Accuracy {
  const n = outcomes.length;
  const share = (f: (o: Outcome) => boolean, of = outcomes) => (of.length ? of.filter(f).length / of.length : 0);
  const stated = outcomes.filter((o) => !o.item.codes.includes(CATCH_ALL_REASON_CODE));
  return {
    n,
    top1: share((o) => o.top1),
    top3: share((o) => o.top3),
    abstained: share((o) => o.abstained, stated),
    wrongGroup: share((o) => o.wrongGroup, stated),
  };
}

function groupBy(outcomes: Outcome[], key: (o: Outcome) => string): Record<string, Accuracy> {
  const parts = new Map<string, Outcome[]>();
  for (const o of outcomes) parts.set(key(o), [...(parts.get(key(o)) ?? []), o]);
  return Object.fromEntries([...parts].map(([k, v]) => [k, accuracy(v)]));
}

/** Measures a suggester on one part of the evaluation set (or on any labelled items). */
export function evaluateSuggester(
  suggest: CodeSuggester,
  items: readonly EvalItem[],
  groupOf: (code: string) => ReasonGroup | undefined = defaultGroupOf,
): EvalReport {
  const outcomes: Outcome[] = items.map((item) => {
    const codes = suggest(item.text, item.lang);
    const first = codes[0] ?? CATCH_ALL_REASON_CODE;
    const abstained = first === CATCH_ALL_REASON_CODE;
    const gold = new Set(item.codes);
    const goldGroups = new Set(item.codes.map(groupOf));
    return {
      item,
      first,
      abstained,
      top1: gold.has(first),
      top3: (codes.length ? codes : [first]).slice(0, 3).some((c) => gold.has(c)),
      wrongGroup: !gold.has(CATCH_ALL_REASON_CODE) && !abstained && !goldGroups.has(groupOf(first)),
    };
  });
  const confusions = new Map<string, { expected: string; suggested: string; count: number; examples: string[] }>();
  for (const o of outcomes.filter((x) => !x.top1)) {
    const key = `${o.item.codes[0]}>${o.first}`;
    const c = confusions.get(key) ?? { expected: o.item.codes[0], suggested: o.first, count: 0, examples: [] };
    c.count++;
    if (c.examples.length < 3) c.examples.push(o.item.text);
    confusions.set(key, c);
  }
  return {
    overall: accuracy(outcomes),
    byLang: groupBy(outcomes, (o) => o.item.lang),
    byGroup: groupBy(outcomes, (o) => groupOf(o.item.codes[0]) ?? '?'),
    byStyle: groupBy(outcomes, (o) => o.item.style),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

const GROUP_OF = new Map(DEFAULT_CHURN_REASONS.map((r) => [r.code, r.group]));
function defaultGroupOf(code: string): ReasonGroup | undefined {
  return GROUP_OF.get(code);
}

export function evalItems(split?: EvalSplit, lang?: Lang): EvalItem[] {
  return REASON_EVAL_SET.filter((i) => (!split || i.split === split) && (!lang || i.lang === lang));
}

export { LANGS };
