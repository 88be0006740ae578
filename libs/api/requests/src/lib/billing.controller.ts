import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IntegrationKey } from '@retention/api-core';
import type { Response } from 'express';
import { BILLING_DISCONNECTION_EXAMPLE, BillingDisconnectionResultDto } from './request-responses.dto';
import { BillingDisconnectionDto } from './requests.dto';
import { BillingDisconnectionResult, RequestsService } from './requests.service';

/**
 * Inbound from billing, authenticated by the integration key BILLING_API_KEY (not a user's sign-in: billing is a
 * system, it has no role in the console; without the key set the endpoint is off).
 */
@ApiTags('billing integration')
@Controller('billing')
export class BillingController {
  constructor(private readonly requests: RequestsService) {}

  @Post('disconnections')
  @IntegrationKey('BILLING_API_KEY')
  @ApiOperation({ summary: 'Billing posts a disconnection it performed: the services end and the churn is recorded (idempotent by eventId)' })
  @ApiResponse({ status: 201, description: 'Recorded: the requests that record it (an open one closed, or one made for it)', type: BillingDisconnectionResultDto, example: BILLING_DISCONNECTION_EXAMPLE })
  @ApiResponse({
    status: 200,
    description: 'The same eventId and body were posted before: the first answer, nothing done again',
    type: BillingDisconnectionResultDto,
    example: { ...BILLING_DISCONNECTION_EXAMPLE, replayed: true },
  })
  @ApiResponse({ status: 409, description: 'The subscriber has no active services to disconnect' })
  @ApiResponse({ status: 422, description: 'The eventId was already posted with a different body (event_id_reused)' })
  async disconnect(@Body() dto: BillingDisconnectionDto, @Res({ passthrough: true }) res: Response): Promise<BillingDisconnectionResult> {
    const result = await this.requests.recordBillingDisconnection(dto);
    if (result.replayed) res.status(200);
    return result;
  }
}
