import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reason model version is versioned with the classifier: it records the classifier version it was trained with
 * (whose reasons, texts and synonyms are its seed, and whose codes it knows). Versions trained before keep none.
 */
export class AddReasonModelClassifierVersion1795420000000 implements MigrationInterface {
  name = 'AddReasonModelClassifierVersion1795420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reason_model ADD COLUMN classifier_version_id integer REFERENCES classifier_version(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reason_model DROP COLUMN classifier_version_id`);
  }
}
