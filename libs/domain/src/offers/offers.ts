import type { Localized } from '../classifier/classifier.types';

export type OfferKind =
  | 'discount'
  | 'tariff_change'
  | 'extra_service'
  | 'equipment'
  | 'technician_visit'
  | 'service_move'
  | 'pause'
  | 'loyalty_bonus'
  | 'prepay'
  | 'credit'
  | 'deferral'
  | 'transfer';

export interface OfferDefinition {
  code: string;
  kind: OfferKind;
  /** For discounts: percent off the subscriber's monthly fee, for `months` months. */
  discountPercent: number | null;
  months: number | null;
  /** What the offer costs the operator each month it runs (besides a discount), and once. */
  monthlyCost: number;
  oneOffCost: number;
  /** Eligibility: tenure and monthly revenue floors; reasons it may be used for (null: any). */
  minTenureMonths: number;
  minMonthlyRevenue: number;
  reasonCodes: string[] | null;
  title: Localized;
  description: Localized;
}

/**
 * What the offer costs the operator for this subscriber: the discount given away over its
 * months, plus its running and one-off costs.
 */
export function offerCost(offer: OfferDefinition, monthlyRevenue: number): number {
  const months = offer.months ?? 1;
  const discount = offer.discountPercent ? (monthlyRevenue * offer.discountPercent * months) / 100 : 0;
  return round2(discount + offer.monthlyCost * months + offer.oneOffCost);
}

/**
 * The largest discount an operator may grant alone, tiered by the subscriber's lifetime value
 * (docs/methodology.md, "Ways to keep a subscriber"): more valuable subscribers justify more, anything above
 * needs a manager.
 */
export const DISCOUNT_AUTHORITY_TIERS: readonly { minLtv: number; maxPercent: number }[] = [
  { minLtv: 20_000, maxPercent: 30 },
  { minLtv: 8_000, maxPercent: 20 },
  { minLtv: 0, maxPercent: 10 },
];

export function operatorDiscountLimit(ltv: number): number {
  return DISCOUNT_AUTHORITY_TIERS.find((t) => ltv >= t.minLtv)?.maxPercent ?? 0;
}

export interface OfferContext {
  reasonCode: string;
  /** The reason's chain of offers, best first. */
  reasonOfferCodes: readonly string[];
  tenureMonths: number;
  monthlyRevenue: number;
  ltv: number;
}

export interface RankedOffer {
  code: string;
  cost: number;
  eligible: boolean;
  /** Why not, when not eligible: 'tenure', 'revenue' or 'reason'. */
  ineligibleBecause: ('tenure' | 'revenue' | 'reason')[];
  /** A discount above the operator's own limit needs a manager's approval. */
  needsApproval: boolean;
  /** Position in the reason's chain, or null when the offer is not in it. */
  chainRank: number | null;
}

/**
 * The offers that fit this reason and this subscriber, best first: eligible before ineligible,
 * then in the order of the reason's chain, then cheaper before dearer. Offers outside the chain
 * are listed after it only when they are not restricted to other reasons.
 */
export function rankOffers(offers: readonly OfferDefinition[], ctx: OfferContext): RankedOffer[] {
  const limit = operatorDiscountLimit(ctx.ltv);
  return offers
    .map((o): RankedOffer => {
      const because: RankedOffer['ineligibleBecause'] = [];
      if (ctx.tenureMonths < o.minTenureMonths) because.push('tenure');
      if (ctx.monthlyRevenue < o.minMonthlyRevenue) because.push('revenue');
      if (o.reasonCodes && !o.reasonCodes.includes(ctx.reasonCode)) because.push('reason');
      const rank = ctx.reasonOfferCodes.indexOf(o.code);
      return {
        code: o.code,
        cost: offerCost(o, ctx.monthlyRevenue),
        eligible: because.length === 0,
        ineligibleBecause: because,
        needsApproval: (o.discountPercent ?? 0) > limit,
        chainRank: rank >= 0 ? rank : null,
      };
    })
    .filter((r) => r.chainRank !== null || !r.ineligibleBecause.includes('reason'))
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        (a.chainRank ?? 1000) - (b.chainRank ?? 1000) ||
        a.cost - b.cost ||
        a.code.localeCompare(b.code),
    );
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
