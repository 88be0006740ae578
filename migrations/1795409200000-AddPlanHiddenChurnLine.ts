import { MigrationInterface, QueryRunner } from 'typeorm';

/** The plan's hidden-churn line: the most confirmed hidden churn a plan line allows in its month (null: not planned). */
export class AddPlanHiddenChurnLine1795409200000 implements MigrationInterface {
  name = 'AddPlanHiddenChurnLine1795409200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE churn_plan_line ADD COLUMN hidden_max integer CHECK (hidden_max >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE churn_plan_line DROP COLUMN hidden_max`);
  }
}
