import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * How many distinct statement texts one process names; past it a text runs unnamed, as TypeORM sends it. The
 * hot paths have a few dozen texts: the bound only guards a connection's memory against a caller that builds
 * its SQL with values in it.
 */
export const MAX_PREPARED_STATEMENTS = 500;

const names = new Map<string, string>();

/** The statement's name: `rc_` and a hash of its text, so one text has one name in every process and connection. */
export function preparedStatementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
    name = `rc_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A value the planner is to plan without: `(SELECT expr::type)::type`, an InitPlan computed when the statement runs
 * (the outer cast makes it an expression everywhere, also inside `= ANY (…)`, where a bare subquery would be read
 * as a set of rows). PostgreSQL keeps a prepared statement's generic plan only when it costs no more than the
 * custom plans it made with the values in hand; a value that makes the custom plans cheaper on paper (a `LIMIT $1`
 * the custom plan knows is 25 where the generic one guesses, an array whose length it counts, a function of the
 * typed text it folds to constants) keeps PostgreSQL planning the statement at every call, for a plan of the same
 * shape. Hidden this way, custom and generic plans cost the same and, after its five custom plans, the statement
 * runs its generic plan. For a value whose choice of plan truly depends on it, leave it visible.
 */
export const unplanned = (expr: string, type: string): string => `(SELECT ${expr}::${type})::${type}`;

/**
 * Per connection, the statements PostgreSQL refused as stale and the name each runs under there now: a new
 * name prepares it anew without a DEALLOCATE (which a connection pooler that renames statements would not
 * pass on, and which an aborted transaction refuses); the refused one stays, unused, until the connection ends.
 */
const renamed = new WeakMap<PoolClient, Map<string, string>>();
let renames = 0;

/** PostgreSQL refuses a prepared statement whose result columns changed under it (a `*` over a changed table). */
const isStaleResultType = (e: unknown) =>
  (e as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String((e as Error).message));

/** A connection-level failure (not an error PostgreSQL answered with): the client goes back to the pool broken. */
const isConnectionError = (e: unknown) => !(e as { severity?: string }).severity;

/**
 * A statement as a named prepared statement on the connection that runs it: PostgreSQL parses it once per
 * connection and, once its plan cache finds a generic plan as good as the custom ones, stops planning it too
 * (TypeORM sends every statement unnamed, so each is parsed and planned anew). The one way the hot paths
 * query: `on` is the DataSource (a pool connection for this statement) or a transaction's EntityManager (its
 * connection, inside its transaction). Returns the rows, as `DataSource.query` does for a SELECT or an
 * `INSERT … RETURNING`; a failure is logged and thrown as TypeORM's QueryFailedError, so error handling
 * (the API's error filter, the 503 of an unreachable database) is the same as for `query`.
 *
 * The connection's own settings (the application's clock, `app.clock_offset_ms`, set at connect) are read
 * when the statement runs, not when it is planned: `app_now()` is STABLE. A migration that changes a table
 * under a prepared statement makes PostgreSQL replan it at its next use; only a statement whose result
 * columns change (a `*` over the table, a column's type) is refused once with "cached plan must not change
 * result type": it is then prepared anew under another name on that connection and, outside a transaction, run
 * again at once (inside one the transaction has failed, so the error goes to the caller and the next call
 * prepares it anew).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function queryPrepared<T = any>(on: DataSource | EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const ds = on instanceof DataSource ? on : on.connection;
  const runner = on instanceof DataSource ? undefined : on.queryRunner;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return run<T>(ds, client, text, values, runner.isTransactionActive);
  }
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await run<T>(ds, client, text, values, false);
  } catch (e) {
    if (e instanceof QueryFailedError && isConnectionError(e.driverError)) broken = e.driverError as Error;
    throw e;
  } finally {
    client.release(broken);
  }
}

async function run<T>(ds: DataSource, client: PoolClient, text: string, values: unknown[], inTransaction: boolean): Promise<T[]> {
  const name = renamed.get(client)?.get(text) ?? preparedStatementName(text);
  try {
    return (await client.query({ name, text, values })).rows as T[];
  } catch (e) {
    if (name && isStaleResultType(e)) {
      const fresh = `${preparedStatementName(text)}_${++renames}`;
      renamed.set(client, (renamed.get(client) ?? new Map<string, string>()).set(text, fresh));
      if (!inTransaction) {
        try {
          return (await client.query({ name: fresh, text, values })).rows as T[];
        } catch (again) {
          throw failed(ds, text, values, again);
        }
      }
    }
    throw failed(ds, text, values, e);
  }
}

function failed(ds: DataSource, text: string, values: unknown[], e: unknown): QueryFailedError {
  ds.logger.logQueryError(e as Error, text, values);
  return new QueryFailedError(text, values, e as Error);
}
