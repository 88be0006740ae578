import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator's unsent work on a claimed request (the words typed, the reason chosen, the outcome so far),
 * kept per request and operator so that it survives a reload or a change of machine. It is only ever read by
 * its owner, and goes when the request is resolved (or the request itself goes).
 */
export class AddRequestDrafts1795406000000 implements MigrationInterface {
  name = 'AddRequestDrafts1795406000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_draft (
        request_id uuid NOT NULL REFERENCES disconnect_request(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (request_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_draft`);
  }
}
