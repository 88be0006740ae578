import { TECHNICAL_CLOSURE_GROUP } from '../classifier/classifier.types';

/**
 * How a subscriber, or one of their services, ended (docs/methodology.md, "Three kinds of ending").
 * The kinds are kept apart everywhere: on the subscriber, on the subscription, in the churn facts,
 * in plans, reports and exports.
 *
 * - voluntary: the subscriber chose to leave (the churn that plans and reasons are about);
 * - non_payment: billing ended the service for debt;
 * - technical: a duplicate, merged or test account was closed: not churn at all.
 */
export const CHURN_KINDS = ['voluntary', 'non_payment', 'technical'] as const;
export type ChurnKind = (typeof CHURN_KINDS)[number];

/** What a disconnect request was made for: the subscriber's wish, or billing's notice of debt. */
export type RequestKind = 'voluntary' | 'non_payment';

/**
 * The kind of ending a resolved request brings about: a technical closure when its reason is one
 * (the reason's group), else the request's own kind.
 */
export function churnKind(requestKind: RequestKind, reasonGroup: string): ChurnKind {
  return reasonGroup === TECHNICAL_CLOSURE_GROUP ? 'technical' : requestKind;
}

/** How a subscription ended by a request of that kind is recorded (`subscription.end_reason`). */
export function subscriptionEndReason(kind: ChurnKind): 'disconnected' | 'non_payment' | 'technical' {
  return kind === 'voluntary' ? 'disconnected' : kind;
}

/** Why a subscription ended (`subscription.end_reason`). */
export const SUBSCRIPTION_END_REASONS = ['disconnected', 'non_payment', 'technical', 'downgrade', 'upgrade', 'dropped'] as const;
export type SubscriptionEndReason = (typeof SUBSCRIPTION_END_REASONS)[number];

/** How an ending counts: one of the kinds of ending, or a change of tariff (the service goes on, nothing is lost). */
export type EndingCount = ChurnKind | 'tariff';

/**
 * How a subscription's ending counts (docs/methodology.md, "Three kinds of ending"): a disconnection
 * or a dropped service is voluntary, non-payment and technical closures are their own kinds, a change
 * of tariff is no ending at all.
 */
export const ENDING_COUNTS: Readonly<Record<SubscriptionEndReason, EndingCount>> = {
  disconnected: 'voluntary',
  dropped: 'voluntary',
  non_payment: 'non_payment',
  technical: 'technical',
  downgrade: 'tariff',
  upgrade: 'tariff',
};

export function endingCounts(endReason: SubscriptionEndReason): EndingCount {
  return ENDING_COUNTS[endReason];
}
