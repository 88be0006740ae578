import { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupFunctionSql } from './rollup-triggers';

/**
 * mrr_flow: how recurring revenue changes per month, service and region: the fees of the subscriptions that
 * start in the month added, of those that end in it taken off. Recurring revenue at a month's first day is the
 * sum of the months before it (a subscription runs on a day when it started before it and did not end before
 * it; a subscription never ends before it starts). It is revenue_flow folded over the subscriber's month of
 * joining, the end reason and the pairing of start and end: a few thousand rows where revenue_flow holds
 * hundreds of thousands (307,473 at a million subscribers), which the key figures read whole for their MRR at
 * four dates.
 *
 * It is kept from revenue_flow itself by statement-level triggers on revenue_flow (whose own triggers on
 * subscriber and subscription write it in every writing transaction, whoever writes), so it has one definition
 * whatever changed below; rebuild_report_rollups() recomputes it from revenue_flow after revenue_flow itself
 * (so `cli rollups` checks both, and a bulk load's rebuild_derived_data() fills it).
 */
const changes = (src: string, k: 1 | -1) => `
  SELECT r.start_month AS month, r.service_id, r.region_id, ${k} * r.fee AS fee FROM ${src} r
  UNION ALL
  SELECT r.end_month, r.service_id, r.region_id, ${-k} * r.fee FROM ${src} r WHERE r.end_month IS NOT NULL`;

const upsert = (rows: string) => `
  INSERT INTO mrr_flow AS m (month, service_id, region_id, fee)
  SELECT month, service_id, region_id, sum(fee) FROM (${rows}) c
   GROUP BY 1, 2, 3
  HAVING sum(fee) <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT (month, service_id, region_id) DO UPDATE SET fee = m.fee + excluded.fee`;

export class AddMrrFlow1795438100000 implements MigrationInterface {
  name = 'AddMrrFlow1795438100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mrr_flow (
        month date NOT NULL,
        service_id uuid NOT NULL,
        region_id uuid NOT NULL,
        fee numeric(16,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (month, service_id, region_id)
      )`);
    await q.query(rollupFunctionSql('rollup_revenue_flow', upsert, changes));
    await q.query(`CREATE TRIGGER rollup_revenue_flow_insert AFTER INSERT ON revenue_flow REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_revenue_flow()`);
    await q.query(`CREATE TRIGGER rollup_revenue_flow_update AFTER UPDATE ON revenue_flow REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_revenue_flow()`);
    await q.query(`CREATE TRIGGER rollup_revenue_flow_delete AFTER DELETE ON revenue_flow REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_revenue_flow()`);
    await q.query(`
      CREATE FUNCTION rebuild_mrr_flow() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE revenue_flow IN SHARE MODE;
        DELETE FROM mrr_flow;
        ${upsert(changes('revenue_flow', 1))};
      END $fn$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
        PERFORM rebuild_mrr_flow();
      END $fn$`);
    // The MRR gained in a period reads the subscriptions of those who joined in it alone.
    await q.query(`CREATE INDEX ix_revenue_flow_joined ON revenue_flow (joined_month)`);
    await q.query(`SELECT rebuild_mrr_flow()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
      END $fn$`);
    await q.query(`DROP INDEX IF EXISTS ix_revenue_flow_joined`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS rollup_revenue_flow_${t} ON revenue_flow`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_mrr_flow(), rollup_revenue_flow()`);
    await q.query(`DROP TABLE IF EXISTS mrr_flow`);
  }
}
