import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEventType } from '@retention/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** The channel a worker listens on; PostgreSQL delivers a NOTIFY when the transaction that sent it commits. */
export const OUTBOX_CHANNEL = 'webhook_outbox';

/**
 * The outbox of events for integrators (webhooks). `emit` writes the event, and one pending delivery for each
 * active endpoint that subscribed to its type, in the caller's transaction: the event exists exactly when the
 * change it announces committed. The webhooks feature delivers them through the job queue.
 *
 *     await this.events.emit('case.opened', { caseId, subscriberId }, tx);
 */
@Injectable()
export class Events {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records an event; pass the transaction's EntityManager to make it part of that transaction. Returns the event id. */
  async emit(type: WebhookEventType, payload: Record<string, unknown>, tx?: EntityManager): Promise<string> {
    const m = tx ?? this.db.manager;
    const [{ id }] = await m.query(
      `WITH event AS (INSERT INTO outbox_event (type, payload) VALUES ($1, $2) RETURNING id),
            fan_out AS (INSERT INTO webhook_delivery (event_id, endpoint_id)
                        SELECT event.id, w.id FROM event, webhook_endpoint w WHERE w.active AND $1 = ANY (w.event_types))
       SELECT id FROM event`,
      [type, JSON.stringify(payload)],
    );
    await m.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    return id as string;
  }
}

/** Provides `Events` to every module. */
@Global()
@Module({ providers: [Events], exports: [Events] })
export class OutboxModule {}
