import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application's clock in SQL. `app_now()` is now() shifted by the session setting
 * `app.clock_offset_ms` (set by the API from CLOCK_OFFSET_MS; unset means real time), and
 * `app_today()` is its UTC date, the same day the API's JS clock calls today. Every default of
 * now() and the save trigger's window read it, so that the API, its SQL and the test suites agree
 * on one date.
 */
export class AddAppClock1795398000000 implements MigrationInterface {
  name = 'AddAppClock1795398000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT now() + make_interval(secs => coalesce(nullif(current_setting('app.clock_offset_ms', true), ''), '0')::float8 / 1000)
      $$`);
    await q.query(`
      CREATE FUNCTION app_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT (app_now() AT TIME ZONE 'UTC')::date
      $$`);
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = current_schema() AND column_default = 'now()'
        LOOP
          EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT app_now()', c.table_name, c.column_name);
        END LOOP;
      END $$`);
    // The save trigger share-locks the subscribers of recent saves; "recent" is on the app's clock.
    await q.query(`
      DO $$
      BEGIN
        EXECUTE replace(pg_get_functiondef('rollup_request()'::regprocedure), 'now() - interval', 'app_now() - interval');
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        EXECUTE replace(pg_get_functiondef('rollup_request()'::regprocedure), 'app_now() - interval', 'now() - interval');
      END $$`);
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = current_schema() AND column_default = 'app_now()'
        LOOP
          EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT now()', c.table_name, c.column_name);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION app_today()`);
    await q.query(`DROP FUNCTION app_now()`);
  }
}
