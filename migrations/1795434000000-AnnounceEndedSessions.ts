import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API process keeps the sessions it checked for a few seconds (SessionsService, SESSION_CACHE_SECONDS), so
 * an ended session must be announced to all of them, whoever ends it: a sign-out, a change of password, role or
 * activity (which deletes the user's sessions), a change of the user's name or role that a kept session carries,
 * an administrator's statement straight in the table. These statement-level triggers send the user's id on the
 * channel `session_revoked` for each user whose sessions were deleted or whose row changed in what a session
 * check reads; PostgreSQL delivers it when the transaction commits, and every process drops what it kept of
 * that user. Such writes are rare (a sign-in, an administrator's change), so the NOTIFY inside their transaction
 * (which makes committing notifiers queue) costs nothing that matters; a sign-in that drops no expired session
 * sends nothing.
 */
export class AnnounceEndedSessions1795434000000 implements MigrationInterface {
  name = 'AnnounceEndedSessions1795434000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION announce_ended_sessions() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_TABLE_NAME = 'user_session' THEN
          PERFORM pg_notify('session_revoked', x.user_id::text) FROM (SELECT DISTINCT user_id FROM old_rows) x;
        ELSE
          PERFORM pg_notify('session_revoked', n.id::text)
             FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (o.username, o.role, o.display_name, o.active, o.password_hash)
                  IS DISTINCT FROM (n.username, n.role, n.display_name, n.active, n.password_hash);
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER user_session_ended AFTER DELETE ON user_session
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_ended_sessions()`);
    await q.query(`
      CREATE TRIGGER app_user_session_changed AFTER UPDATE ON app_user
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION announce_ended_sessions()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS app_user_session_changed ON app_user`);
    await q.query(`DROP TRIGGER IF EXISTS user_session_ended ON user_session`);
    await q.query(`DROP FUNCTION IF EXISTS announce_ended_sessions()`);
  }
}
