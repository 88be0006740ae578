import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A disconnect request's create locks its subscriber and then reads the subscriber's active subscriptions and open
 * requests: two round trips, because one statement would read them in a snapshot taken before its lock was granted
 * (a request committed by the create it waited for would go unseen, and both would insert). A VOLATILE function's
 * statements each take a snapshot of their own, so `lock_subscriber_for_request` does both in one call: the lock,
 * then the reads, which see whatever committed while the lock was awaited.
 *
 * `active_subscriptions` is the one definition of a subscriber's running subscriptions that a request is made
 * from (the create through the lock function, billing's disconnections directly): started by today, not ended.
 */
export class LockSubscriberForRequest1795434100000 implements MigrationInterface {
  name = 'LockSubscriberForRequest1795434100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION active_subscriptions(subscriber uuid)
        RETURNS TABLE (id uuid, service text, fee float8, started_on text) LANGUAGE sql STABLE AS $fn$
        SELECT x.id, v.code::text, x.monthly_fee::float8, x.started_on::text
          FROM subscription x JOIN service v ON v.id = x.service_id
         WHERE x.subscriber_id = $1 AND x.started_on <= app_today() AND (x.ended_on IS NULL OR x.ended_on > app_today())
      $fn$`);
    await q.query(`
      CREATE FUNCTION lock_subscriber_for_request(account text)
        RETURNS TABLE (id uuid, status text, region_id uuid, connected_on text, active json, open json)
        LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      DECLARE
        s record;
      BEGIN
        SELECT x.id, x.status, x.region_id, x.connected_on INTO s FROM subscriber x WHERE x.account_number = $1 FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT s.id, s.status::text, s.region_id, s.connected_on::text,
                 (SELECT COALESCE(json_agg(a ORDER BY a.service), '[]') FROM active_subscriptions(s.id) a),
                 (SELECT COALESCE(json_agg(o ORDER BY o.created_at), '[]')
                    FROM (SELECT d.id, d.services, d.created_at FROM disconnect_request d
                           WHERE d.subscriber_id = s.id AND d.status <> 'resolved') o);
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS lock_subscriber_for_request(text)`);
    await q.query(`DROP FUNCTION IF EXISTS active_subscriptions(uuid)`);
  }
}
