import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEventType } from '@retention/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { notify, NotifyRunner } from './notify';

/** The channel a worker listens on; PostgreSQL delivers a NOTIFY when the transaction that sent it commits. */
export const OUTBOX_CHANNEL = 'webhook_outbox';

/** Anything that runs SQL with $n parameters in the caller's transaction: a pg client, or a TypeORM manager. */
export type OutboxRunner = NotifyRunner;

/**
 * The one way an event enters the outbox: one event of `type` per row of `payloads` (a SELECT with a jsonb column
 * `payload`, its parameters `params`), each with a pending delivery for every active endpoint subscribed to the
 * type, in the caller's transaction; the webhook worker is woken once it commits (notify()). Set-based: a scan that opens
 * thousands of cases writes their events in one statement. Returns how many events, and the id of the first.
 */
export async function emitOutboxEvents(
  runner: OutboxRunner,
  type: WebhookEventType,
  payloads: string,
  params: unknown[] = [],
): Promise<{ count: number; firstId: string | null }> {
  const t = params.length + 1;
  const result = await runner.query(
    `WITH event AS (INSERT INTO outbox_event (type, payload) SELECT $${t}, p.payload FROM (${payloads}) p RETURNING id),
          fan_out AS (INSERT INTO webhook_delivery (event_id, endpoint_id)
                      SELECT event.id, w.id FROM event, webhook_endpoint w WHERE w.active AND $${t} = ANY (w.event_types))
     SELECT count(*)::int AS count, min(id::text) AS "firstId" FROM event`,
    [...params, type],
  );
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number; firstId: string | null }[];
  if (row.count > 0) await notify(runner, OUTBOX_CHANNEL, '');
  return row;
}

/**
 * The outbox of events for integrators (webhooks). `emit` writes the event, and one pending delivery for each
 * active endpoint that subscribed to its type, in the caller's transaction: the event exists exactly when the
 * change it announces committed. The webhooks feature delivers them through the job queue. Many events of one
 * kind at once: `emitOutboxEvents`.
 *
 *     await this.events.emit('request.created', { requestId, subscriberId }, tx);
 */
@Injectable()
export class Events {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records an event; pass the transaction's EntityManager to make it part of that transaction. Returns the event id. */
  async emit(type: WebhookEventType, payload: Record<string, unknown>, tx?: EntityManager): Promise<string> {
    const { firstId } = await emitOutboxEvents(tx ?? this.db.manager, type, 'SELECT $1::jsonb AS payload', [JSON.stringify(payload)]);
    return firstId as string;
  }
}

/** Provides `Events` to every module. */
@Global()
@Module({ providers: [Events], exports: [Events] })
export class OutboxModule {}
