import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report archive: the monthly churn-to-competitor report as it was produced (on the 1st of each month for the
 * month before, or on an administrator's request), one row per month, with whom it was e-mailed to; and the
 * e-mail address of a user (executives with one receive the report).
 */
export class AddCompetitorReportArchive1795411000000 implements MigrationInterface {
  name = 'AddCompetitorReportArchive1795411000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN email varchar(254)`);
    await q.query(`
      CREATE TABLE competitor_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        month date NOT NULL UNIQUE CHECK (extract(day FROM month) = 1),
        status varchar(16) NOT NULL CHECK (status IN ('queued','running','ready','failed')),
        trigger varchar(16) NOT NULL CHECK (trigger IN ('schedule','manual')),
        requested_by uuid REFERENCES app_user(id),
        report jsonb,
        generated_at timestamptz,
        mailed_to text[] NOT NULL DEFAULT '{}',
        mailed_at timestamptz,
        mail_error text,
        error text,
        created_at timestamptz NOT NULL DEFAULT app_now(),
        CHECK ((status = 'ready') = (report IS NOT NULL AND generated_at IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE competitor_report`);
    await q.query(`ALTER TABLE app_user DROP COLUMN email`);
  }
}
