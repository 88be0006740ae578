import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey answers imported from periodic surveys keep their natural key (account, day, kind) as a
 * hash, so that importing the same file again changes nothing; an import run may be of kind surveys.
 */
export class AddSurveyImportKey1795410100000 implements MigrationInterface {
  name = 'AddSurveyImportKey1795410100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_answer ADD COLUMN import_key uuid`);
    await q.query(`CREATE UNIQUE INDEX uq_survey_answer_import_key ON survey_answer (import_key) WHERE import_key IS NOT NULL`);
    await q.query(`ALTER TABLE import_run DROP CONSTRAINT import_run_kind_check`);
    await q.query(`ALTER TABLE import_run ADD CONSTRAINT import_run_kind_check
                     CHECK (kind IN ('subscribers','subscriptions','payments','usage','balances','disconnections','surveys'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM import_run WHERE kind = 'surveys'`);
    await q.query(`ALTER TABLE import_run DROP CONSTRAINT import_run_kind_check`);
    await q.query(`ALTER TABLE import_run ADD CONSTRAINT import_run_kind_check
                     CHECK (kind IN ('subscribers','subscriptions','payments','usage','balances','disconnections'))`);
    await q.query(`DROP INDEX IF EXISTS uq_survey_answer_import_key`);
    await q.query(`ALTER TABLE survey_answer DROP COLUMN IF EXISTS import_key`);
  }
}
