/**
 * The derived churn tables, churn_fact and the report roll-ups (base_flow, revenue_flow, mrr_flow, save_flow, answer_flow, leaver_row, leaver_flow and leaver_count: see
 * their migrations), are kept by triggers in every writing transaction. These compare them with a
 * recomputation from the source tables, and rebuild them should they ever drift (a bulk load with
 * triggers disabled, say).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export const ROLLUP_TABLES = ['churn_fact', 'base_flow', 'revenue_flow', 'mrr_flow', 'save_flow', 'answer_flow', 'leaver_row', 'leaver_flow', 'leaver_count'] as const;
export type RollupTable = (typeof ROLLUP_TABLES)[number];
export type RollupSnapshot = Record<RollupTable, unknown[] | null>;

const LEAVER_GROUP = 'month, kind, region, reason_code, reason_group, managed, competitor_id, destination, is_new_subscriber';

/** Each roll-up's non-zero rows and every churn fact, in a stable order. */
const SNAPSHOT = `
  SELECT (SELECT json_agg(f ORDER BY request_id, service) FROM churn_fact f) AS churn_fact,
         (SELECT json_agg(b ORDER BY month, region_id, joined_month, kind) FROM base_flow b
           WHERE joined <> 0 OR left_count <> 0 OR left_tenure_days <> 0) AS base_flow,
         (SELECT json_agg(r ORDER BY service_id, region_id, joined_month, start_month, end_month, end_reason) FROM revenue_flow r
           WHERE fee <> 0 OR subscriptions <> 0 OR ended_tenure_days <> 0) AS revenue_flow,
         (SELECT json_agg(m ORDER BY month, service_id, region_id) FROM mrr_flow m WHERE fee <> 0) AS mrr_flow,
         (SELECT json_agg(f ORDER BY resolved_on, region_id, services, saved, left_on, kind) FROM save_flow f
           WHERE requests <> 0) AS save_flow,
         (SELECT json_agg(a ORDER BY kind, month, score) FROM answer_flow a WHERE answers <> 0) AS answer_flow,
         (SELECT json_agg(l ORDER BY subscriber_id, ${LEAVER_GROUP}) FROM leaver_row l) AS leaver_row,
         (SELECT json_agg(l ORDER BY ${LEAVER_GROUP}, services, service) FROM leaver_flow l
           WHERE subscribers <> 0 OR fee <> 0) AS leaver_flow,
         (SELECT json_agg(l ORDER BY month, kind, region, is_new_subscriber, service, is_first) FROM leaver_count l
           WHERE subscribers <> 0 OR fee <> 0) AS leaver_count`;

/**
 * The roll-ups as kept and as recomputed, and the tables where they differ. `query` must run on
 * one connection: the recomputation happens in a transaction that is rolled back, under a share
 * lock on the source tables so that no write lands between the two readings.
 */
export async function checkReportRollups(query: Query): Promise<{ kept: RollupSnapshot; rebuilt: RollupSnapshot; drifted: RollupTable[] }> {
  await query('BEGIN');
  try {
    await query('LOCK TABLE subscriber, subscription, disconnect_request, survey_answer IN SHARE MODE');
    const [kept] = await query(SNAPSHOT);
    await query('SELECT rebuild_report_rollups()');
    const [rebuilt] = await query(SNAPSHOT);
    const drifted = ROLLUP_TABLES.filter((t) => JSON.stringify(kept[t]) !== JSON.stringify(rebuilt[t]));
    return { kept, rebuilt, drifted };
  } finally {
    await query('ROLLBACK');
  }
}

/** Recomputes churn_fact and every roll-up from the source tables, in one transaction. */
export async function rebuildReportRollups(query: Query): Promise<void> {
  await query('SELECT rebuild_report_rollups()');
}
