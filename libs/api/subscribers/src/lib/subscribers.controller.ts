import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { Page, Permission, SubscriberCard, SubscriberListItem } from '@retention/contracts';
import { SearchSubscribersDto } from './search-subscribers.dto';
import { SetSegmentDto } from './set-segment.dto';
import { SubscribersService } from './subscribers.service';

@ApiTags('subscribers')
@Controller('subscribers')
export class SubscribersController {
  constructor(private readonly subscribers: SubscribersService) {}

  @Get()
  @RequirePermission(Permission.SubscribersRead)
  @ApiOperation({ summary: 'Find subscribers by account number, name, phone or address (a page of matches)' })
  search(@Query() q: SearchSubscribersDto): Promise<Page<SubscriberListItem>> {
    return this.subscribers.search(q.search, q.limit ?? 25, q.offset ?? 0);
  }

  @Get(':id')
  @RequirePermission(Permission.SubscribersRead)
  @ApiOperation({ summary: 'The subscriber card, by id or account number' })
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
