import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a subscriber who left went, recorded for every reason (docs/methodology.md, "Where they
 * went"): a competitor (named in competitor_id, or not known which), unknown, or nowhere. Until now
 * only the reasons that imply a competitor could name one, so a subscriber who left for slow speed or
 * "moving out of the coverage area" never reached the churn-to-competitor report. The request keeps
 * the destination and each churn fact copies it; earlier losses get what was known then: a
 * competitor when one was named or the reason meant one, else unknown.
 */
export class AddChurnDestination1795400400000 implements MigrationInterface {
  name = 'AddChurnDestination1795400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE disconnect_request ADD COLUMN destination varchar(16)
        CONSTRAINT ck_request_destination CHECK (destination IN ('competitor', 'unknown', 'none'))`);
    await q.query(`
      UPDATE disconnect_request d
         SET destination = CASE WHEN d.competitor_id IS NOT NULL OR cr.implies_competitor THEN 'competitor' ELSE 'unknown' END
        FROM churn_reason cr
       WHERE cr.version_id = d.reason_version_id AND cr.code = d.reason_code
         AND d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained')`);
    await q.query(`
      ALTER TABLE churn_fact ADD COLUMN destination varchar(16) NOT NULL DEFAULT 'unknown'
        CONSTRAINT ck_churn_fact_destination CHECK (destination IN ('competitor', 'unknown', 'none'))`);
    await q.query(`
      UPDATE churn_fact SET destination = 'competitor' WHERE competitor_id IS NOT NULL OR implies_competitor`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE churn_fact DROP COLUMN IF EXISTS destination`);
    await q.query(`ALTER TABLE disconnect_request DROP COLUMN IF EXISTS destination`);
  }
}
