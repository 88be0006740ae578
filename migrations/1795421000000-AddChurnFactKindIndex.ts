import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every report reads churn facts of one kind of ending over a period (voluntary churn, and beside it
 * non-payment endings and technical closures, which are few). Through the index on resolved_at alone, the
 * few of one kind were found by reading every fact of the period; by kind first, a report reads only
 * its own kind's.
 */
export class AddChurnFactKindIndex1795421000000 implements MigrationInterface {
  name = 'AddChurnFactKindIndex1795421000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_churn_fact_kind_resolved ON churn_fact (kind, resolved_at)`);
    await q.query(`ANALYZE churn_fact`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_churn_fact_kind_resolved`);
  }
}
