import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly (and, for saves, daily) roll-ups that the reports read instead of scanning a million
 * subscribers, their subscriptions and two years of requests on every call:
 *
 * - base_flow: subscribers joined and left per month and region, with the tenure of those who left
 *   (the active base at any month start, churn from the base, average lifetime);
 * - revenue_flow: subscriptions and their fees per service, region, the subscriber's month of
 *   joining, and the months a subscription started and ended, with its end reason and, when it
 *   ended, the subscriber's tenure then (MRR at any month start, MRR gained, new customers' MRR,
 *   non-payment disconnections, and a service's own base and churn);
 * - save_flow: resolved requests per day, region and requested services, saved or not, and for a
 *   save the day the subscriber left if that was within the 30 days that confirm it.
 *
 * They are kept exact inside the writing transaction by statement-level triggers (so the API, the
 * demo generator's COPY and any future import keep them alike): each trigger adds what the new rows
 * contribute and subtracts what the old ones did, through the same contribution queries that
 * rebuild_report_rollups() uses to recompute them from scratch. The 30 days are the domain's
 * SAVE_CONFIRMATION_DAYS; a change of that rule needs a migration that rebuilds save_flow.
 */
const SAVED = `d.outcome IN ('retained', 'retained_with_offer')`;
const RESOLVED_ON = `(d.resolved_at AT TIME ZONE 'UTC')::date`;
const month = (col: string) => `date_trunc('month', ${col}::timestamp)::date`;

/** What subscriber rows `src` add to base_flow, times `k` (1 or -1). */
const baseRows = (src: string, k: string) => `
  SELECT ${month('s.connected_on')} AS month, s.region_id, ${k} AS joined, 0 AS left_count, 0::bigint AS tenure_days FROM ${src} s
  UNION ALL
  SELECT ${month('s.disconnected_on')}, s.region_id, 0, ${k}, ${k} * (s.disconnected_on - s.connected_on)::bigint
    FROM ${src} s WHERE s.disconnected_on IS NOT NULL`;

const baseUpsert = (rows: string) => `
  INSERT INTO base_flow AS b (month, region_id, joined, left_count, left_tenure_days)
  SELECT month, region_id, sum(joined), sum(left_count), sum(tenure_days) FROM (${rows}) c
   GROUP BY month, region_id
  HAVING sum(joined) <> 0 OR sum(left_count) <> 0 OR sum(tenure_days) <> 0
   ORDER BY month, region_id
  ON CONFLICT (month, region_id) DO UPDATE
     SET joined = b.joined + excluded.joined, left_count = b.left_count + excluded.left_count,
         left_tenure_days = b.left_tenure_days + excluded.left_tenure_days`;

/** What subscriptions `subs` of subscribers `owners` add to revenue_flow, times `k`. */
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

/** What resolved requests `reqs` (of subscribers `owners`) add to save_flow, times `k`. */
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

const SUBSCRIBER_BASE = ['connected_on', 'disconnected_on', 'region_id'];
const SUBSCRIBER_OWNER = ['connected_on', 'region_id'];
const SUBSCRIBER_LEFT = ['disconnected_on'];
const SUBSCRIPTION = ['subscriber_id', 'service_id', 'monthly_fee', 'started_on', 'ended_on', 'end_reason'];
const REQUEST = ['subscriber_id', 'status', 'resolved_at', 'region_id', 'services', 'outcome'];
const savesOf = (subscribers: string) =>
  `(SELECT * FROM disconnect_request d WHERE ${SAVED} AND d.subscriber_id IN (SELECT id FROM ${subscribers} c))`;

/** [table, trigger, definition with %s for the table]. */
const TRIGGERS: [string, string, string][] = [
  ...(['subscriber', 'subscription', 'disconnect_request'] as const).flatMap((table): [string, string, string][] => {
    const fn = { subscriber: 'rollup_subscriber', subscription: 'rollup_subscription', disconnect_request: 'rollup_request' }[table];
    return [
      [table, `${fn}_insert`, `AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
      [table, `${fn}_update`, `AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
      [table, `${fn}_delete`, `AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
    ];
  }),
  ['subscriber', 'rollup_subscriber_deleting', 'BEFORE DELETE ON %s FOR EACH ROW EXECUTE FUNCTION rollup_subscriber_deleting()'],
];

export class AddReportRollups1795397000000 implements MigrationInterface {
  name = 'AddReportRollups1795397000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE base_flow (
        month date NOT NULL,
        region_id uuid NOT NULL,
        joined integer NOT NULL DEFAULT 0,
        left_count integer NOT NULL DEFAULT 0,
        left_tenure_days bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (month, region_id)
      )`);
    await q.query(`
      CREATE TABLE revenue_flow (
        service_id uuid NOT NULL,
        region_id uuid NOT NULL,
        joined_month date NOT NULL,
        start_month date NOT NULL,
        end_month date,
        end_reason varchar(16),
        fee numeric(16,2) NOT NULL DEFAULT 0,
        subscriptions integer NOT NULL DEFAULT 0,
        ended_tenure_days bigint NOT NULL DEFAULT 0,
        CONSTRAINT uq_revenue_flow UNIQUE NULLS NOT DISTINCT (service_id, region_id, joined_month, start_month, end_month, end_reason)
      )`);
    await q.query(`CREATE INDEX ix_revenue_flow_end ON revenue_flow (end_month) INCLUDE (service_id, region_id, end_reason, subscriptions) WHERE end_month IS NOT NULL`);
    await q.query(`
      CREATE TABLE save_flow (
        resolved_on date NOT NULL,
        region_id uuid,
        services text[] NOT NULL,
        saved boolean NOT NULL,
        left_on date,
        requests integer NOT NULL DEFAULT 0,
        CONSTRAINT uq_save_flow UNIQUE NULLS NOT DISTINCT (resolved_on, region_id, services, saved, left_on)
      )`);

    await q.query(`
      CREATE FUNCTION rollup_subscriber() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${baseUpsert(baseRows('new_rows', '1'))};
        ELSIF TG_OP = 'DELETE' THEN
          ${baseUpsert(baseRows('old_rows', '-1'))};
        ELSE
          ${baseUpsert(`${baseRows(changed('n', SUBSCRIBER_BASE), '1')} UNION ALL ${baseRows(changed('o', SUBSCRIBER_BASE), '-1')}`)};
          ${revenueUpsert(`${revenueRows('subscription', changed('n', SUBSCRIBER_OWNER), '1')} UNION ALL ${revenueRows('subscription', changed('o', SUBSCRIBER_OWNER), '-1')}`)};
          ${saveUpsert(`${saveRows(savesOf(changed('n', SUBSCRIBER_LEFT)), changed('n', SUBSCRIBER_LEFT), '1')} UNION ALL ${saveRows(savesOf(changed('o', SUBSCRIBER_LEFT)), changed('o', SUBSCRIBER_LEFT), '-1')}`)};
        END IF;
        RETURN NULL;
      END $fn$`);
    // A deleted subscriber's subscriptions go with it (ON DELETE CASCADE) after the subscriber row
    // is gone, when their owner can no longer be read: take their revenue out before.
    await q.query(`
      CREATE FUNCTION rollup_subscriber_deleting() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${revenueUpsert(revenueRows('subscription', '(SELECT OLD.id AS id, OLD.region_id AS region_id, OLD.connected_on AS connected_on)', '-1'))};
        RETURN OLD;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION rollup_subscription() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${revenueUpsert(revenueRows('new_rows', 'subscriber', '1'))};
        ELSIF TG_OP = 'DELETE' THEN
          -- Subscriptions deleted with their subscriber do not join: rollup_subscriber_deleting took them out.
          ${revenueUpsert(revenueRows('old_rows', 'subscriber', '-1'))};
        ELSE
          ${revenueUpsert(`${revenueRows(changed('n', SUBSCRIPTION), 'subscriber', '1')} UNION ALL ${revenueRows(changed('o', SUBSCRIPTION), 'subscriber', '-1')}`)};
        END IF;
        RETURN NULL;
      END $fn$`);
    // A recent save reads its subscriber's leaving date; the subscriber row is share-locked first so
    // that a disconnection committing at the same moment is seen by one side or the other.
    await q.query(`
      CREATE FUNCTION rollup_request() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP <> 'DELETE' THEN
          PERFORM 1 FROM subscriber WHERE id IN (
            SELECT d.subscriber_id FROM new_rows d
             WHERE d.status = 'resolved' AND ${SAVED} AND d.resolved_at > now() - interval '60 days')
            FOR SHARE;
        END IF;
        IF TG_OP = 'INSERT' THEN
          ${saveUpsert(saveRows('new_rows', 'subscriber', '1'))};
        ELSIF TG_OP = 'DELETE' THEN
          ${saveUpsert(saveRows('old_rows', 'subscriber', '-1'))};
        ELSE
          ${saveUpsert(`${saveRows(changed('n', REQUEST), 'subscriber', '1')} UNION ALL ${saveRows(changed('o', REQUEST), 'subscriber', '-1')}`)};
        END IF;
        RETURN NULL;
      END $fn$`);
    // Installs (true) or removes (false) the triggers. A bulk load into empty tables (the demo
    // generator) removes them in its transaction, loads, then installs them and rebuilds: with them in
    // place COPY into the tables that reference subscribers runs two to four times slower.
    await q.query(`
      CREATE FUNCTION set_report_rollup_triggers(enabled boolean) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        ${TRIGGERS.map(([table, name]) => `DROP TRIGGER IF EXISTS ${name} ON ${table};`).join('\n        ')}
        IF enabled THEN
          ${TRIGGERS.map(([table, name, definition]) => `CREATE TRIGGER ${name} ${definition.replace('%s', table)};`).join('\n          ')}
        END IF;
      END $fn$`);
    await q.query(`SELECT set_report_rollup_triggers(true)`);

    // Recomputes every roll-up from its source tables (the backfill below, and a repair if ever needed).
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE subscriber, subscription, disconnect_request IN SHARE MODE;
        DELETE FROM base_flow;
        DELETE FROM revenue_flow;
        DELETE FROM save_flow;
        ${baseUpsert(baseRows('subscriber', '1'))};
        ${revenueUpsert(revenueRows('subscription', 'subscriber', '1'))};
        ${saveUpsert(saveRows('disconnect_request', 'subscriber', '1'))};
      END $fn$`);
    await q.query(`SELECT rebuild_report_rollups()`);
    await q.query(`ANALYZE base_flow, revenue_flow, save_flow`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT set_report_rollup_triggers(false)`);
    await q.query(`DROP FUNCTION IF EXISTS set_report_rollup_triggers(boolean), rebuild_report_rollups(), rollup_subscriber(), rollup_subscriber_deleting(), rollup_subscription(), rollup_request()`);
    await q.query(`DROP TABLE IF EXISTS base_flow, revenue_flow, save_flow`);
  }
}
