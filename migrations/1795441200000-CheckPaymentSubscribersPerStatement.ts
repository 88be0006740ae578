import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check function with its lookup of a missing subscriber (`find`, which sets `missing`) and the condition that
 * one was found (`found`): the rest (the locks outside read committed, the error) is the same before and after.
 */
export const checkFunction = (find: string, found: string) => `
      CREATE OR REPLACE FUNCTION payment_subscriber_check() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE
        missing uuid;
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          PERFORM 1 FROM subscriber s WHERE s.id IN (SELECT n.subscriber_id FROM new_rows n) FOR KEY SHARE OF s;
        END IF;
        ${find}
        IF ${found} THEN
          RAISE EXCEPTION 'insert or update on table "payment" violates foreign key constraint "payment_subscriber_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (subscriber_id)=(%s) is not present in table "subscriber".', missing),
                  SCHEMA = current_schema(), TABLE = 'payment', CONSTRAINT = 'payment_subscriber_id_fkey';
        END IF;
        RETURN NULL;
      END $f$`;

/** This migration's check: a static anti-join with LIMIT 1 (PlanPaymentSubscriberCheckPerStatement plans it per statement). */
export const LIMIT_ONE_CHECK = checkFunction(
  `SELECT n.subscriber_id INTO missing FROM new_rows n
         WHERE NOT EXISTS (SELECT 1 FROM subscriber s WHERE s.id = n.subscriber_id) LIMIT 1;`,
  'FOUND',
);

/**
 * A payment's subscriber checked once per statement, not once per row.
 *
 * The foreign key payment → subscriber ran one query and took one FOR KEY SHARE row lock (a write-ahead record and
 * a dirtied subscriber page) per inserted payment: a million payments, a million of each. The constraint stays in
 * the schema, NOT ENFORCED, and statement-level triggers keep what it kept:
 * - every statement that writes payments checks its rows' subscribers by one anti-join (foreign_key_violation,
 *   the constraint's name, as before);
 * - a statement that deletes subscribers first takes SHARE ROW EXCLUSIVE on payment, which waits for every
 *   transaction writing payments to end and keeps new ones out until it commits, then deletes their payments
 *   (the ON DELETE CASCADE). So a subscriber the check saw cannot be deleted before the payment's transaction
 *   commits, without a row lock. Subscribers are never deleted by the application (only by tests); their id
 *   never changes (refused).
 * - Outside READ COMMITTED a statement's snapshot can predate a deletion committed before its lock: there the
 *   check locks the subscribers FOR KEY SHARE as the foreign key did.
 */
export class CheckPaymentSubscribersPerStatement1795441200000 implements MigrationInterface {
  name = 'CheckPaymentSubscribersPerStatement1795441200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment ALTER CONSTRAINT payment_subscriber_id_fkey NOT ENFORCED`);
    await q.query(LIMIT_ONE_CHECK);
    await q.query(`CREATE TRIGGER payment_subscriber_ins AFTER INSERT ON payment REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION payment_subscriber_check()`);
    await q.query(`CREATE TRIGGER payment_subscriber_upd AFTER UPDATE ON payment REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION payment_subscriber_check()`);
    await q.query(`
      CREATE FUNCTION subscriber_payments_lock() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        LOCK TABLE payment IN SHARE ROW EXCLUSIVE MODE;
        RETURN NULL;
      END $f$`);
    await q.query(`CREATE TRIGGER subscriber_payments_lock BEFORE DELETE OR TRUNCATE ON subscriber FOR EACH STATEMENT EXECUTE FUNCTION subscriber_payments_lock()`);
    await q.query(`
      CREATE FUNCTION subscriber_payments_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        DELETE FROM payment p USING old_rows o WHERE p.subscriber_id = o.id;
        RETURN NULL;
      END $f$`);
    await q.query(`CREATE TRIGGER subscriber_payments_delete AFTER DELETE ON subscriber REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_payments_delete()`);
    await q.query(`
      CREATE FUNCTION subscriber_id_unchanged() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION 'a subscriber’s id does not change' USING ERRCODE = 'foreign_key_violation';
      END $f$`);
    await q.query(`CREATE TRIGGER subscriber_id_unchanged BEFORE UPDATE OF id ON subscriber FOR EACH ROW
                   WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION subscriber_id_unchanged()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER subscriber_id_unchanged ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_payments_delete ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_payments_lock ON subscriber`);
    await q.query(`DROP TRIGGER payment_subscriber_upd ON payment`);
    await q.query(`DROP TRIGGER payment_subscriber_ins ON payment`);
    await q.query(`DROP FUNCTION subscriber_id_unchanged(), subscriber_payments_delete(), subscriber_payments_lock(), payment_subscriber_check()`);
    await q.query(`ALTER TABLE payment ALTER CONSTRAINT payment_subscriber_id_fkey ENFORCED`);
  }
}
