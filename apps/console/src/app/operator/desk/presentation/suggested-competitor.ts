import type { CompetitorView, ReasonSuggestionView } from '@retention/contracts';

/**
 * The destination competitor the reason suggestions propose: the one the suggester found in the subscriber's words
 * (docs/methodology.md, "Reason suggestions": configured competitors by name, inflected and misspelt), matched to the
 * operator's list by its code. Null when the words name none, only imply one ("another provider") or name one the
 * operator has not configured: the operator then picks.
 */
export function suggestedCompetitor(
  suggestions: readonly Pick<ReasonSuggestionView, 'competitor'>[],
  competitors: readonly Pick<CompetitorView, 'id' | 'code'>[],
): string | null {
  const code = suggestions.find((s) => s.competitor)?.competitor?.code;
  return code ? (competitors.find((c) => c.code === code)?.id ?? null) : null;
}
