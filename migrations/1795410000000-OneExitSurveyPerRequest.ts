import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's exit survey is asked once per request: at most one NPS and one CSAT answer name a
 * request, so a second submit (a double click, a reloaded desk) is refused instead of counted twice.
 */
export class OneExitSurveyPerRequest1795410000000 implements MigrationInterface {
  name = 'OneExitSurveyPerRequest1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_survey_answer_request_kind ON survey_answer (request_id, kind) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_survey_answer_request_kind`);
  }
}
