import type { ReasonSuggestionView } from '@retention/contracts';
import type { TranslationKey } from '../../../core/i18n';

/**
 * The live suggestions under the stated-reason box. The first suggestion is highlighted as soon as it arrives,
 * so that Enter accepts the likeliest reason at once; ↓ / ↑ move the highlight.
 */
export interface SuggestionState {
  items: readonly ReasonSuggestionView[];
  /** Index of the highlighted suggestion, -1 when there is none. */
  highlighted: number;
}

export const NO_SUGGESTIONS: SuggestionState = { items: [], highlighted: -1 };

/**
 * New suggestions for new text: the first one is highlighted, unless the operator had moved the highlight to a
 * reason that is still on the list (a refresh for the same words must not undo their choice).
 */
export function receiveSuggestions(prev: SuggestionState, items: readonly ReasonSuggestionView[]): SuggestionState {
  if (!items.length) return NO_SUGGESTIONS;
  const kept = prev.highlighted > 0 ? items.findIndex((s) => s.code === prev.items[prev.highlighted]?.code) : -1;
  return { items, highlighted: kept >= 0 ? kept : 0 };
}

/** Moves the highlight, wrapping around at either end. */
export function moveHighlight(state: SuggestionState, delta: 1 | -1): SuggestionState {
  const n = state.items.length;
  if (!n) return state;
  const from = state.highlighted < 0 ? (delta > 0 ? -1 : 0) : state.highlighted;
  return { ...state, highlighted: (from + delta + n) % n };
}

/** The reason Enter accepts: the highlighted suggestion's code, or null when there is nothing to accept. */
export function acceptedCode(state: SuggestionState): string | null {
  return state.items[state.highlighted]?.code ?? null;
}

/** A score between 0 and 1 as a whole percentage for the confidence bar. */
export function confidencePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/**
 * Why the suggester abstained, as the hint under the suggestions: the API marks the catch-all with the reason when it
 * is the first suggestion because no specific reason holds (contradictory words, too little evidence, a refusal, or
 * words that name the catch-all itself); null when a reason was suggested.
 */
export function abstentionHint(items: readonly ReasonSuggestionView[]): TranslationKey | null {
  switch (items[0]?.abstained) {
    case 'contradictory':
      return 'reason.abstain.contradictory';
    case 'weak_evidence':
    case 'no_reason_words':
      return 'reason.abstain.weak';
    case 'refused':
      return 'reason.abstain.refused';
    case 'catch_all_fits':
      return 'reason.abstain.catchAll';
    default:
      return null;
  }
}
