import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff record and correct a subscriber's temperament and activity segment from the card: each change is
 * audited here (who, when, from what to what, and why), written in the same transaction as the subscriber.
 */
export class AddSegmentChanges1795412100000 implements MigrationInterface {
  name = 'AddSegmentChanges1795412100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subscriber_segment_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        changed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT app_now(),
        temperament_from varchar(16) NOT NULL,
        temperament_to varchar(16) NOT NULL,
        activity_from varchar(16) NOT NULL,
        activity_to varchar(16) NOT NULL,
        note varchar(500) NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX ix_segment_change_subscriber ON subscriber_segment_change (subscriber_id, changed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subscriber_segment_change`);
  }
}
