import { CompetitorName, LearnedScorer, learnedScorer, ReasonModel } from '@retention/domain';
import type { RowQuery } from './classifier.service';

/**
 * What a reason suggestion reads besides the classifier (docs/methodology.md, "Reason suggestions"): the configured
 * competitors and the reason model version switched on. One reading for every place that suggests: the desk's
 * `GET /api/churn-reasons/suggest` (which keeps them per process) and an import's stated reasons (read once per file).
 */

/** The active competitors a suggestion recognises by name (the well-known ones it always recognises). */
export async function configuredCompetitorNames(query: RowQuery): Promise<CompetitorName[]> {
  const rows = await query(`SELECT code, name FROM competitor WHERE active ORDER BY code`);
  return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
}

export interface LoadedReasonModel {
  id: number;
  scorer: LearnedScorer;
}

/**
 * The version switched on as the suggester's learnt source, or null (the synonym table alone). `known` is kept when
 * it is still the active one, so that its model is parsed once per version.
 */
export async function activeReasonModel(query: RowQuery, known: LoadedReasonModel | null = null): Promise<LoadedReasonModel | null> {
  const [active] = await query(`SELECT id FROM reason_model WHERE active`);
  if (!active) return null;
  const id = Number(active.id);
  if (known?.id === id) return known;
  const [row] = await query(`SELECT model, weight FROM reason_model WHERE id = $1`, [id]);
  if (!row?.model) return null;
  return { id, scorer: learnedScorer(row.model as ReasonModel, Number(row.weight)) };
}
