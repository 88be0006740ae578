import type { CompetitorView } from '@retention/contracts';

/**
 * The competitor the subscriber named in their own words ("CityCom offered me…"), matched by name or code as a
 * whole word, case-insensitively; null when none or more than one is named (the operator then picks).
 */
export function competitorNamedIn(text: string, competitors: readonly Pick<CompetitorView, 'id' | 'name' | 'code'>[]): string | null {
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const found = competitors.filter((c) => [c.name, c.code].some((n) => norm(n) && words.includes(` ${norm(n)} `)));
  return found.length === 1 ? found[0].id : null;
}
