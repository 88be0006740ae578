import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subscriber's region on each request, as it was when the request was made: reports group by
 * region without joining a million subscribers, and a later move does not rewrite history.
 * Also an index for NPS over a period.
 */
export class AddRequestRegion1795395000000 implements MigrationInterface {
  name = 'AddRequestRegion1795395000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE disconnect_request ADD COLUMN region_id uuid REFERENCES region(id)`);
    await q.query(`UPDATE disconnect_request d SET region_id = s.region_id FROM subscriber s WHERE s.id = d.subscriber_id`);
    await q.query(`CREATE INDEX ix_survey_nps_period ON survey_answer (answered_on) INCLUDE (score, subscriber_id) WHERE kind = 'nps'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_survey_nps_period`);
    await q.query(`ALTER TABLE disconnect_request DROP COLUMN IF EXISTS region_id`);
  }
}
