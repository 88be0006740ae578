import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_clock_timestamp()`: the application clock's instant at the moment it is called, as PostgreSQL's
 * `clock_timestamp()` is to `now()`. `app_now()` (migration AddAppClock) is the start of the current
 * transaction, so a time written at the end of a long transaction with it is the time the transaction began:
 * a hidden-churn scan (one transaction) recorded its finish as the instant its transaction opened, and
 * every scan seemed to take a few milliseconds. Defined through `app_now()`, so both share the one offset.
 */
export class AddAppClockTimestamp1795423100000 implements MigrationInterface {
  name = 'AddAppClockTimestamp1795423100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT app_now() + (clock_timestamp() - now())
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_clock_timestamp()`);
  }
}
