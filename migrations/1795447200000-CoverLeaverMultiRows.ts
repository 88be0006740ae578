import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A count of distinct leavers (`leaverCountsSql`) takes off, for each subscriber with more than one leaver row, the
 * rows of theirs counted but one: it reads the period's multi rows of `leaver_row` through their partial index by
 * month, then each row from the table (at a million subscribers 31,154 rows on 6,269 pages for the key figures' two
 * years). The index now carries every column a count reads, so the rows come from the index alone: the key figures'
 * leavers 61–91 → 50–69 ms and churn by reason's statement 70–73 → 60–63 ms there (docs/scaling.md, eighth round).
 * Same key and condition, so it replaces the index rather than adding one; it holds the multi rows alone (35,180 of
 * 286,170, 6.3 MB).
 */
export class CoverLeaverMultiRows1795447200000 implements MigrationInterface {
  name = 'CoverLeaverMultiRows1795447200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leaver_row_multi`);
    await q.query(
      `CREATE INDEX ix_leaver_row_multi ON leaver_row (month)
         INCLUDE (subscriber_id, kind, region, reason_code, reason_group, managed, competitor_id, destination, is_new_subscriber, services, fees)
        WHERE multi`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leaver_row_multi`);
    await q.query(`CREATE INDEX ix_leaver_row_multi ON leaver_row (month) WHERE multi`);
  }
}
