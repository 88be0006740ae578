import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disconnections billing performed and posted (POST /api/billing/disconnections), one row per billing event
 * id: a repeated post finds its first answer (the requests it closed) instead of disconnecting twice.
 */
export class AddBillingDisconnections1795405200000 implements MigrationInterface {
  name = 'AddBillingDisconnections1795405200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_disconnection (
        event_id varchar(128) PRIMARY KEY,
        body_hash varchar(64) NOT NULL,
        subscriber_id uuid NOT NULL REFERENCES subscriber(id),
        request_ids uuid[] NOT NULL,
        received_at timestamptz NOT NULL DEFAULT app_now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS billing_disconnection`);
  }
}
