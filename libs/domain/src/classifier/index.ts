export * from './classifier.types';
export * from './default-classifier';
export * from './reason-synonyms';
export { suggestReasons, suggestReasonsDetailed, classifyText, MIN_SUGGESTION_SCORE } from './suggest';
export type {
  ReasonSuggestion,
  AbstainReason,
  SuggestionSource,
  DetailedSuggestion,
  SuggestionResult,
  LearnedScorer,
  SuggestOptions,
} from './suggest';
export { findCompetitor, WELL_KNOWN_COMPETITORS } from './competitors';
export type { CompetitorName, CompetitorMention } from './competitors';
export { normalizeText } from './text-normalize';
export { LEARNED_WEIGHT, REASON_FEATURE_SET, hasCurrentFeatures, ReasonModelTrainer, trainReasonModel, modelProbabilities, learnedScorer, classifierExamples, seedExamples, reasonFeatures, isHeldOut } from './learn';
export type { ReasonModel, ReasonExample } from './learn';
export { evaluateSuggester, evalItems, REASON_EVAL_SET } from './eval';
export type { EvalItem, EvalReport, Accuracy, CodeSuggester } from './eval';
