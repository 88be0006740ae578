import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, EventBus, RequirePermission } from '@retention/api-core';
import { Permission, roleHasPermission } from '@retention/contracts';
import { filter, interval, map, merge, Observable, of } from 'rxjs';

/** How often an idle stream says it is alive (proxies close silent connections). */
export const PING_MS = 25_000;

/**
 * The console's live events as server-sent events. Read with a fetch that sends the bearer token (an
 * EventSource cannot send headers, and a token in the URL would end up in logs). The stream starts with
 * `ready` once this process listens on the bus; the console refetches what it shows on every (re)connect.
 */
@ApiTags('disconnect requests')
@Controller('events')
export class EventsController {
  constructor(private readonly bus: EventBus) {}

  @Sse()
  @RequirePermission(Permission.RequestsRead)
  @ApiOperation({ summary: 'Live events for the console (server-sent events): requests created, taken, postponed, resolved, approvals asked and decided; plan alerts to managers' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'An endless text/event-stream: ready, then request events (JSON data), ping every 25 s' })
  async stream(@CurrentUser() user: AuthenticatedUser): Promise<Observable<MessageEvent>> {
    const events = await this.bus.stream();
    return merge(
      of<MessageEvent>({ type: 'ready', data: {} }),
      events.pipe(
        // An event for an audience (a permission) reaches only the users who have it, without the audience itself.
        filter((e) => typeof e.audience !== 'string' || roleHasPermission(user.role, e.audience as Permission)),
        map(({ audience: _, ...e }): MessageEvent => ({ type: e.type as string, data: e })),
      ),
      interval(PING_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
    );
  }
}
