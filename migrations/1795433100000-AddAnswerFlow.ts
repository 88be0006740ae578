import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * answer_flow: survey answers counted per kind (NPS, CSAT), month answered and score, kept like the other report
 * roll-ups by statement-level triggers on survey_answer inside every writing transaction, whoever writes (the
 * desk's exit survey, an import, a correction straight in the table), and recomputed by
 * rebuild_report_rollups() (so `cli rollups` checks it and a bulk load's rebuild_derived_data() fills it).
 *
 * NPS per operator's overall figure (every NPS answer of the period, credited or not) read all the period's
 * answers: 249,348 for a year at a million subscribers, four times what its per-person rows read. From here it
 * is at most 11 scores a month. The overall figure in one region still reads the answers with their
 * subscribers' region (a subscriber's region can change, and the answers follow it).
 */
const MONTH = (col: string) => `date_trunc('month', ${col}::timestamp)::date`;

/** Adds what the answers `src` count, times `k` (1 or -1). */
const upsert = (src: string, k: string) => `
  INSERT INTO answer_flow AS f (kind, month, score, answers)
  SELECT a.kind, ${MONTH('a.answered_on')}, a.score, ${k} * count(*) FROM ${src} a
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (kind, month, score) DO UPDATE SET answers = f.answers + excluded.answers`;

export class AddAnswerFlow1795433100000 implements MigrationInterface {
  name = 'AddAnswerFlow1795433100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE answer_flow (
        kind varchar(8) NOT NULL,
        month date NOT NULL,
        score smallint NOT NULL,
        answers integer NOT NULL DEFAULT 0,
        CONSTRAINT uq_answer_flow UNIQUE (kind, month, score)
      )`);
    await q.query(`
      CREATE FUNCTION rollup_survey_answer() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${upsert('old_rows', '-1')};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${upsert('new_rows', '1')};
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER rollup_survey_answer_insert AFTER INSERT ON survey_answer REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_survey_answer()`);
    await q.query(`CREATE TRIGGER rollup_survey_answer_update AFTER UPDATE ON survey_answer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_survey_answer()`);
    await q.query(`CREATE TRIGGER rollup_survey_answer_delete AFTER DELETE ON survey_answer REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_survey_answer()`);
    await q.query(`
      CREATE FUNCTION rebuild_answer_flow() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE survey_answer IN SHARE MODE;
        DELETE FROM answer_flow;
        ${upsert('survey_answer', '1')};
      END $fn$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
        PERFORM rebuild_answer_flow();
      END $fn$`);
    await q.query(`SELECT rebuild_answer_flow()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
      END $fn$`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS rollup_survey_answer_${t} ON survey_answer`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_answer_flow(), rollup_survey_answer()`);
    await q.query(`DROP TABLE IF EXISTS answer_flow`);
  }
}
