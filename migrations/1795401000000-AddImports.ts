import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports from billing: each run with what it read and found (import_run), the uploaded file kept in
 * chunks until a background job has read it (import_file_chunk), the mappings of billing's names to ours
 * that an administrator confirmed (import_mapping: regions, services, tariffs, competitors and the stated
 * reasons of historical disconnections), the history of balances (balance_snapshot; subscriber.balance
 * keeps the latest), and the natural key of an imported payment.
 */
export class AddImports1795401000000 implements MigrationInterface {
  name = 'AddImports1795401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CHECK (kind IN ('subscribers','subscriptions','payments','usage','balances','disconnections')),
        dry_run boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('queued','running','completed','rejected','failed')),
        source varchar(8) NOT NULL CHECK (source IN ('api','command')),
        file_bytes bigint NOT NULL DEFAULT 0,
        bytes_read bigint NOT NULL DEFAULT 0,
        columns jsonb NOT NULL DEFAULT '{}',
        encoding varchar(16),
        separator varchar(1),
        date_formats text[] NOT NULL DEFAULT '{}',
        decimal_separators text[] NOT NULL DEFAULT '{}',
        rows_read integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        unknown jsonb NOT NULL DEFAULT '[]',
        reasons jsonb NOT NULL DEFAULT '[]',
        failure text,
        job_id text,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT app_now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_import_run_created ON import_run (created_at DESC)`);
    await q.query(`
      CREATE TABLE import_file_chunk (
        import_id uuid NOT NULL REFERENCES import_run(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
    await q.query(`
      CREATE TABLE import_mapping (
        entity varchar(16) NOT NULL CHECK (entity IN ('region','service','tariff','competitor','reason')),
        source varchar(240) NOT NULL,
        target varchar(48) NOT NULL,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT app_now(),
        PRIMARY KEY (entity, source)
      )`);
    await q.query(`
      CREATE TABLE balance_snapshot (
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        as_of date NOT NULL,
        balance numeric(12,2) NOT NULL,
        PRIMARY KEY (subscriber_id, as_of)
      )`);
    await q.query(`ALTER TABLE payment ADD COLUMN import_key uuid`);
    await q.query(`CREATE UNIQUE INDEX uq_payment_import_key ON payment (import_key) WHERE import_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_payment_import_key`);
    await q.query(`ALTER TABLE payment DROP COLUMN IF EXISTS import_key`);
    for (const t of ['balance_snapshot', 'import_mapping', 'import_file_chunk', 'import_run']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
