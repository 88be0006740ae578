import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission, UuidParam } from '@retention/api-core';
import { Page, Permission, WebhookDeliveryView, WebhookEndpointView } from '@retention/contracts';
import { CreateWebhookEndpointDto, ListDeliveriesQueryDto, UpdateWebhookEndpointDto } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('endpoints')
  @RequirePermission(Permission.WebhooksManage)
  @ApiOperation({ summary: 'Webhook endpoints (their secrets are shown only when created)' })
  endpoints(): Promise<WebhookEndpointView[]> {
    return this.webhooks.endpoints();
  }

  @Post('endpoints')
  @RequirePermission(Permission.WebhooksManage)
  @ApiOperation({ summary: 'Add a webhook endpoint; the answer carries its signing secret, shown this once' })
  @ApiResponse({ status: 201, description: 'The endpoint with its secret (`whsec_…`)' })
  createEndpoint(@Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointView> {
    return this.webhooks.createEndpoint(dto);
  }

  @Patch('endpoints/:id')
  @RequirePermission(Permission.WebhooksManage)
  @ApiOperation({ summary: 'Change an endpoint: URL, description, event types; active=false stops new deliveries' })
  updateEndpoint(@UuidParam('id') id: string, @Body() dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    return this.webhooks.updateEndpoint(id, dto);
  }

  @Get('deliveries')
  @RequirePermission(Permission.WebhooksManage)
  @ApiOperation({ summary: 'The delivery log: each event sent to each endpoint, newest first, with its attempts and last answer' })
  deliveries(@Query() q: ListDeliveriesQueryDto): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveries(q);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @RequirePermission(Permission.WebhooksManage)
  @ApiOperation({ summary: 'Send a delivery again (same event id), whatever its state' })
  replay(@UuidParam('id') id: string): Promise<WebhookDeliveryView> {
    return this.webhooks.replay(id);
  }
}
