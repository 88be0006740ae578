import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly churn plans: per service (and optionally region) the most disconnections allowed,
 * managed and unmanaged apart, and the target save rate. Every change is a new version.
 */
export class AddChurnPlans1795394000000 implements MigrationInterface {
  name = 'AddChurnPlans1795394000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE churn_plan (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        version integer NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_churn_plan_month_version UNIQUE (month, version)
      )`);
    await q.query(`
      CREATE TABLE churn_plan_line (
        plan_id integer NOT NULL REFERENCES churn_plan(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES service(id),
        region_id uuid REFERENCES region(id),
        managed_max integer NOT NULL CHECK (managed_max >= 0),
        unmanaged_max integer NOT NULL CHECK (unmanaged_max >= 0),
        target_save_rate numeric(5,4) NOT NULL CHECK (target_save_rate BETWEEN 0 AND 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_churn_plan_line ON churn_plan_line (plan_id, service_id, COALESCE(region_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    // Each requested service's monthly fee when the request was made: reports split lost revenue by service.
    await q.query(`ALTER TABLE disconnect_request ADD COLUMN service_fees jsonb NOT NULL DEFAULT '{}'`);
    // Reports group resolved requests by month, reason and competitor.
    await q.query(`CREATE INDEX ix_request_resolved_reason ON disconnect_request (resolved_at, reason_version_id, reason_code) INCLUDE (outcome, competitor_id, mrr_lost, subscriber_id) WHERE status = 'resolved'`);
    await q.query(`CREATE INDEX ix_subscription_started ON subscription (started_on)`);
    await q.query(`CREATE INDEX ix_subscription_non_payment ON subscription (ended_on) WHERE end_reason = 'non_payment'`);
    await q.query(`CREATE INDEX ix_subscriber_disconnected ON subscriber (disconnected_on) WHERE disconnected_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_subscriber_disconnected`);
    await q.query(`DROP INDEX IF EXISTS ix_subscription_non_payment`);
    await q.query(`DROP INDEX IF EXISTS ix_subscription_started`);
    await q.query(`DROP INDEX IF EXISTS ix_request_resolved_reason`);
    await q.query(`ALTER TABLE disconnect_request DROP COLUMN IF EXISTS service_fees`);
    await q.query(`DROP TABLE IF EXISTS churn_plan_line`);
    await q.query(`DROP TABLE IF EXISTS churn_plan`);
  }
}
