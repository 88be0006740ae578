import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateDisconnectRequest,
  DeskDraft,
  PostponeDisconnectRequest,
  RequestOutcomeCode,
  ResolveDisconnectRequest,
} from '@retention/contracts';
import { FitsColumn, IsCalendarDate, IsCode, IsInstant, IsPageLimit, IsPageOffset, IsQueryBoolean, IsReasonCode } from '@retention/api-core';
import { type Destination, DESTINATIONS, REQUEST_CHANNELS, REQUEST_OUTCOMES, REQUEST_STATUSES } from '@retention/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreateDisconnectRequestDto implements CreateDisconnectRequest {
  @ApiProperty({ example: 'A1234567' }) @FitsColumn('subscriber.account_number') @MinLength(1) accountNumber!: string;

  @ApiProperty({ example: ['internet'], description: 'Service codes; empty means all the subscriber’s services' })
  @IsArray() @ArrayMaxSize(20) @IsCode('service.code', { each: true }) services!: string[];

  @ApiProperty({ enum: REQUEST_CHANNELS }) @IsIn(REQUEST_CHANNELS) channel!: string;

  @ApiPropertyOptional({ description: "The subscriber's own words" })
  @IsOptional() @IsString() @MaxLength(2000) statedReason?: string;

  @ApiPropertyOptional({ enum: ['voluntary', 'non_payment'], default: 'voluntary' })
  @IsOptional() @IsIn(['voluntary', 'non_payment']) kind?: 'voluntary' | 'non_payment';
}

export class ResolveDisconnectRequestDto implements ResolveDisconnectRequest {
  @ApiProperty({ enum: REQUEST_OUTCOMES }) @IsIn(REQUEST_OUTCOMES) outcome!: RequestOutcomeCode;
  @ApiProperty({ example: 'price_increase' }) @IsReasonCode() reasonCode!: string;
  @ApiPropertyOptional({ enum: DESTINATIONS, description: 'Where the subscriber went (a disconnection or partial retention, any reason); default: competitor when one is named or the reason means one, else unknown' })
  @IsOptional() @IsIn(DESTINATIONS) destination?: Destination | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() competitorId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCode('offer.code') offerCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-01', description: 'When a disconnection takes effect: today or up to 365 days ahead' })
  @IsOptional() @IsCalendarDate() effectiveDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(20) @IsCode('service.code', { each: true }) keptServices?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'The subscriber’s words as refined during the call; the original stays in the audit trail' })
  @IsOptional() @IsString() @MaxLength(2000) statedReason?: string;
}

export class PostponeDisconnectRequestDto implements PostponeDisconnectRequest {
  @ApiProperty({ example: '2026-11-23T15:00:00Z' }) @IsInstant() callbackAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ListRequestsQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses; open ones by default', example: 'new,postponed' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(new RegExp(`^(${REQUEST_STATUSES.join('|')})(,(${REQUEST_STATUSES.join('|')}))*$`), { message: 'status must be a comma-separated list of new, in_progress, postponed, resolved' })
  status?: string;

  @ApiPropertyOptional({ description: 'Only requests held by me' })
  @IsQueryBoolean() mine?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) search?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() subscriberId?: string;

  @ApiPropertyOptional({ default: 50 }) @IsPageLimit(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsPageOffset() offset?: number;
}

export class OffersQueryDto {
  @ApiProperty() @IsReasonCode() reasonCode!: string;
  @ApiPropertyOptional({ enum: ['en', 'ru', 'uk'] }) @IsOptional() @IsIn(['en', 'ru', 'uk']) lang?: 'en' | 'ru' | 'uk';
}

export class PresentationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() competitorId?: string;
}

export class RequestApprovalDto {
  @ApiProperty() @IsCode('offer.code') offerCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class DecideApprovalDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) decision!: 'approved' | 'rejected';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ListApprovalsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] }) @IsOptional() @IsIn(['pending', 'approved', 'rejected']) status?: 'pending' | 'approved' | 'rejected';
}

/** A value that may be sent as null (the draft's "not chosen yet"). */
const Nullable = () => ValidateIf((_o, v) => v !== null);

/** The desk's unsent work on a claimed request; every field as the resolve step would take it, each may be unset. */
export class DeskDraftDto implements DeskDraft {
  @ApiProperty({ description: 'The words typed during the call', example: 'FastNet is cheaper' })
  @IsString() @MaxLength(2000) statedText!: string;
  @ApiProperty({ type: String, nullable: true, example: 'competitor_cheaper' }) @Nullable() @IsReasonCode() reasonCode!: string | null;
  @ApiProperty({ enum: REQUEST_OUTCOMES, nullable: true }) @Nullable() @IsIn(REQUEST_OUTCOMES) outcome!: RequestOutcomeCode | null;
  @ApiProperty({ type: String, nullable: true }) @Nullable() @IsCode('offer.code') offerCode!: string | null;
  @ApiProperty({ enum: DESTINATIONS, nullable: true }) @Nullable() @IsIn(DESTINATIONS) destination!: Destination | null;
  @ApiProperty({ type: String, nullable: true }) @Nullable() @IsUUID() competitorId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' }) @Nullable() @IsCalendarDate() effectiveDate!: string | null;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @IsCode('service.code', { each: true }) keptServices!: string[];
  @ApiProperty() @IsString() @MaxLength(2000) note!: string;
}

export class BillingDisconnectionDto {
  @ApiProperty({ description: "Billing's own id of the event: a repeated post with it gets the first answer", example: 'bill-evt-2026-11-000123' })
  @FitsColumn('billing_disconnection.event_id') @Matches(/^[\w.:-]+$/, { message: 'eventId must be letters, digits, dots, colons, dashes or underscores' })
  eventId!: string;

  @ApiProperty({ example: 'A0001234' }) @FitsColumn('subscriber.account_number') @MinLength(1) accountNumber!: string;

  @ApiPropertyOptional({ description: 'The services disconnected; all the active ones when absent', example: ['internet'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsCode('service.code', { each: true }) services?: string[];

  @ApiProperty({ enum: ['non_payment', 'voluntary'], description: 'non_payment: billing cut the service for debt; voluntary: the subscriber asked billing' })
  @IsIn(['non_payment', 'voluntary']) kind!: 'non_payment' | 'voluntary';

  @ApiPropertyOptional({ description: 'The day the services ended (not in the future); today when absent', example: '2026-11-14' })
  @IsOptional() @IsCalendarDate() disconnectedOn?: string;
}
