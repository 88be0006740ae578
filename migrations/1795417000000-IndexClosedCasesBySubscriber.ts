import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NPS per reason finds, for each answer, the subscriber's latest hidden-churn case closed by the day of the
 * answer: an index on the closed cases by subscriber keeps that one lookup per answer.
 */
export class IndexClosedCasesBySubscriber1795417000000 implements MigrationInterface {
  name = 'IndexClosedCasesBySubscriber1795417000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_hidden_churn_case_subscriber_closed ON hidden_churn_case (subscriber_id, closed_on) WHERE closed_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_hidden_churn_case_subscriber_closed`);
  }
}
