import type {
  ActivitySegment,
  ContractType,
  DisconnectKind,
  LifetimeRating,
  NpsBand,
  Role,
  SubscriberStatus,
  Temperament,
} from '@retention/contracts';
import type { TranslationKey } from './en';

/*
 * Keys for enum values. Each return type is a template-literal union over the enum, so adding a value to a
 * contracts enum without a dictionary entry fails compilation here.
 */
export const roleKey = (v: Role): TranslationKey => `role.${v}`;
export const statusKey = (v: SubscriberStatus): TranslationKey => `status.${v}`;
export const contractKey = (v: ContractType): TranslationKey => `contract.${v}`;
export const disconnectKindKey = (v: DisconnectKind): TranslationKey => `disconnectKind.${v}`;
export const lifetimeKey = (v: LifetimeRating): TranslationKey => `lifetime.${v}`;
export const npsBandKey = (v: NpsBand): TranslationKey => `npsBand.${v}`;
export const temperamentKey = (v: Temperament): TranslationKey => `temperament.${v}`;
export const activityKey = (v: ActivitySegment): TranslationKey => `activity.${v}`;
