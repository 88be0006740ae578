import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Reason not found" (the catch-all, other_unknown) counts as managed churn (docs/methodology.md):
 * subscribers often do not tell the true reason, and an operator who does not find it must not turn
 * a managed loss into an unmanaged one. A classifier version is never rewritten, so a database whose
 * latest version has the catch-all unmanaged gets a new version with it managed (a database without
 * a classifier yet gets the shipped default, which has it managed, at its first start). The churn
 * facts of the catch-all are recounted as managed too: the rule is how churn is counted, not a
 * setting of the classifier version a request was classified with.
 */
export class CountReasonNotFoundAsManaged1795400200000 implements MigrationInterface {
  name = 'CountReasonNotFoundAsManaged1795400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH latest AS (SELECT max(id) AS id FROM classifier_version),
      added AS (
        INSERT INTO classifier_version (version, note)
        SELECT (SELECT max(version) + 1 FROM classifier_version), 'Reason not found (other_unknown) counts as managed churn'
         WHERE EXISTS (SELECT 1 FROM churn_reason r, latest WHERE r.version_id = latest.id AND r.code = 'other_unknown' AND NOT r.managed)
        RETURNING id)
      INSERT INTO churn_reason (version_id, code, sort_order, reason_group, managed, implies_competitor, threshold, content)
      SELECT added.id, r.code, r.sort_order, r.reason_group, r.managed OR r.code = 'other_unknown', r.implies_competitor, r.threshold, r.content
        FROM added, latest, churn_reason r
       WHERE r.version_id = latest.id`);
    await q.query(`UPDATE churn_fact SET managed = true WHERE reason_code = 'other_unknown' AND NOT managed`);
  }

  async down(): Promise<void> {
    // A classifier version, once written, stays: requests may already point at it.
  }
}
