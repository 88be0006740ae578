import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reason model version can be trained because the suggester's features changed (cause `upgrade`): word stems now
 * come from @orama/stemmers; a version trained on the old stems keeps working while active, but is not switched on
 * again, and the API trains one on the new stems at start-up.
 */
export class AddReasonModelUpgradeCause1795428000000 implements MigrationInterface {
  name = 'AddReasonModelUpgradeCause1795428000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reason_model DROP CONSTRAINT reason_model_cause_check`);
    await q.query(
      `ALTER TABLE reason_model ADD CONSTRAINT reason_model_cause_check CHECK (cause IN ('nightly', 'manual', 'resolutions', 'upgrade'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE reason_model SET cause = 'manual' WHERE cause = 'upgrade'`);
    await q.query(`ALTER TABLE reason_model DROP CONSTRAINT reason_model_cause_check`);
    await q.query(`ALTER TABLE reason_model ADD CONSTRAINT reason_model_cause_check CHECK (cause IN ('nightly', 'manual', 'resolutions'))`);
  }
}
