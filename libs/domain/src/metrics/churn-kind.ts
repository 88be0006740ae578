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
