import { MigrationInterface, QueryRunner } from 'typeorm';

/** The offer an operator gave when a hidden-churn case closed `returned` (an offer code of the catalogue). */
export class AddHiddenChurnCaseOffer1795409100000 implements MigrationInterface {
  name = 'AddHiddenChurnCaseOffer1795409100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hidden_churn_case ADD COLUMN offer_code varchar(48)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hidden_churn_case DROP COLUMN offer_code`);
  }
}
