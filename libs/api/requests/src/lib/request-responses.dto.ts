import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  DestinationCode, DisconnectRequestView, RequestEventView, RequestOutcomeCode, RequestStatusCode, SaveStateCode,
} from '@retention/contracts';
import { DESTINATIONS, REQUEST_CHANNELS, REQUEST_OUTCOMES, REQUEST_STATUSES } from '@retention/domain';
import type { BillingDisconnectionResult } from './requests.service';

/** The OpenAPI shapes of a disconnect request and of billing's answer (checked against the contracts by `implements`), with examples. */
@ApiSchema({ name: 'RequestEvent' })
export class RequestEventDto implements RequestEventView {
  @ApiProperty({ description: 'ISO 8601 instant' }) at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who did it (a user name), null for the system' }) actor!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

@ApiSchema({ name: 'DisconnectRequest' })
export class DisconnectRequestDto implements DisconnectRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatusCode;
  @ApiProperty({ format: 'uuid' }) subscriberId!: string;
  @ApiProperty() accountNumber!: string;
  @ApiProperty() subscriberName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: [String], description: 'Service codes the request is about' }) services!: string[];
  @ApiProperty({ description: 'Every service the subscriber had when it was made' }) allServices!: boolean;
  @ApiProperty({ enum: [...REQUEST_CHANNELS, 'import'] }) channel!: string;
  @ApiProperty({ enum: ['voluntary', 'non_payment'] }) kind!: 'voluntary' | 'non_payment';
  @ApiProperty() statedReason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The user name holding it' }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601 instant' }) claimedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601 instant' }) callbackAt!: string | null;
  @ApiProperty({ type: String, enum: [...REQUEST_OUTCOMES, null], nullable: true }) outcome!: RequestOutcomeCode | null;
  @ApiProperty({ type: String, nullable: true }) reasonCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) reasonVersion!: number | null;
  @ApiProperty({ type: String, enum: [...DESTINATIONS, null], nullable: true, description: 'Where the subscriber went (losses only)' }) destination!: DestinationCode | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) competitorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) offerCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) offerCost!: number | null;
  @ApiProperty({ type: [String], nullable: true }) keptServices!: string[] | null;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD' }) effectiveDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601 instant' }) resolvedAt!: string | null;
  @ApiProperty({ description: 'What the services asked about pay a month' }) mrrAtRisk!: number;
  @ApiProperty({ type: Number, nullable: true }) mrrLost!: number | null;
  @ApiProperty() isNewSubscriber!: boolean;
  @ApiProperty({ type: String, enum: ['pending', 'confirmed', 'lost', null], nullable: true }) saveState!: SaveStateCode | null;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'ISO 8601 instant' }) createdAt!: string;
  @ApiProperty() waitingMinutes!: number;
  @ApiProperty() slaBreached!: boolean;
  @ApiProperty() callbackDue!: boolean;
  @ApiProperty({ type: [String], description: 'What the caller may do now' }) actions!: string[];
  @ApiPropertyOptional({ type: [RequestEventDto], description: 'The audit trail (one request read alone)' }) events?: RequestEventDto[];
}

@ApiSchema({ name: 'BillingDisconnectionResult' })
export class BillingDisconnectionResultDto implements BillingDisconnectionResult {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'true: this eventId was posted before with the same body; this is the first answer' }) replayed!: boolean;
  @ApiProperty() accountNumber!: string;
  @ApiProperty({ type: [DisconnectRequestDto], description: 'The requests that record it: an open one it closed, and/or one made for it' })
  requests!: DisconnectRequestDto[];
}

export const NEW_REQUEST_EXAMPLE: DisconnectRequestView = {
  id: '3c1e9a4b-7d2f-4e8a-9b6c-0d1e2f3a4b5c',
  status: 'new',
  subscriberId: '0b6f3c52-41d4-4a7e-9c55-2f0d6f8e1a10',
  accountNumber: 'A1234567',
  subscriberName: 'Ivan Kovalenko',
  regionCode: 'KYV',
  services: ['internet'],
  allServices: false,
  channel: 'phone',
  kind: 'voluntary',
  statedReason: 'Found a cheaper provider',
  assignee: null,
  assigneeName: null,
  claimedAt: null,
  callbackAt: null,
  outcome: null,
  reasonCode: null,
  reasonVersion: null,
  destination: null,
  competitorId: null,
  offerCode: null,
  offerCost: null,
  keptServices: null,
  effectiveDate: null,
  resolvedAt: null,
  mrrAtRisk: 15.5,
  mrrLost: null,
  isNewSubscriber: false,
  saveState: null,
  note: '',
  createdAt: '2026-11-15T09:58:12.000Z',
  waitingMinutes: 2,
  slaBreached: false,
  callbackDue: false,
  actions: ['claim'],
};

export const REQUEST_WITH_EVENTS_EXAMPLE: DisconnectRequestView = {
  ...NEW_REQUEST_EXAMPLE,
  events: [{ at: '2026-11-15T09:58:12.000Z', actor: 'o.petrenko', action: 'created', from: null, to: 'new', data: { channel: 'phone' } }],
};

export const BILLING_DISCONNECTION_EXAMPLE: BillingDisconnectionResult = {
  eventId: 'bill-2026-11-15-000123',
  replayed: false,
  accountNumber: 'A1234567',
  requests: [
    {
      ...NEW_REQUEST_EXAMPLE,
      status: 'resolved',
      channel: 'api',
      kind: 'non_payment',
      statedReason: '',
      outcome: 'disconnected',
      reasonCode: 'other_unknown',
      reasonVersion: 1,
      destination: 'unknown',
      effectiveDate: '2026-11-15',
      resolvedAt: '2026-11-15T10:00:00.000Z',
      mrrLost: 15.5,
      waitingMinutes: 0,
      actions: [],
    },
  ],
};
