import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offer an operator gave when a hidden-churn case closed `returned` (an offer code of the catalogue); and the
 * cases a scan opened found by the scan, for its `case.opened` events.
 */
export class AddHiddenChurnCaseOffer1795409100000 implements MigrationInterface {
  name = 'AddHiddenChurnCaseOffer1795409100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hidden_churn_case ADD COLUMN offer_code varchar(48)`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_first_scan ON hidden_churn_case (first_scan_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_hidden_churn_case_first_scan`);
    await q.query(`ALTER TABLE hidden_churn_case DROP COLUMN offer_code`);
  }
}
