import {
  type ApprovalView,
  LifetimeRating,
  NpsBand,
  type NpsClass,
  type RequestOutcomeCode,
  type RequestStatusCode,
  type SaveStateCode,
  type ScoreTrendDirection,
  SubscriberStatus,
} from '@retention/contracts';
import type { ChipTone } from './status-chip.component';

export const STATUS_TONE: Readonly<Record<SubscriberStatus, ChipTone>> = {
  [SubscriberStatus.Active]: 'success',
  [SubscriberStatus.Suspended]: 'warning',
  [SubscriberStatus.Disconnected]: 'neutral',
};

export const LIFETIME_TONE: Readonly<Record<LifetimeRating, ChipTone>> = {
  [LifetimeRating.Poor]: 'error',
  [LifetimeRating.Fair]: 'warning',
  [LifetimeRating.Good]: 'info',
  [LifetimeRating.Excellent]: 'success',
};

export const NPS_TONE: Readonly<Record<NpsBand, ChipTone>> = {
  [NpsBand.Bad]: 'error',
  [NpsBand.NeedsImprovement]: 'warning',
  [NpsBand.Good]: 'info',
  [NpsBand.Excellent]: 'success',
};

export const NPS_CLASS_TONE: Readonly<Record<NpsClass, ChipTone>> = {
  promoter: 'success',
  passive: 'neutral',
  detractor: 'error',
};

/** How a subscriber or a subscription ended (the subscriber's disconnect kind or the subscription's end reason). */
export const END_REASON_TONE: Readonly<Record<string, ChipTone>> = {
  voluntary: 'warning',
  disconnected: 'warning',
  dropped: 'warning',
  non_payment: 'error',
};

export const REQUEST_STATUS_TONE: Readonly<Record<RequestStatusCode, ChipTone>> = {
  new: 'warning',
  in_progress: 'info',
  postponed: 'neutral',
  resolved: 'neutral',
};

/** Saves are green, a partial save amber, a disconnection red. */
export const OUTCOME_TONE: Readonly<Record<RequestOutcomeCode, ChipTone>> = {
  retained: 'success',
  retained_with_offer: 'success',
  partially_retained: 'warning',
  disconnected: 'error',
};

export const SAVE_STATE_TONE: Readonly<Record<SaveStateCode, ChipTone>> = {
  pending: 'neutral',
  confirmed: 'success',
  lost: 'error',
};

export const APPROVAL_TONE: Readonly<Record<ApprovalView['status'], ChipTone>> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'error',
};

/** A subscriber's score trend: falling is the early warning. */
export const TREND_TONE: Readonly<Record<ScoreTrendDirection, ChipTone>> = { falling: 'error', steady: 'neutral', rising: 'success' };
