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
    // Index-only reads for the base at a date, lifetimes of leavers, and MRR at a date
    // (MRR(D) = fees started before D - fees ended before D, since a subscription ends after it starts).
    await q.query(`DROP INDEX IF EXISTS ix_subscriber_disconnected`);
    await q.query(`CREATE INDEX ix_subscriber_disconnected ON subscriber (disconnected_on) INCLUDE (connected_on, region_id) WHERE disconnected_on IS NOT NULL`);
    await q.query(`CREATE INDEX ix_subscription_started_fee ON subscription (started_on) INCLUDE (monthly_fee, service_id)`);
    await q.query(`CREATE INDEX ix_subscription_ended_fee ON subscription (ended_on) INCLUDE (monthly_fee, service_id) WHERE ended_on IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS ix_subscription_started`);
    // Looking up a subscriber's dates by id without reading the wide row (saves, new-customer MRR).
    await q.query(`CREATE INDEX ix_subscriber_dates ON subscriber (id) INCLUDE (connected_on, disconnected_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_subscriber_dates`);
    await q.query(`DROP INDEX IF EXISTS ix_subscription_ended_fee`);
    await q.query(`DROP INDEX IF EXISTS ix_subscription_started_fee`);
    await q.query(`CREATE INDEX ix_subscription_started ON subscription (started_on)`);
    await q.query(`DROP INDEX IF EXISTS ix_subscriber_disconnected`);
    await q.query(`CREATE INDEX ix_subscriber_disconnected ON subscriber (disconnected_on) WHERE disconnected_on IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS ix_survey_nps_period`);
    await q.query(`ALTER TABLE disconnect_request DROP COLUMN IF EXISTS region_id`);
  }
}
