export * from './classifier.types';
export * from './default-classifier';
export * from './reason-synonyms';
export { suggestReasons, classifyText, MIN_SUGGESTION_SCORE } from './suggest';
export type { ReasonSuggestion } from './suggest';
export { normalizeText } from './text-normalize';
