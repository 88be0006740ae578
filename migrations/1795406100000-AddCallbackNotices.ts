import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which call-backs the consoles have been told are due: one row per request and call-back time, so that the
 * announcement runs once per call-back whichever API process runs the minute's job, and a new call-back time
 * of the same request is announced again.
 */
export class AddCallbackNotices1795406100000 implements MigrationInterface {
  name = 'AddCallbackNotices1795406100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE callback_notice (
        request_id uuid NOT NULL REFERENCES disconnect_request(id) ON DELETE CASCADE,
        callback_at timestamptz NOT NULL,
        announced_at timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (request_id, callback_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE callback_notice`);
  }
}
