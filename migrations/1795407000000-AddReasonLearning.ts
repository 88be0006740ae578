import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reason suggestions learn from the operators (docs/methodology.md, "Reason suggestions"):
 *  - reason_example: the words a subscriber stated with the code the operator chose, one row per resolved
 *    request. Statement-level triggers on disconnect_request write it inside the resolving transaction,
 *    whoever writes (the API, the demo generator's COPY, an import); a reason changed later overwrites it.
 *    Existing resolved requests are copied in.
 *  - reason_model: the versions of the model learnt from them (naive Bayes as JSON), with what the manager
 *    sees before switching: accuracy on the held-back history and on the evaluation set, against the rules
 *    alone. At most one version is active; none means the synonym table alone.
 */
const EXAMPLE_ROWS = (src: string) => `
  SELECT n.id, btrim(n.stated_reason), n.reason_code, COALESCE(n.resolved_at, app_now())
    FROM ${src} n
   WHERE n.status = 'resolved' AND n.reason_code IS NOT NULL AND btrim(n.stated_reason) <> ''`;

export const UPSERT = (src: string) => `
  INSERT INTO reason_example AS e (request_id, stated_reason, reason_code, resolved_at) ${EXAMPLE_ROWS(src)}
  ON CONFLICT (request_id) DO UPDATE SET stated_reason = EXCLUDED.stated_reason, reason_code = EXCLUDED.reason_code,
     seq = nextval('reason_example_seq_seq')
   WHERE (e.stated_reason, e.reason_code) IS DISTINCT FROM (EXCLUDED.stated_reason, EXCLUDED.reason_code)`;

export class AddReasonLearning1795407000000 implements MigrationInterface {
  name = 'AddReasonLearning1795407000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reason_example (
        request_id uuid PRIMARY KEY REFERENCES disconnect_request(id) ON DELETE CASCADE,
        stated_reason text NOT NULL,
        reason_code varchar(48) NOT NULL,
        resolved_at timestamptz NOT NULL,
        seq bigserial NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_reason_example_seq ON reason_example (seq)`);
    await q.query(`
      CREATE TABLE reason_model (
        id serial PRIMARY KEY,
        version integer NOT NULL CONSTRAINT uq_reason_model_version UNIQUE,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'training', 'ready', 'failed')),
        cause varchar(16) NOT NULL CHECK (cause IN ('nightly', 'manual', 'resolutions')),
        requested_by uuid REFERENCES app_user(id),
        requested_at timestamptz NOT NULL DEFAULT app_now(),
        finished_at timestamptz,
        trained_through bigint,
        examples integer,
        held_out integer,
        weight numeric(4,3),
        metrics jsonb,
        model jsonb,
        error text,
        active boolean NOT NULL DEFAULT false,
        activated_at timestamptz,
        activated_by uuid REFERENCES app_user(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_reason_model_active ON reason_model (active) WHERE active`);
    await q.query(`
      CREATE FUNCTION reason_example_from_requests() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${UPSERT('new_rows')};
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER trg_reason_example_insert AFTER INSERT ON disconnect_request
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reason_example_from_requests()`);
    await q.query(`
      CREATE TRIGGER trg_reason_example_update AFTER UPDATE ON disconnect_request
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reason_example_from_requests()`);
    await q.query(UPSERT('disconnect_request'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS trg_reason_example_update ON disconnect_request`);
    await q.query(`DROP TRIGGER IF EXISTS trg_reason_example_insert ON disconnect_request`);
    await q.query(`DROP FUNCTION IF EXISTS reason_example_from_requests()`);
    await q.query(`DROP TABLE IF EXISTS reason_model`);
    await q.query(`DROP TABLE IF EXISTS reason_example`);
  }
}
