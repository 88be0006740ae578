import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator's own costs for retention economics (docs/methodology.md, "Retention economics"): the
 * cost of acquiring a subscriber to each service, and the cost of an hour of the desk's staff, each
 * set for a month and holding from that month on until a later month sets another.
 */
export class AddRetentionCosts1795404100000 implements MigrationInterface {
  name = 'AddRetentionCosts1795404100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE acquisition_cost (
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        service_id uuid NOT NULL REFERENCES service(id),
        cost numeric(12,2) NOT NULL CHECK (cost >= 0),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (month, service_id)
      )`);
    await q.query(`
      CREATE TABLE staff_cost (
        month date PRIMARY KEY CHECK (extract(day FROM month) = 1),
        cost_per_hour numeric(10,2) NOT NULL CHECK (cost_per_hour >= 0),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT app_now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS staff_cost`);
    await q.query(`DROP TABLE IF EXISTS acquisition_cost`);
  }
}
