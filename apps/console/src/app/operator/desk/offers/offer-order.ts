import type { OfferProposal } from '@retention/contracts';

/** The operator can give it on this call without anyone else. */
export const givable = (o: OfferProposal) => o.eligible && (!o.needsApproval || o.approved);

/**
 * The offers the panel shows before "show all": the reason's chain, anything already chosen or sent to a
 * manager, and at least `min` offers in all.
 */
export function offersInFocus(ordered: readonly OfferProposal[], keep: ReadonlySet<string>, min = 4): OfferProposal[] {
  const picked = ordered.filter((o) => o.inReasonChain || keep.has(o.code) || o.approved);
  const fill = ordered.filter((o) => !picked.includes(o) && o.eligible).slice(0, Math.max(0, min - picked.length));
  return ordered.filter((o) => picked.includes(o) || fill.includes(o));
}

/**
 * The API ranks offers best first for the reason and the subscriber (eligible ones first, then by the reason's
 * chain). On a live call what the operator can give now comes first; offers waiting for a manager's approval
 * follow, then the ones the subscriber is not eligible for. The API's order is kept within each of the three.
 */
export function deskOfferOrder(offers: readonly OfferProposal[]): OfferProposal[] {
  const rank = (o: OfferProposal) => (givable(o) ? 0 : o.eligible ? 1 : 2);
  return offers.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
}
