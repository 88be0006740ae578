import type {
  ActivitySegment,
  ApprovalView,
  ContractType,
  DisconnectKind,
  LifetimeRating,
  NpsBand,
  NpsClass,
  RequestOutcomeCode,
  RequestStatusCode,
  Role,
  SaveStateCode,
  SubscriberStatus,
  Temperament,
} from '@retention/contracts';
import type { ReasonGroup, RequestChannel } from '@retention/domain';
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
export const npsClassKey = (v: NpsClass): TranslationKey => `npsClass.${v}`;
export const temperamentKey = (v: Temperament): TranslationKey => `temperament.${v}`;
export const activityKey = (v: ActivitySegment): TranslationKey => `activity.${v}`;

export const requestStatusKey = (v: RequestStatusCode): TranslationKey => `requestStatus.${v}`;
export const outcomeKey = (v: RequestOutcomeCode): TranslationKey => `outcome.${v}`;
export const saveStateKey = (v: SaveStateCode): TranslationKey => `saveState.${v}`;
export const approvalStatusKey = (v: ApprovalView['status']): TranslationKey => `approvalStatus.${v}`;
export const reasonGroupKey = (v: ReasonGroup): TranslationKey => `reasonGroup.${v}`;
/** Channels arrive as plain strings (an API client may send any of REQUEST_CHANNELS). */
export const channelKey = (v: RequestChannel): TranslationKey => `channel.${v}`;

/*
 * The domain's lists, as records so that a value added there without one here fails compilation. Kept here
 * rather than imported: a value import from the domain library would pull the whole classifier into the
 * initial bundle (this file is loaded before any lazy area).
 */
const CHANNELS: Readonly<Record<RequestChannel, true>> = { phone: true, office: true, web: true, email: true, api: true };
const REASON_GROUP_SET: Readonly<Record<ReasonGroup, true>> = {
  price: true,
  competitor: true,
  quality: true,
  technical: true,
  product: true,
  service: true,
  need: true,
  relocation: true,
  financial: true,
  life: true,
  other: true,
  closure: true,
};

export function isChannel(v: string): v is RequestChannel {
  return Object.prototype.hasOwnProperty.call(CHANNELS, v);
}
export function isReasonGroup(v: string): v is ReasonGroup {
  return Object.prototype.hasOwnProperty.call(REASON_GROUP_SET, v);
}
