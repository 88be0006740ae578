import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one open (pending or approved) approval per request and offer, enforced by a partial
 * unique index that the ask inserts against with ON CONFLICT: concurrent asks for the same offer
 * create one approval. Duplicates that concurrent asks left before are removed first, keeping per
 * request and offer the approved one (the earliest, if several), else the earliest asked; every
 * ask and decision stays in the request's audit trail (request_event).
 */
export class AddOneOpenApprovalPerOffer1795399310000 implements MigrationInterface {
  name = 'AddOneOpenApprovalPerOffer1795399310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM offer_approval a
       USING (SELECT id, row_number() OVER (PARTITION BY request_id, offer_code
                                            ORDER BY status = 'approved' DESC, requested_at, id) AS n
                FROM offer_approval WHERE status IN ('pending', 'approved')) d
       WHERE a.id = d.id AND d.n > 1`);
    await q.query(`CREATE UNIQUE INDEX uq_offer_approval_open ON offer_approval (request_id, offer_code) WHERE status IN ('pending', 'approved')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_offer_approval_open`);
  }
}
