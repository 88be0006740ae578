import type { HiddenChurnCaseFilter } from '@retention/contracts';
import { activeHiddenChurnRules } from './rules';
import { rowsOf, runHiddenChurnScan, SqlRunner } from './scan.sql';

/** WHERE conditions of a case filter over `hidden_churn_case c JOIN region g`, its values appended to `params`. */
export function caseFilterSql(f: HiddenChurnCaseFilter, params: unknown[]): string[] {
  const where: string[] = [];
  if (f.signal) where.push(`$${params.push(f.signal)} = ANY (c.signal_codes)`);
  if (f.region) where.push(`g.code = $${params.push(f.region)}`);
  if (f.service) where.push(`$${params.push(f.service)} = ANY (c.services)`);
  if (f.minRisk !== undefined) where.push(`c.risk_score >= $${params.push(f.minRisk)}`);
  return where;
}

/**
 * A call list in the caller's transaction: up to `size` new cases matching the filter, riskiest first, shared
 * among the operators in turn (new -> assigned, each audited). Cases another call list is taking at the same
 * moment are skipped (SKIP LOCKED), so no case lands in two lists. The operators must be checked by the caller.
 */
export async function buildCallList(
  tx: SqlRunner,
  list: { name: string; filter: HiddenChurnCaseFilter; size: number; operatorIds: string[]; createdBy: string | null },
): Promise<string> {
  const [{ id }] = rowsOf<{ id: string }>(
    await tx.query(`INSERT INTO hidden_churn_call_list (name, filter, size, created_by) VALUES ($1, $2::jsonb, $3, $4) RETURNING id`, [
      list.name,
      JSON.stringify(list.filter),
      list.size,
      list.createdBy,
    ]),
  );
  await tx.query(`INSERT INTO hidden_churn_call_list_operator (call_list_id, operator_id) SELECT $1, unnest($2::uuid[])`, [id, list.operatorIds]);
  const params: unknown[] = [];
  const where = caseFilterSql(list.filter, params);
  where.push(`c.status = 'new'`);
  const p = params.length;
  await tx.query(
    `WITH locked AS (
       SELECT c.id, c.risk_score, c.revenue_at_stake
         FROM hidden_churn_case c JOIN region g ON g.id = c.region_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.risk_score DESC, c.revenue_at_stake DESC, c.id LIMIT $${p + 1}
        FOR UPDATE OF c SKIP LOCKED),
     picked AS (SELECT id, row_number() OVER (ORDER BY risk_score DESC, revenue_at_stake DESC, id) - 1 AS k FROM locked),
     upd AS (
       UPDATE hidden_churn_case c SET status = 'assigned', call_list_id = $${p + 2},
              assignee_id = ($${p + 3}::uuid[])[1 + (k % array_length($${p + 3}::uuid[], 1))], updated_at = app_now()
         FROM picked WHERE c.id = picked.id RETURNING c.id, c.assignee_id)
     INSERT INTO hidden_churn_case_event (case_id, actor_id, action, from_status, to_status, detail)
     SELECT upd.id, $${p + 4}::uuid, 'assign', 'new', 'assigned', jsonb_build_object('callListId', $${p + 2}::text, 'operatorId', upd.assignee_id) FROM upd`,
    [...params, list.size, id, list.operatorIds, list.createdBy],
  );
  return id;
}

/** A pg pool or anything that lends a client with query and release. */
interface Lender {
  connect(): Promise<SqlRunner & { release(err?: Error): void }>;
}

/**
 * The demo's first scan, so the screens are alive on the first start: a completed scan over the generated base,
 * and a call list of the ten riskiest new cases for the demo operator (when that sign-in exists).
 */
export async function seedHiddenChurnCases(pool: Lender): Promise<{ cases: number; assigned: number }> {
  const client = await pool.connect();
  try {
    const { version, rules } = await activeHiddenChurnRules(client);
    await client.query('BEGIN');
    const [{ id }] = rowsOf<{ id: string }>(
      await client.query(`INSERT INTO hidden_churn_scan (status, trigger, rules_version, started_at) VALUES ('running', 'demo', $1, app_now()) RETURNING id`, [version]),
    );
    const counts = await runHiddenChurnScan(client, id, version, rules);
    await client.query(
      `UPDATE hidden_churn_scan SET status = 'completed', stage = 'done', progress = 100, counts = $2::jsonb, finished_at = app_clock_timestamp() WHERE id = $1`,
      [id, JSON.stringify(counts)],
    );
    const operator = rowsOf<{ id: string }>(await client.query(`SELECT id FROM app_user WHERE username = 'operator' AND role = 'operator' AND active`));
    let assigned = 0;
    if (operator.length && counts.opened > 0) {
      const manager = rowsOf<{ id: string }>(await client.query(`SELECT id FROM app_user WHERE username = 'manager' AND role = 'manager'`));
      const list = await buildCallList(client, {
        name: 'Riskiest first',
        filter: {},
        size: 10,
        operatorIds: [operator[0].id],
        createdBy: manager[0]?.id ?? null,
      });
      assigned = rowsOf<{ n: number }>(await client.query('SELECT count(*)::int AS n FROM hidden_churn_case WHERE call_list_id = $1', [list]))[0].n;
    }
    await client.query('COMMIT');
    return { cases: counts.opened, assigned };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
