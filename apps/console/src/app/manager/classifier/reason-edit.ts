import type { ChurnReasonDetail, LangCode, LocalizedText, ScriptView, UpdateChurnReasonRequest } from '@retention/contracts';

export const LANGS: readonly LangCode[] = ['en', 'ru', 'uk'];

/** What the manager edits: the reason's own fields, in every language. */
export interface ReasonDraft {
  /** Percent of the active base per month, as typed (0.12 means 0.12 %). */
  thresholdPercent: number | null;
  managed: boolean;
  impliesCompetitor: boolean;
  titles: LocalizedText;
  descriptions: LocalizedText;
  typicalPhrases: LocalizedText[];
  offerCodes: string[];
  script: ScriptView;
}

/** The API keeps the norm as a share (0.0012); people read and type it as a percentage (0.12 %). */
export function thresholdToPercent(share: number): number {
  return Math.round(share * 100 * 1e4) / 1e4;
}

export function percentToThreshold(percent: number): number {
  return Math.round((percent / 100) * 1e6) / 1e6;
}

export function emptyText(): LocalizedText {
  return { en: '', ru: '', uk: '' };
}

export function toDraft(r: ChurnReasonDetail): ReasonDraft {
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    thresholdPercent: thresholdToPercent(r.threshold),
    managed: r.managed,
    impliesCompetitor: r.impliesCompetitor,
    titles: copy(r.titles),
    descriptions: copy(r.descriptions),
    typicalPhrases: copy(r.typicalPhrases),
    offerCodes: [...r.offerCodes],
    script: copy(r.script),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PUT body: only what changed (each save makes a new classifier version, and the history should say what
 * it changed), plus the manager's note. Null when nothing changed.
 */
export function changes(original: ChurnReasonDetail, d: ReasonDraft, note: string): UpdateChurnReasonRequest | null {
  const base = toDraft(original);
  const body: UpdateChurnReasonRequest = {};
  if (d.thresholdPercent !== null && percentToThreshold(d.thresholdPercent) !== original.threshold) {
    body.threshold = percentToThreshold(d.thresholdPercent);
  }
  if (d.managed !== base.managed) body.managed = d.managed;
  if (d.impliesCompetitor !== base.impliesCompetitor) body.impliesCompetitor = d.impliesCompetitor;
  if (!same(d.titles, base.titles)) body.titles = trimText(d.titles);
  if (!same(d.descriptions, base.descriptions)) body.descriptions = trimText(d.descriptions);
  if (!same(d.typicalPhrases, base.typicalPhrases)) body.typicalPhrases = d.typicalPhrases.map(trimText);
  if (!same(d.offerCodes, base.offerCodes)) body.offerCodes = [...d.offerCodes];
  if (!same(d.script, base.script)) {
    body.script = {
      questions: d.script.questions.map(trimText),
      arguments: d.script.arguments.map(trimText),
      objections: d.script.objections.map((o) => ({ objection: trimText(o.objection), answer: trimText(o.answer) })),
      closing: d.script.closing.map(trimText),
    };
  }
  if (!Object.keys(body).length) return null;
  if (note.trim()) body.note = note.trim();
  return body;
}

function trimText(t: LocalizedText): LocalizedText {
  return { en: t.en.trim(), ru: t.ru.trim(), uk: t.uk.trim() };
}

/** Every text of the draft, for the completeness check. */
function allTexts(d: ReasonDraft): LocalizedText[] {
  return [
    d.titles,
    d.descriptions,
    ...d.typicalPhrases,
    ...d.script.questions,
    ...d.script.arguments,
    ...d.script.objections.flatMap((o) => [o.objection, o.answer]),
    ...d.script.closing,
  ];
}

/** How many texts are still empty in each language (the API needs all three for every text). */
export function missingTexts(d: ReasonDraft): Record<LangCode, number> {
  const out: Record<LangCode, number> = { en: 0, ru: 0, uk: 0 };
  for (const t of allTexts(d)) for (const l of LANGS) if (!t[l]?.trim()) out[l]++;
  return out;
}

/** Moves one item up or down a list (the offer chain, script lines); out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
