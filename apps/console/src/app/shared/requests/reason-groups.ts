import type { ChurnReasonView } from '@retention/contracts';

export interface ReasonGroupView {
  group: string;
  reasons: ChurnReasonView[];
}

/** The classifier's points in their order, grouped as they come (price, competitor, quality, …). */
export function groupReasons(reasons: readonly ChurnReasonView[]): ReasonGroupView[] {
  const groups: ReasonGroupView[] = [];
  for (const r of [...reasons].sort((a, b) => a.position - b.position)) {
    const last = groups.find((g) => g.group === r.group);
    if (last) last.reasons.push(r);
    else groups.push({ group: r.group, reasons: [r] });
  }
  return groups;
}
