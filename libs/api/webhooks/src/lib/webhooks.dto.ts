import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsPageLimit, IsPageOffset } from '@retention/api-core';
import { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest, WEBHOOK_EVENT_TYPES, WebhookDeliveryStatus, WebhookEventType } from '@retention/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsUrl, IsUUID } from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true };
const URL_MESSAGE = { message: 'url must be an http or https URL' };
const EVENTS_MESSAGE = { each: true, message: `eventTypes must each be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` };

export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  @ApiProperty({ example: 'https://billing.example.net/hooks/retention' })
  @FitsColumn('webhook_endpoint.url') @IsUrl(URL_OPTIONS, URL_MESSAGE) url!: string;

  @ApiPropertyOptional({ example: 'Billing' }) @IsOptional() @FitsColumn('webhook_endpoint.description') description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['request.resolved'] })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn([...WEBHOOK_EVENT_TYPES], EVENTS_MESSAGE) eventTypes!: WebhookEventType[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWebhookEndpointDto implements UpdateWebhookEndpointRequest {
  @ApiPropertyOptional() @IsOptional() @FitsColumn('webhook_endpoint.url') @IsUrl(URL_OPTIONS, URL_MESSAGE) url?: string;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('webhook_endpoint.description') description?: string;
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn([...WEBHOOK_EVENT_TYPES], EVENTS_MESSAGE) eventTypes?: WebhookEventType[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'retrying', 'delivered', 'failed'];

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() endpointId?: string;
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn([...DELIVERY_STATUSES]) status?: WebhookDeliveryStatus;
  @ApiPropertyOptional({ default: 50 }) @IsPageLimit(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsPageOffset() offset?: number;
}
