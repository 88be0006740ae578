import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_TRIGGERS_OF_EVERY_FLOW, rollupFunctionSql, setRollupTriggersSql, statementTriggers } from './rollup-triggers';

/**
 * leaver_count: leaver_flow (AddLeaverFlow) without the reason, competitor and destination: per month, kind of
 * ending, region, whether the subscriber was new, service, and whether that service is the first of its set
 * (`is_first`), the subscribers and fees summed. A count of distinct leavers that groups and filters by none of
 * the dropped columns (the key figures' churned subscribers and the new among them, per period) reads it instead
 * of leaver_flow: 6,378 rows where leaver_flow holds 202,252 at a million subscribers, of which such a count read
 * about 98,000 for two periods (223 ms of the key figures' 400). The correction for subscribers with more than one
 * leaver row still comes from leaver_row (libs/api/churn-data, leaverCountsSql).
 *
 * It is kept from leaver_flow itself by statement-level triggers on leaver_flow (whose own trigger on churn_fact
 * writes it in every transaction that changes churn facts), as mrr_flow is kept from revenue_flow, so it has one
 * definition whatever changed below; rebuild_report_rollups() recomputes it from leaver_flow after leaver_flow itself
 * (so `cli rollups` checks it, and a bulk load's rebuild_derived_data() fills it), and set_report_rollup_triggers()
 * installs and removes its triggers with the others.
 */
const KEY = 'month, kind, region, is_new_subscriber, service, is_first';

/** What the leaver_flow rows `src` add to leaver_count, times `k`. */
const changes = (src: string, k: 1 | -1) => `
  SELECT f.month, f.kind, f.region, f.is_new_subscriber, f.service, f.service = f.services[1] AS is_first, ${k} * f.subscribers AS n, ${k} * f.fee AS fee
    FROM ${src} f`;

/** Rows written in one order, so that two transactions that share rows wait for one another instead of deadlocking. */
const upsert = (rows: string) => `
  INSERT INTO leaver_count AS c (${KEY}, subscribers, fee)
  SELECT ${KEY}, sum(n), sum(fee) FROM (${rows}) d
   GROUP BY ${KEY}
  HAVING sum(n) <> 0 OR sum(fee) <> 0
   ORDER BY ${KEY}
  ON CONFLICT (${KEY}) DO UPDATE SET subscribers = c.subscribers + excluded.subscribers, fee = c.fee + excluded.fee`;

const TRIGGERS = statementTriggers('leaver_flow', 'rollup_leaver_flow');

export class AddLeaverCount1795444000000 implements MigrationInterface {
  name = 'AddLeaverCount1795444000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE leaver_count (
        month date NOT NULL,
        kind varchar(16) NOT NULL,
        region varchar(32) NOT NULL,
        is_new_subscriber boolean NOT NULL,
        service varchar(32) NOT NULL,
        is_first boolean NOT NULL,
        subscribers integer NOT NULL DEFAULT 0,
        fee numeric(16,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    // rebuild_report_rollups() rebuilds leaver_flow and then leaver_count from it, once (rebuild_leaver_count).
    const guard = `
        IF current_setting('retention.leavers_rebuilt_later', true) = 'on' THEN
          RETURN NULL;
        END IF;`;
    await q.query(rollupFunctionSql('rollup_leaver_flow', upsert, changes, guard));
    await q.query(`
      CREATE FUNCTION rebuild_leaver_count() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE leaver_flow IN SHARE MODE;
        DELETE FROM leaver_count;
        ${upsert(changes('leaver_flow', 1))};
      END $fn$`);
    await q.query(rebuildReportRollups(true));
    await q.query(setRollupTriggersSql([...ROLLUP_TRIGGERS_OF_EVERY_FLOW, ...TRIGGERS]));
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(`SELECT rebuild_leaver_count()`);
    await q.query(`ANALYZE leaver_count`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setRollupTriggersSql(ROLLUP_TRIGGERS_OF_EVERY_FLOW));
    for (const [, name] of TRIGGERS) await q.query(`DROP TRIGGER IF EXISTS ${name} ON leaver_flow`);
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(rebuildReportRollups(false));
    await q.query(`DROP FUNCTION IF EXISTS rebuild_leaver_count(), rollup_leaver_flow()`);
    await q.query(`DROP TABLE IF EXISTS leaver_count`);
  }
}

/** rebuild_report_rollups() as AddLeaverFlow defined it, with leaver_count's rebuild after leaver_flow's when `withCount`. */
function rebuildReportRollups(withCount: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        -- The facts' rewrite leaves leaver_row to rebuild_leavers(): keep_leavers() would recompute every
        -- subscriber once for the deletion and once for the insertion of their facts first.
        PERFORM set_config('retention.leavers_rebuilt_later', 'on', true);
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
        PERFORM rebuild_mrr_flow();
        PERFORM rebuild_leavers();${withCount ? '\n        PERFORM rebuild_leaver_count();' : ''}
        PERFORM set_config('retention.leavers_rebuilt_later', 'off', true);
      END $fn$`;
}
