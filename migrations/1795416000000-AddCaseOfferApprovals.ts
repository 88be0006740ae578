import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An offer above the operator's authority asked on a hidden-churn case goes to the managers' one approvals list, as one
 * asked on a disconnect request does: an approval belongs to a request or to a case (exactly one), with one open
 * (pending or approved) approval per case and offer, as per request and offer.
 */
export class AddCaseOfferApprovals1795416000000 implements MigrationInterface {
  name = 'AddCaseOfferApprovals1795416000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offer_approval ALTER COLUMN request_id DROP NOT NULL`);
    await q.query(`ALTER TABLE offer_approval ADD COLUMN case_id uuid REFERENCES hidden_churn_case(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE offer_approval ADD CONSTRAINT ck_offer_approval_subject CHECK ((request_id IS NULL) <> (case_id IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX uq_offer_approval_case_open ON offer_approval (case_id, offer_code) WHERE status IN ('pending', 'approved')`);
    // The case's audit trail records them: approval_requested, approval_approved, approval_rejected.
    await q.query(`ALTER TABLE hidden_churn_case_event ALTER COLUMN action TYPE varchar(32)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM hidden_churn_case_event WHERE action LIKE 'approval_%'`);
    await q.query(`ALTER TABLE hidden_churn_case_event ALTER COLUMN action TYPE varchar(16)`);
    await q.query(`DELETE FROM offer_approval WHERE case_id IS NOT NULL`);
    await q.query(`DROP INDEX uq_offer_approval_case_open`);
    await q.query(`ALTER TABLE offer_approval DROP CONSTRAINT ck_offer_approval_subject`);
    await q.query(`ALTER TABLE offer_approval DROP COLUMN case_id`);
    await q.query(`ALTER TABLE offer_approval ALTER COLUMN request_id SET NOT NULL`);
  }
}
