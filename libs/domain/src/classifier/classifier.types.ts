/**
 * Types of the churn-reason classifier (docs/methodology.md, "The classifier: norms and economic effect").
 *
 * The classifier is data, not code: the shipped default lives in `default-classifier.ts`, a manager edits
 * a versioned copy of it. Nothing here may depend on a framework; API and console share these shapes.
 */

export const LANGS = ['en', 'ru', 'uk'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export const REASON_GROUPS = [
  'price',
  'competitor',
  'quality',
  'technical',
  'product',
  'service',
  'need',
  'relocation',
  'financial',
  'life',
  'other',
  'closure',
] as const;
export type ReasonGroup = (typeof REASON_GROUPS)[number];

/**
 * The group of technical closures (a duplicate, merged or test account): not churn. A request closed
 * with such a reason ends as a technical closure, kept out of churn and shown apart (docs/methodology.md).
 */
export const TECHNICAL_CLOSURE_GROUP: ReasonGroup = 'closure';

/**
 * The offer catalogue the scripts may propose, in no particular order. A reason's `offerCodes` is an ordered
 * chain taken from this list (best first). Each offer has a cost to the operator, priced elsewhere.
 */
export const OFFER_CODES = [
  'discount_10_3m',
  'discount_20_3m',
  'discount_30_6m',
  'tariff_upgrade',
  'tariff_downgrade',
  'extra_service',
  'equipment_swap',
  /** Stop charging rent for the router / set-top box, or hand it over to the subscriber. */
  'equipment_rent_waiver',
  'technician_visit',
  'service_move',
  /**
   * Voluntary suspension ("vacation") instead of disconnection: the strongest save offer
   * (docs/methodology.md, "Ways to keep a subscriber").
   */
  'pause',
  'loyalty_bonus',
  'annual_prepay',
  /** Recalculation / credit for days without service or for a billing error. */
  'compensation_credit',
  /** Pay later this month ("promised payment") instead of a debt and a block. */
  'payment_deferral',
  /** Re-register the contract to a relative, tenant or new owner at the same address. */
  'account_transfer',
] as const;
export type OfferCode = (typeof OFFER_CODES)[number];

export interface ScriptSection {
  /** Questions that reveal the true reason behind the stated one. */
  questions: Localized[];
  arguments: Localized[];
  objections: { objection: Localized; answer: Localized }[];
  closing: Localized[];
}

export interface ChurnReasonDefinition {
  /** Stable snake_case code; never reused for a different meaning. */
  code: string;
  group: ReasonGroup;
  /** The operator can influence it (managed churn) or cannot (unmanaged). */
  managed: boolean;
  /** The request must then record which competitor the subscriber leaves for. */
  impliesCompetitor: boolean;
  /**
   * Normative maximum monthly contribution as a share of the ACTIVE subscriber base,
   * e.g. 0.002 = 0.2 % of active subscribers per month.
   */
  threshold: number;
  title: Localized;
  /** How to recognise it as the true reason. */
  description: Localized;
  /** What subscribers (or billing exports) say when this is the true reason. */
  typicalPhrases: Localized[];
  /** Ordered chain of retention offers, best first, from OFFER_CODES. */
  offerCodes: string[];
  script: ScriptSection;
}
