import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@retention/api-core';
import { Page, Permission, SubscriberCard, SubscriberListItem } from '@retention/contracts';
import { SearchSubscribersDto } from './search-subscribers.dto';
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
}
