import { Logger } from '@nestjs/common';
import { DataSource, EventSubscriber } from 'typeorm';
import { queryPrepared } from '../database/prepared';
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
 * after the COMMIT, in one statement with the others this process committed meanwhile (none after a rollback;
 * see `outgoing`); anywhere else it is sent at once.
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

/**
 * Committed notifications not yet sent, per database (DataSource), in commit order: one statement on a pool
 * connection sends all that gathered while the previous one ran. The committing request does not wait for it (its
 * answer does not depend on it) and its connection goes back to the pool at once; under load one NOTIFY statement
 * carries the notifications of several commits instead of one round trip each.
 */
const outgoing = new WeakMap<DataSource, { queue: { channel: string; payload: string }[]; sending: boolean }>();
const log = new Logger('NotifyAfterCommit');

function sendCommitted(db: DataSource, committed: { channel: string; payload: string }[]): void {
  const out = outgoing.get(db) ?? { queue: [], sending: false };
  outgoing.set(db, out);
  out.queue.push(...committed);
  if (out.sending) return;
  out.sending = true;
  void (async () => {
    while (out.queue.length) {
      const batch = out.queue.splice(0);
      try {
        await queryPrepared(db, 'SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)', [batch.map((q) => q.channel), batch.map((q) => q.payload)]);
      } catch (e) {
        // The changes committed: their answers stand; only the notifications are lost.
        log.warn(`notifications after a commit were not sent: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    out.sending = false;
  })();
}

/**
 * A notification of a change that has already committed: a statement run outside a transaction commits as it
 * ends, so what it changed is announced like a transaction's after its COMMIT, with the others this process
 * committed meanwhile, without waiting for the send.
 */
export function notifyCommitted(db: DataSource, channel: string, payload: string): void {
  sendCommitted(db, [{ channel, payload }]);
}

/** Sends what a transaction queued once it has committed; forgets it after a rollback. Registered in dataSourceOptions. */
@EventSubscriber()
export class NotifyAfterCommit implements EntitySubscriberInterface {

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
    sendCommitted(qr.connection, queue);
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
