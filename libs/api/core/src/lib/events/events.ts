import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEventType } from '@retention/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { notify, notifyCommitted, NotifyRunner } from './notify';

/** The channel a worker listens on; PostgreSQL delivers a NOTIFY when the transaction that sent it commits. */
export const OUTBOX_CHANNEL = 'webhook_outbox';

/** Anything that runs SQL with $n parameters in the caller's transaction: a pg client, or a TypeORM manager. */
export type OutboxRunner = NotifyRunner;

/**
 * The outbox's part of a statement: the CTEs `event` (one outbox event of type `typeParam`, a `$n` of the caller's
 * parameters, per row of `payloads`, a SELECT with a jsonb column `payload`) and `fan_out` (a pending delivery for
 * every active endpoint subscribed to the type). A writer that makes the row an event announces puts these
 * after its own CTEs, so the change and its event are one statement; it then calls `outboxWritten` with the number
 * of rows `fan_out` wrote.
 */
export function outboxCtes(typeParam: string, payloads: string): string {
  return `event AS (INSERT INTO outbox_event (type, payload) SELECT ${typeParam}, p.payload FROM (${payloads}) p RETURNING id),
          fan_out AS (INSERT INTO webhook_delivery (event_id, endpoint_id)
                      SELECT event.id, w.id FROM event, webhook_endpoint w WHERE w.active AND ${typeParam} = ANY (w.event_types)
                      RETURNING id)`;
}

/**
 * After a statement with `outboxCtes` wrote `deliveries` webhook deliveries: the webhook worker is woken once the
 * transaction commits. An event no active endpoint subscribes to has none, and then there is nothing to dispatch:
 * no wake-up (each would cost the dispatcher a statement that finds nothing, after every disconnect-request create
 * of an operator without webhooks).
 */
export async function outboxWritten(runner: OutboxRunner, deliveries: number): Promise<void> {
  if (deliveries > 0) await notify(runner, OUTBOX_CHANNEL, '');
}

/** `outboxWritten` for a statement that has already committed (run outside a transaction): see notifyCommitted. */
export function outboxCommitted(db: DataSource, deliveries: number): void {
  if (deliveries > 0) notifyCommitted(db, OUTBOX_CHANNEL, '');
}

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
  const result = await runner.query(
    `WITH ${outboxCtes(`$${params.length + 1}`, payloads)}
     SELECT count(*)::int AS count, min(id::text) AS "firstId", (SELECT count(*) FROM fan_out)::int AS deliveries FROM event`,
    [...params, type],
  );
  const [{ deliveries, ...row }] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number; firstId: string | null; deliveries: number }[];
  await outboxWritten(runner, deliveries);
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
