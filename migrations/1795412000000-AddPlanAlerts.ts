import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan alerts for managers (churn above the plan's pace, a save rate under target, an approval waiting too
 * long): one row per alert from when its condition first held (raised_at) until it stopped (cleared_at).
 * At most one open alert per key, so evaluations running at once cannot raise the same alert twice.
 */
export class AddPlanAlerts1795412000000 implements MigrationInterface {
  name = 'AddPlanAlerts1795412000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        kind varchar(24) NOT NULL CHECK (kind IN ('churn_pace', 'save_rate', 'approval_waiting')),
        month date,
        service varchar(32),
        region varchar(32),
        managed boolean,
        actual numeric(14,4),
        forecast numeric(14,4),
        planned numeric(14,4),
        resolved_requests integer,
        approval_id uuid REFERENCES offer_approval(id) ON DELETE CASCADE,
        request_id uuid REFERENCES disconnect_request(id) ON DELETE CASCADE,
        offer_code varchar(48),
        waiting_minutes integer,
        raised_at timestamptz NOT NULL DEFAULT app_now(),
        cleared_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_plan_alert_open ON plan_alert (key) WHERE cleared_at IS NULL`);
    await q.query(`CREATE INDEX ix_plan_alert_raised ON plan_alert (raised_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_alert`);
  }
}
