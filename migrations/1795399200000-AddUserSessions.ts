import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per sign-in. A token names its session (the JWT id) and is good only while that row
 * exists and its user is active: signing out deletes the row, and a password, role or activity
 * change deletes all of the user's rows. Tokens signed before this migration carry no session and
 * are refused, so everybody signs in once more after the upgrade.
 */
export class AddUserSessions1795399200000 implements MigrationInterface {
  name = 'AddUserSessions1795399200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT app_now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_user_session_user ON user_session (user_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS user_session`);
  }
}
