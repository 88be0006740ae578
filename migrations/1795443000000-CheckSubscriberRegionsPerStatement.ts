import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscriber's region checked once per statement, not once per row (as CheckPaymentSubscribersPerStatement did for
 * a payment's subscriber).
 *
 * The foreign key subscriber → region ran one query and took one FOR KEY SHARE lock per written subscriber: an import
 * of a million subscribers locked the same dozen region rows a million times. The constraint stays in the schema,
 * NOT ENFORCED (PostgreSQL 18), and statement-level triggers keep what it kept:
 * - a statement that inserts subscribers, or changes their region, takes the same FOR KEY SHARE lock on each of the
 *   distinct regions its rows name (a handful of rows, in every isolation level, as the foreign key did: a region
 *   cannot be deleted or its id changed until the transaction ends), then refuses a region that is not there
 *   (foreign_key_violation, the constraint's name and message, as before);
 * - a statement that deletes regions or changes their id refuses one a subscriber still names (the constraint's
 *   NO ACTION, checked at the statement's end as before). Its own row lock on the region waits for every
 *   transaction that locked it above; the check then reads the subscribers with a snapshot of its own.
 * - An UPDATE trigger cannot name its columns and have transition tables: the subscribers' UPDATE trigger compares
 *   the old and new rows by id and looks at the changed regions only; the regions' compares their ids.
 * The application never deletes a region; the check uses ix_subscriber_region_status (region_id first).
 */
const VIOLATION = `'insert or update on table "subscriber" violates foreign key constraint "subscriber_region_id_fkey"'`;
const STILL_REFERENCED = `'update or delete on table "region" violates foreign key constraint "subscriber_region_id_fkey" on table "subscriber"'`;

export class CheckSubscriberRegionsPerStatement1795443000000 implements MigrationInterface {
  name = 'CheckSubscriberRegionsPerStatement1795443000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriber ALTER CONSTRAINT subscriber_region_id_fkey NOT ENFORCED`);
    await q.query(`
      CREATE FUNCTION subscriber_region_check() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE
        ids uuid[];
        missing uuid;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT DISTINCT n.region_id FROM new_rows n WHERE n.region_id IS NOT NULL);
        ELSE
          -- The foreign key checked an update only when it changed the region (a status or a balance locks nothing).
          ids := ARRAY(SELECT DISTINCT n.region_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE n.region_id IS DISTINCT FROM o.region_id AND n.region_id IS NOT NULL);
        END IF;
        PERFORM 1 FROM region r WHERE r.id = ANY (ids) FOR KEY SHARE OF r;
        SELECT i INTO missing FROM unnest(ids) i WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.id = i) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION ${VIOLATION}
            USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (region_id)=(%s) is not present in table "region".', missing),
                  SCHEMA = current_schema(), TABLE = 'subscriber', CONSTRAINT = 'subscriber_region_id_fkey';
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`CREATE TRIGGER subscriber_region_ins AFTER INSERT ON subscriber REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_region_check()`);
    await q.query(`CREATE TRIGGER subscriber_region_upd AFTER UPDATE ON subscriber REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_region_check()`);
    await q.query(`
      CREATE FUNCTION region_subscribers_check() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE
        referenced uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          SELECT o.id INTO referenced FROM old_rows o WHERE EXISTS (SELECT 1 FROM subscriber s WHERE s.region_id = o.id) LIMIT 1;
        ELSE
          SELECT o.id INTO referenced FROM old_rows o
           WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)
             AND EXISTS (SELECT 1 FROM subscriber s WHERE s.region_id = o.id) LIMIT 1;
        END IF;
        IF FOUND THEN
          RAISE EXCEPTION ${STILL_REFERENCED}
            USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (id)=(%s) is still referenced from table "subscriber".', referenced),
                  SCHEMA = current_schema(), TABLE = 'subscriber', CONSTRAINT = 'subscriber_region_id_fkey';
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`CREATE TRIGGER region_subscribers_del AFTER DELETE ON region REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION region_subscribers_check()`);
    await q.query(`CREATE TRIGGER region_subscribers_upd AFTER UPDATE ON region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION region_subscribers_check()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER region_subscribers_upd ON region`);
    await q.query(`DROP TRIGGER region_subscribers_del ON region`);
    await q.query(`DROP TRIGGER subscriber_region_upd ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_region_ins ON subscriber`);
    await q.query(`DROP FUNCTION region_subscribers_check(), subscriber_region_check()`);
    await q.query(`ALTER TABLE subscriber ALTER CONSTRAINT subscriber_region_id_fkey ENFORCED`);
  }
}
