import { LifetimeRating, NpsBand, SubscriberStatus } from '@retention/contracts';
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
