import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * base_flow keeps, for those who left, the month they joined and how they left (voluntary,
 * non-payment, technical closure): the churn rate counts only the losses among those present at
 * the period's start, those who joined and left inside it are a figure of their own, and the kinds
 * of ending are kept apart (docs/methodology.md). A joining row has the month joined as both its
 * month and joined_month, and no kind.
 *
 * The table is rebuilt with the new key, and the two functions that write it (the subscriber trigger
 * and the rebuild) are replaced; their revenue_flow and save_flow parts are as in AddReportRollups.
 * The triggers themselves call the functions by name and stay as they are.
 */
const SAVED = `d.outcome IN ('retained', 'retained_with_offer')`;
const RESOLVED_ON = `(d.resolved_at AT TIME ZONE 'UTC')::date`;
const month = (col: string) => `date_trunc('month', ${col}::timestamp)::date`;

/**
 * What subscriber rows `src` add to base_flow, times `k` (1 or -1); `v2` with the month joined and
 * the kind of ending, else as AddReportRollups had it (for down()).
 */
const baseRows = (src: string, k: string, v2: boolean) => `
  SELECT ${month('s.connected_on')} AS month, s.region_id,${v2 ? ` ${month('s.connected_on')} AS joined_month, NULL::varchar AS kind,` : ''}
         ${k} AS joined, 0 AS left_count, 0::bigint AS tenure_days FROM ${src} s
  UNION ALL
  SELECT ${month('s.disconnected_on')}, s.region_id,${v2 ? ` ${month('s.connected_on')}, COALESCE(s.disconnect_kind, 'voluntary'),` : ''}
         0, ${k}, ${k} * (s.disconnected_on - s.connected_on)::bigint
    FROM ${src} s WHERE s.disconnected_on IS NOT NULL`;

const baseUpsert = (rows: string, v2: boolean) => {
  const key = v2 ? 'month, region_id, joined_month, kind' : 'month, region_id';
  return `
  INSERT INTO base_flow AS b (${key}, joined, left_count, left_tenure_days)
  SELECT ${key}, sum(joined), sum(left_count), sum(tenure_days) FROM (${rows}) c
   GROUP BY ${key}
  HAVING sum(joined) <> 0 OR sum(left_count) <> 0 OR sum(tenure_days) <> 0
   ORDER BY ${key}
  ON CONFLICT (${key}) DO UPDATE
     SET joined = b.joined + excluded.joined, left_count = b.left_count + excluded.left_count,
         left_tenure_days = b.left_tenure_days + excluded.left_tenure_days`;
};

/** What subscriptions `subs` of subscribers `owners` add to revenue_flow, times `k` (as in AddReportRollups). */
const revenueRows = (subs: string, owners: string, k: string) => `
  SELECT x.service_id, s.region_id, ${month('s.connected_on')} AS joined_month, ${month('x.started_on')} AS start_month,
         ${month('x.ended_on')} AS end_month, x.end_reason, ${k} * x.monthly_fee AS fee, ${k} AS subscriptions,
         ${k} * COALESCE(x.ended_on - s.connected_on, 0)::bigint AS tenure_days
    FROM ${subs} x JOIN ${owners} s ON s.id = x.subscriber_id`;

const revenueUpsert = (rows: string) => `
  INSERT INTO revenue_flow AS r (service_id, region_id, joined_month, start_month, end_month, end_reason, fee, subscriptions, ended_tenure_days)
  SELECT service_id, region_id, joined_month, start_month, end_month, end_reason, sum(fee), sum(subscriptions), sum(tenure_days) FROM (${rows}) c
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(fee) <> 0 OR sum(subscriptions) <> 0 OR sum(tenure_days) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (service_id, region_id, joined_month, start_month, end_month, end_reason) DO UPDATE
     SET fee = r.fee + excluded.fee, subscriptions = r.subscriptions + excluded.subscriptions,
         ended_tenure_days = r.ended_tenure_days + excluded.ended_tenure_days`;

/** What resolved requests `reqs` (of subscribers `owners`) add to save_flow, times `k` (as in AddReportRollups). */
const saveRows = (reqs: string, owners: string, k: string) => `
  SELECT ${RESOLVED_ON} AS resolved_on, d.region_id, d.services, ${SAVED} AS saved,
         CASE WHEN ${SAVED} AND s.disconnected_on - ${RESOLVED_ON} < 30 THEN s.disconnected_on END AS left_on,
         ${k} AS requests
    FROM ${reqs} d JOIN ${owners} s ON s.id = d.subscriber_id
   WHERE d.status = 'resolved'`;

const saveUpsert = (rows: string) => `
  INSERT INTO save_flow AS f (resolved_on, region_id, services, saved, left_on, requests)
  SELECT resolved_on, region_id, services, saved, left_on, sum(requests) FROM (${rows}) c
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(requests) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (resolved_on, region_id, services, saved, left_on) DO UPDATE SET requests = f.requests + excluded.requests`;

/** Rows of an UPDATE's transition table `side` whose `cols` changed. */
const changed = (side: 'n' | 'o', cols: string[]) => `
  (SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (${cols.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `n.${c}`).join(', ')}))`;

/** The subscriber columns base_flow reads (v2: also how they left). */
const subscriberBase = (v2: boolean) => ['connected_on', 'disconnected_on', 'region_id', ...(v2 ? ['disconnect_kind'] : [])];
const SUBSCRIBER_OWNER = ['connected_on', 'region_id'];
const SUBSCRIBER_LEFT = ['disconnected_on'];
const savesOf = (subscribers: string) =>
  `(SELECT * FROM disconnect_request d WHERE ${SAVED} AND d.subscriber_id IN (SELECT id FROM ${subscribers} c))`;

/** The table, the subscriber trigger's function and the rebuild, in the new shape (v2) or the old one. */
async function install(q: QueryRunner, v2: boolean): Promise<void> {
  await q.query(`DROP TABLE base_flow`);
  await q.query(`
    CREATE TABLE base_flow (
      month date NOT NULL,
      region_id uuid NOT NULL,${v2 ? `
      joined_month date NOT NULL,
      kind varchar(16),` : ''}
      joined integer NOT NULL DEFAULT 0,
      left_count integer NOT NULL DEFAULT 0,
      left_tenure_days bigint NOT NULL DEFAULT 0,
      ${v2 ? 'CONSTRAINT uq_base_flow UNIQUE NULLS NOT DISTINCT (month, region_id, joined_month, kind)' : 'PRIMARY KEY (month, region_id)'}
    )`);
  const base = subscriberBase(v2);
  await q.query(`
    CREATE OR REPLACE FUNCTION rollup_subscriber() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${baseUpsert(baseRows('new_rows', '1', v2), v2)};
      ELSIF TG_OP = 'DELETE' THEN
        ${baseUpsert(baseRows('old_rows', '-1', v2), v2)};
      ELSE
        ${baseUpsert(`${baseRows(changed('n', base), '1', v2)} UNION ALL ${baseRows(changed('o', base), '-1', v2)}`, v2)};
        ${revenueUpsert(`${revenueRows('subscription', changed('n', SUBSCRIBER_OWNER), '1')} UNION ALL ${revenueRows('subscription', changed('o', SUBSCRIBER_OWNER), '-1')}`)};
        ${saveUpsert(`${saveRows(savesOf(changed('n', SUBSCRIBER_LEFT)), changed('n', SUBSCRIBER_LEFT), '1')} UNION ALL ${saveRows(savesOf(changed('o', SUBSCRIBER_LEFT)), changed('o', SUBSCRIBER_LEFT), '-1')}`)};
      END IF;
      RETURN NULL;
    END $fn$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      LOCK TABLE subscriber, subscription, disconnect_request IN SHARE MODE;
      DELETE FROM base_flow;
      DELETE FROM revenue_flow;
      DELETE FROM save_flow;
      ${baseUpsert(baseRows('subscriber', '1', v2), v2)};
      ${revenueUpsert(revenueRows('subscription', 'subscriber', '1'))};
      ${saveUpsert(saveRows('disconnect_request', 'subscriber', '1'))};
    END $fn$`);
  await q.query(`SELECT rebuild_report_rollups()`);
  await q.query(`ANALYZE base_flow`);
}

export class RollUpLeaversByJoinAndKind1795400500000 implements MigrationInterface {
  name = 'RollUpLeaversByJoinAndKind1795400500000';

  async up(q: QueryRunner): Promise<void> {
    await install(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await install(q, false);
  }
}
