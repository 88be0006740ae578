import { Logger } from '@nestjs/common';
import { EventSubscriber } from 'typeorm';
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/** Anything that runs SQL with $n parameters: a pg client or pool, a TypeORM DataSource or manager. */
export interface NotifyRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  queryRunner?: QueryRunner;
}

interface Pending {
  channel: string;
  payload: string;
  /** The transaction depth it was queued at (a savepoint rolled back drops what it queued). */
  depth: number;
}

const pending = new WeakMap<QueryRunner, Pending[]>();
const depthOf = (qr: QueryRunner) => (qr as unknown as { transactionDepth?: number }).transactionDepth ?? 1;

/**
 * The one way the API sends a PostgreSQL NOTIFY. Inside a TypeORM transaction the notification is held and sent
 * right after the COMMIT, in one statement with the others the transaction queued (none after a rollback);
 * anywhere else it is sent at once.
 *
 * Why not inside the transaction: PostgreSQL serialises every committing transaction that sent a NOTIFY on one
 * cluster-wide lock held until its commit record is flushed to disk, so writes that notify commit one at a time
 * and group commit is lost (disconnect-request creates topped out near 200 a second at 16 clients). Sent after
 * the commit, by a statement that writes nothing, the lock is held for microseconds. What a listener hears still
 * never announces a change that did not commit; a process that dies between the commit and the send loses the
 * notification, which both listeners tolerate (the consoles refetch on reconnect; the webhook worker sweeps the
 * outbox every minute).
 */
export async function notify(m: NotifyRunner, channel: string, payload: string): Promise<void> {
  const qr = m.queryRunner;
  if (qr?.isTransactionActive && !qr.isReleased) {
    const queue = pending.get(qr) ?? [];
    pending.set(qr, queue);
    if (!queue.some((p) => p.channel === channel && p.payload === payload)) queue.push({ channel, payload, depth: depthOf(qr) });
    return;
  }
  await m.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

/** Sends what a transaction queued once it has committed; forgets it after a rollback. Registered in dataSourceOptions. */
@EventSubscriber()
export class NotifyAfterCommit implements EntitySubscriberInterface {
  private readonly log = new Logger('NotifyAfterCommit');

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const qr = event.queryRunner;
    const queue = pending.get(qr);
    if (qr.isTransactionActive) {
      // A savepoint released: what it queued now belongs to the level around it.
      const depth = depthOf(qr);
      for (const q of queue ?? []) q.depth = Math.min(q.depth, depth);
      return;
    }
    if (!queue?.length) return;
    pending.delete(qr);
    try {
      await qr.query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)', [queue.map((q) => q.channel), queue.map((q) => q.payload)]);
    } catch (e) {
      // The change committed: the caller's answer stands; only the notification is lost.
      this.log.warn(`notifications after a commit were not sent: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const qr = event.queryRunner;
    const queue = pending.get(qr);
    if (!queue) return;
    if (!qr.isTransactionActive) {
      pending.delete(qr);
      return;
    }
    // A savepoint rolled back: what it queued goes with it.
    const depth = depthOf(qr);
    pending.set(qr, queue.filter((q) => q.depth <= depth));
  }
}
