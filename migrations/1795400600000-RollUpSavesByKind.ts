import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * save_flow keeps the kind of each resolved request (voluntary, or non-payment: billing's notice of
 * debt handled by the desk), so that save rates, in plans and reports, count the voluntary requests
 * and never mix non-payment in (docs/methodology.md, "Three kinds of ending").
 *
 * The functions that write save_flow (the request and subscriber triggers and the rebuild) are
 * replaced; their base_flow and revenue_flow parts are as in RollUpLeaversByJoinAndKind, and the
 * request trigger keeps the share lock of AddReportRollups on the app's clock (AddAppClock).
 */
const SAVED = `d.outcome IN ('retained', 'retained_with_offer')`;
const RESOLVED_ON = `(d.resolved_at AT TIME ZONE 'UTC')::date`;
const month = (col: string) => `date_trunc('month', ${col}::timestamp)::date`;

/** What subscriber rows `src` add to base_flow, times `k` (as in RollUpLeaversByJoinAndKind). */
const baseRows = (src: string, k: string) => `
  SELECT ${month('s.connected_on')} AS month, s.region_id, ${month('s.connected_on')} AS joined_month, NULL::varchar AS kind,
         ${k} AS joined, 0 AS left_count, 0::bigint AS tenure_days FROM ${src} s
  UNION ALL
  SELECT ${month('s.disconnected_on')}, s.region_id, ${month('s.connected_on')}, COALESCE(s.disconnect_kind, 'voluntary'),
         0, ${k}, ${k} * (s.disconnected_on - s.connected_on)::bigint
    FROM ${src} s WHERE s.disconnected_on IS NOT NULL`;

const baseUpsert = (rows: string) => `
  INSERT INTO base_flow AS b (month, region_id, joined_month, kind, joined, left_count, left_tenure_days)
  SELECT month, region_id, joined_month, kind, sum(joined), sum(left_count), sum(tenure_days) FROM (${rows}) c
   GROUP BY month, region_id, joined_month, kind
  HAVING sum(joined) <> 0 OR sum(left_count) <> 0 OR sum(tenure_days) <> 0
   ORDER BY month, region_id, joined_month, kind
  ON CONFLICT (month, region_id, joined_month, kind) DO UPDATE
     SET joined = b.joined + excluded.joined, left_count = b.left_count + excluded.left_count,
         left_tenure_days = b.left_tenure_days + excluded.left_tenure_days`;

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

/**
 * What resolved requests `reqs` (of subscribers `owners`) add to save_flow, times `k`; `v2` with the
 * request's kind (voluntary or non-payment), else as before (for down()).
 */
const saveRows = (reqs: string, owners: string, k: string, v2: boolean) => `
  SELECT ${RESOLVED_ON} AS resolved_on, d.region_id, d.services, ${SAVED} AS saved,
         CASE WHEN ${SAVED} AND s.disconnected_on - ${RESOLVED_ON} < 30 THEN s.disconnected_on END AS left_on,${v2 ? ' d.kind,' : ''}
         ${k} AS requests
    FROM ${reqs} d JOIN ${owners} s ON s.id = d.subscriber_id
   WHERE d.status = 'resolved'`;

const saveUpsert = (rows: string, v2: boolean) => {
  const key = `resolved_on, region_id, services, saved, left_on${v2 ? ', kind' : ''}`;
  return `
  INSERT INTO save_flow AS f (${key}, requests)
  SELECT ${key}, sum(requests) FROM (${rows}) c
   GROUP BY ${key}
  HAVING sum(requests) <> 0
   ORDER BY ${key}
  ON CONFLICT (${key}) DO UPDATE SET requests = f.requests + excluded.requests`;
};

/** Rows of an UPDATE's transition table `side` whose `cols` changed. */
const changed = (side: 'n' | 'o', cols: string[]) => `
  (SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (${cols.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `n.${c}`).join(', ')}))`;

/** The subscriber columns base_flow reads, how they left included. */
const SUBSCRIBER_BASE = ['connected_on', 'disconnected_on', 'region_id', 'disconnect_kind'];
/** The request columns save_flow reads (v2: also its kind). */
const requestColumns = (v2: boolean) => ['subscriber_id', 'status', 'resolved_at', 'region_id', 'services', 'outcome', ...(v2 ? ['kind'] : [])];
const SUBSCRIBER_OWNER = ['connected_on', 'region_id'];
const SUBSCRIBER_LEFT = ['disconnected_on'];
const savesOf = (subscribers: string) =>
  `(SELECT * FROM disconnect_request d WHERE ${SAVED} AND d.subscriber_id IN (SELECT id FROM ${subscribers} c))`;

/** save_flow and the functions that write it, with the request's kind (v2) or without. */
async function install(q: QueryRunner, v2: boolean): Promise<void> {
  // Emptied first (the rebuild below refills it): without the kind, rows that differed by it alone would clash.
  await q.query(`DELETE FROM save_flow`);
  await q.query(`ALTER TABLE save_flow DROP CONSTRAINT uq_save_flow`);
  if (v2) {
    await q.query(`ALTER TABLE save_flow ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'voluntary'`);
    await q.query(`ALTER TABLE save_flow ADD CONSTRAINT uq_save_flow UNIQUE NULLS NOT DISTINCT (resolved_on, region_id, services, saved, left_on, kind)`);
  } else {
    await q.query(`ALTER TABLE save_flow DROP COLUMN kind`);
    await q.query(`ALTER TABLE save_flow ADD CONSTRAINT uq_save_flow UNIQUE NULLS NOT DISTINCT (resolved_on, region_id, services, saved, left_on)`);
  }
  const request = requestColumns(v2);
  await q.query(`
    CREATE OR REPLACE FUNCTION rollup_subscriber() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${baseUpsert(baseRows('new_rows', '1'))};
      ELSIF TG_OP = 'DELETE' THEN
        ${baseUpsert(baseRows('old_rows', '-1'))};
      ELSE
        ${baseUpsert(`${baseRows(changed('n', SUBSCRIBER_BASE), '1')} UNION ALL ${baseRows(changed('o', SUBSCRIBER_BASE), '-1')}`)};
        ${revenueUpsert(`${revenueRows('subscription', changed('n', SUBSCRIBER_OWNER), '1')} UNION ALL ${revenueRows('subscription', changed('o', SUBSCRIBER_OWNER), '-1')}`)};
        ${saveUpsert(`${saveRows(savesOf(changed('n', SUBSCRIBER_LEFT)), changed('n', SUBSCRIBER_LEFT), '1', v2)} UNION ALL ${saveRows(savesOf(changed('o', SUBSCRIBER_LEFT)), changed('o', SUBSCRIBER_LEFT), '-1', v2)}`, v2)};
      END IF;
      RETURN NULL;
    END $fn$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION rollup_request() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP <> 'DELETE' THEN
        PERFORM 1 FROM subscriber WHERE id IN (
          SELECT d.subscriber_id FROM new_rows d
           WHERE d.status = 'resolved' AND ${SAVED} AND d.resolved_at > app_now() - interval '60 days')
          FOR SHARE;
      END IF;
      IF TG_OP = 'INSERT' THEN
        ${saveUpsert(saveRows('new_rows', 'subscriber', '1', v2), v2)};
      ELSIF TG_OP = 'DELETE' THEN
        ${saveUpsert(saveRows('old_rows', 'subscriber', '-1', v2), v2)};
      ELSE
        ${saveUpsert(`${saveRows(changed('n', request), 'subscriber', '1', v2)} UNION ALL ${saveRows(changed('o', request), 'subscriber', '-1', v2)}`, v2)};
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
      ${baseUpsert(baseRows('subscriber', '1'))};
      ${revenueUpsert(revenueRows('subscription', 'subscriber', '1'))};
      ${saveUpsert(saveRows('disconnect_request', 'subscriber', '1', v2), v2)};
    END $fn$`);
  await q.query(`SELECT rebuild_report_rollups()`);
  await q.query(`ANALYZE save_flow`);
}

export class RollUpSavesByKind1795400600000 implements MigrationInterface {
  name = 'RollUpSavesByKind1795400600000';

  async up(q: QueryRunner): Promise<void> {
    await install(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await install(q, false);
  }
}
