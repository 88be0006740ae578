import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { Page, Permission, SubscriberCard, SubscriberListItem } from '@retention/contracts';
import { SearchSubscribersDto } from './search-subscribers.dto';
import { SetSegmentDto } from './set-segment.dto';
import { SubscribersService } from './subscribers.service';
import { SUBSCRIBER_CARD_EXAMPLE, SUBSCRIBER_PAGE_EXAMPLE, SubscriberCardDto, SubscriberPageDto } from './subscriber-responses.dto';

@ApiTags('subscribers')
@Controller('subscribers')
export class SubscribersController {
  constructor(private readonly subscribers: SubscribersService) {}

  @Get()
  @RequirePermission(Permission.SubscribersRead)
  @ApiOperation({ summary: 'Find subscribers by account number, name, phone or address (a page of matches)' })
  @ApiOkResponse({ description: 'A page of matches, exact ones first', type: SubscriberPageDto, example: SUBSCRIBER_PAGE_EXAMPLE })
  search(@Query() q: SearchSubscribersDto): Promise<Page<SubscriberListItem>> {
    return this.subscribers.search(q.search, q.limit ?? 25, q.offset ?? 0);
  }

  @Get(':id')
  @RequirePermission(Permission.SubscribersRead)
  @ApiOperation({ summary: 'The subscriber card, by id or account number' })
  @ApiOkResponse({ description: 'The card: services, payments, usage, surveys and the figures the desk shows', type: SubscriberCardDto, example: SUBSCRIBER_CARD_EXAMPLE })
  card(@Param('id') id: string): Promise<SubscriberCard> {
    return this.subscribers.card(id);
  }

  @Put(':id/segment')
  @RequirePermission(Permission.SegmentsWrite)
  @ApiOperation({
    summary: "Record or correct the subscriber's temperament and activity segment (audited: who, when, from what, why)",
    description: 'Answers the card, whose handling advice follows the new segment. Nothing is written when neither changes.',
  })
  @ApiOkResponse({ description: 'The subscriber card with the segment as recorded' })
  setSegment(@UuidParam('id') id: string, @Body() dto: SetSegmentDto, @CurrentUser() user: AuthenticatedUser): Promise<SubscriberCard> {
    return this.subscribers.setSegment(id, dto, user.id);
  }
}
