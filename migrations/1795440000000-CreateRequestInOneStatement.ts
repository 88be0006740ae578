import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A disconnect request's create is one statement run outside a transaction (it commits as it ends): no `BEGIN`
 * and no `COMMIT` round trips. Its first step is `lock_subscriber_for_request(account, actor, idempotency_key)`,
 * which now also does what the create's transaction did before the lock: with an Idempotency-Key, it takes the
 * caller's advisory lock on that key (namespace 7301003, held until the statement commits, so concurrent retries
 * queue) and looks for the request the key already made; found, it answers with that request's id and body hash
 * and locks nothing. Otherwise it locks the subscriber and reads its active subscriptions and open requests, each
 * read in a snapshot of its own taken after the lock (a VOLATILE function's statements do), so a request committed
 * by a create it waited for is seen. The rest of the statement checks the request against what it read and writes
 * it (libs/api/requests, `CREATE_REQUEST`).
 *
 * The connection date comes back as a date (the statement compares it with the first date still "new").
 */
export class CreateRequestInOneStatement1795440000000 implements MigrationInterface {
  name = 'CreateRequestInOneStatement1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS lock_subscriber_for_request(text)`);
    await q.query(`
      CREATE FUNCTION lock_subscriber_for_request(account text, actor uuid, idempotency_key text)
        RETURNS TABLE (earlier_id uuid, earlier_hash text, id uuid, status text, region_id uuid, connected_on date, active json, open json)
        LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        s record;
        e record;
      BEGIN
        IF $3 IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(7301003, hashtext($2::text || '|' || $3));
          SELECT d.id, d.idempotency_body_hash AS hash INTO e FROM disconnect_request d WHERE d.created_by = $2 AND d.idempotency_key = $3;
          IF FOUND THEN
            RETURN QUERY SELECT e.id, e.hash::text, NULL::uuid, NULL::text, NULL::uuid, NULL::date, NULL::json, NULL::json;
            RETURN;
          END IF;
        END IF;
        SELECT x.id, x.status, x.region_id, x.connected_on INTO s FROM subscriber x WHERE x.account_number = $1 FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT NULL::uuid, NULL::text, s.id, s.status::text, s.region_id, s.connected_on,
                 (SELECT COALESCE(json_agg(a ORDER BY a.service), '[]') FROM active_subscriptions(s.id) a),
                 (SELECT COALESCE(json_agg(o ORDER BY o.created_at), '[]')
                    FROM (SELECT d.id, d.services, d.created_at FROM disconnect_request d
                           WHERE d.subscriber_id = s.id AND d.status <> 'resolved') o);
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS lock_subscriber_for_request(text, uuid, text)`);
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
}
