import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan versus actual counts a period's voluntary churn facts per month and service, managed and unmanaged (and the
 * diagnosis the same two counts): at a million subscribers a year is 166,000 of churn_fact's 417,548 rows, which it
 * read by a scan of the whole table (9,907 pages; 123–135 ms of one process's time, or three processes' in
 * parallel). The index by kind and resolution time now carries the columns those counts read, so they come from the
 * index alone (1,419 pages; 50 ms of one process: docs/scaling.md, ninth round). Same key, so it replaces the index.
 */
export class CoverPlanActuals1795447300000 implements MigrationInterface {
  name = 'CoverPlanActuals1795447300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_churn_fact_kind_resolved`);
    await q.query(`CREATE INDEX ix_churn_fact_kind_resolved ON churn_fact (kind, resolved_at) INCLUDE (month, service, region, managed)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_churn_fact_kind_resolved`);
    await q.query(`CREATE INDEX ix_churn_fact_kind_resolved ON churn_fact (kind, resolved_at)`);
  }
}
