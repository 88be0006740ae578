import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_TRIGGERS_OF_CHURN_FACTS, setRollupTriggersSql, statementTriggers } from './rollup-triggers';

/**
 * Distinct leavers without reading a year of churn facts: the reports count each subscriber once per cell,
 * month, reason or period (`count(DISTINCT subscriber_id)`), which read and sorted 77,000-166,000 facts of
 * churn_fact's 417,548 at a million subscribers. Two tables, kept from churn_fact by statement-level triggers on
 * churn_fact itself (whatever wrote it: keep_churn_facts, a request's deletion, a correction):
 *
 * - leaver_row: one row per subscriber and leaver group, the group being the month (its first day), kind of
 *   ending, region, reason (code, group, managed), competitor, destination and whether the subscriber was new,
 *   with the services lost in it (sorted, each once) and their fees (summed per service, in the same order).
 *   `multi` marks the rows of subscribers who have more than one such row (of any month or kind).
 * - leaver_flow: leaver_row counted per group and set of services: one row per service of the set, each with the
 *   number of subscribers of the group and set (`subscribers`, the same on each service's row) and that
 *   service's fees (`fee`). A count that does not group by service reads the row of the set's first service.
 *
 * A subscriber lies in exactly one leaver_flow group-and-set a month per group, so the number of distinct
 * subscribers of any set of groups and months is the sum of the rows' counts, less (for each subscriber who falls
 * into more than one of the rows read) their rows but one: those are the `multi` rows, read through their own
 * partial index (libs/api/churn-data, leaverCountsSql).
 *
 * rebuild_report_rollups() recomputes both from churn_fact after churn_fact itself, so `cli rollups` checks them,
 * and set_report_rollup_triggers() installs and removes the triggers with the others.
 */
const GROUP = `month, kind, region, reason_code, reason_group, managed, competitor_id, destination, is_new_subscriber`;
/** The leaver group's columns, as both tables declare them. */
const GROUP_COLUMNS = `month date NOT NULL,
        kind varchar(16) NOT NULL,
        region varchar(32) NOT NULL,
        reason_code varchar(48) NOT NULL,
        reason_group varchar(24) NOT NULL,
        managed boolean NOT NULL,
        competitor_id uuid,
        destination varchar(16) NOT NULL,
        is_new_subscriber boolean NOT NULL`;

/** The leaver rows of the churn facts `where` selects (an SQL condition on churn_fact f), `multi` set. */
const leaverRows = (where: string) => `
  SELECT subscriber_id, ${GROUP}, services, fees, count(*) OVER (PARTITION BY subscriber_id) > 1
    FROM (SELECT subscriber_id, ${GROUP}, array_agg(service ORDER BY service) AS services, array_agg(fee ORDER BY service) AS fees
            FROM (SELECT f.subscriber_id, to_date(f.month, 'YYYY-MM') AS month, f.kind, f.region, f.reason_code, f.reason_group, f.managed,
                         f.competitor_id, f.destination, f.is_new_subscriber, f.service, sum(f.fee) AS fee
                    FROM churn_fact f WHERE ${where}
                   GROUP BY f.subscriber_id, f.month, f.kind, f.region, f.reason_code, f.reason_group, f.managed, f.competitor_id,
                            f.destination, f.is_new_subscriber, f.service) s
           GROUP BY subscriber_id, ${GROUP}) r`;

const insertRows = (where: string) => `INSERT INTO leaver_row (subscriber_id, ${GROUP}, services, fees, multi) ${leaverRows(where)}`;

/** Adds to leaver_flow the leaver rows `rows` (with subscriber, group, services, fees) times `sign` (1 or -1, an SQL expression per row). */
const flowRows = (rows: string, sign: string) => `
  SELECT ${GROUP.split(', ').map((c) => `r.${c}`).join(', ')}, r.services, u.service, ${sign} AS n, ${sign} * u.fee AS fee
    FROM ${rows} r CROSS JOIN LATERAL unnest(r.services, r.fees) AS u(service, fee)`;

const upsertFlow = (rows: string) => `
  INSERT INTO leaver_flow AS l (${GROUP}, services, service, subscribers, fee)
  SELECT ${GROUP}, services, service, sum(n), sum(fee) FROM (${rows}) d
   GROUP BY ${GROUP}, services, service
  HAVING sum(n) <> 0 OR sum(fee) <> 0
   ORDER BY ${GROUP}, services, service
  ON CONFLICT ON CONSTRAINT uq_leaver_flow DO UPDATE SET subscribers = l.subscribers + excluded.subscribers, fee = l.fee + excluded.fee`;

export class AddLeaverFlow1795439000000 implements MigrationInterface {
  name = 'AddLeaverFlow1795439000000';

  async up(q: QueryRunner): Promise<void> {
    // The trigger reads the facts of the subscribers a statement touched.
    await q.query(`CREATE INDEX ix_churn_fact_subscriber ON churn_fact (subscriber_id)`);
    await q.query(`
      CREATE TABLE leaver_row (
        subscriber_id uuid NOT NULL,
        ${GROUP_COLUMNS},
        services varchar(32)[] NOT NULL,
        fees numeric(14,2)[] NOT NULL,
        multi boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_leaver_row_subscriber ON leaver_row (subscriber_id)`);
    await q.query(`CREATE INDEX ix_leaver_row_multi ON leaver_row (month) WHERE multi`);
    await q.query(`
      CREATE TABLE leaver_flow (
        ${GROUP_COLUMNS},
        services varchar(32)[] NOT NULL,
        service varchar(32) NOT NULL,
        subscribers integer NOT NULL DEFAULT 0,
        fee numeric(16,2) NOT NULL DEFAULT 0,
        CONSTRAINT uq_leaver_flow UNIQUE NULLS NOT DISTINCT (${GROUP}, services, service)
      )`);
    // A statement's subscribers' rows are taken out and computed again from all their facts (leaver_flow's rows are
    // written in one order, so two transactions that share groups wait for one another instead of deadlocking). Two transactions that
    // touch the same subscriber's facts go one after the other (an advisory lock per subscriber, taken in order;
    // a statement of many subscribers, a rebuild or an import, locks the table instead); each statement reads the
    // rows and facts committed before it once it holds its locks.
    await q.query(`
      CREATE FUNCTION keep_leavers() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        who uuid[];
      BEGIN
        -- rebuild_report_rollups() rewrites every fact and then recomputes every leaver once (rebuild_leavers).
        IF current_setting('retention.leavers_rebuilt_later', true) = 'on' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          who := ARRAY(SELECT DISTINCT subscriber_id FROM new_rows ORDER BY 1);
        ELSIF TG_OP = 'DELETE' THEN
          who := ARRAY(SELECT DISTINCT subscriber_id FROM old_rows ORDER BY 1);
        ELSE
          who := ARRAY(SELECT subscriber_id FROM new_rows UNION SELECT subscriber_id FROM old_rows ORDER BY 1);
        END IF;
        IF cardinality(who) = 0 THEN
          RETURN NULL;
        ELSIF cardinality(who) > 1000 THEN
          LOCK TABLE leaver_row IN SHARE ROW EXCLUSIVE MODE;
        ELSE
          LOCK TABLE leaver_row IN ROW EXCLUSIVE MODE;
          PERFORM pg_advisory_xact_lock(1795439, hashtext(w::text)) FROM unnest(who) AS w ORDER BY w;
        END IF;
        WITH gone AS (DELETE FROM leaver_row r WHERE r.subscriber_id IN (SELECT unnest(who)) RETURNING r.*),
             fresh AS (${insertRows('f.subscriber_id IN (SELECT unnest(who))')} RETURNING *)
        ${upsertFlow(`${flowRows('gone', '-1')} UNION ALL ${flowRows('fresh', '1')}`)};
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION rebuild_leavers() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE churn_fact IN SHARE MODE;
        LOCK TABLE leaver_row IN SHARE ROW EXCLUSIVE MODE;
        DELETE FROM leaver_row;
        DELETE FROM leaver_flow;
        ${insertRows('true')};
        ${upsertFlow(flowRows('leaver_row', '1'))};
      END $fn$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        -- The facts' rewrite leaves leaver_row to rebuild_leavers(): keep_leavers() would recompute every
        -- subscriber once for the deletion and once for the insertion of their facts first.
        PERFORM set_config('retention.leavers_rebuilt_later', 'on', true);
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
        PERFORM rebuild_mrr_flow();
        PERFORM rebuild_leavers();
        PERFORM set_config('retention.leavers_rebuilt_later', 'off', true);
      END $fn$`);
    await q.query(setRollupTriggersSql([...ROLLUP_TRIGGERS_OF_CHURN_FACTS, ...statementTriggers('churn_fact', 'keep_leavers', 'rollup_leavers')]));
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(`SELECT rebuild_leavers()`);
    await q.query(`ANALYZE leaver_row, leaver_flow`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setRollupTriggersSql(ROLLUP_TRIGGERS_OF_CHURN_FACTS));
    for (const [, name] of statementTriggers('churn_fact', 'keep_leavers', 'rollup_leavers')) await q.query(`DROP TRIGGER IF EXISTS ${name} ON churn_fact`);
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
        PERFORM rebuild_mrr_flow();
      END $fn$`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_leavers(), keep_leavers()`);
    await q.query(`DROP TABLE IF EXISTS leaver_flow, leaver_row`);
    await q.query(`DROP INDEX IF EXISTS ix_churn_fact_subscriber`);
  }
}
