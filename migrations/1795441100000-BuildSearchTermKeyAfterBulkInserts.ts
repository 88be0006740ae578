import { MigrationInterface, QueryRunner } from 'typeorm';
import { rawTermsOf, SortedSearchTermInserts1795437100000, sortedTermsOf } from './1795437100000-SortedSearchTermInserts';

/**
 * A statement that brings at least as many subscribers as there were (a base's first import, the benchmark's
 * million) writes its search terms without the primary key and builds the key afresh afterwards, in its
 * transaction, as the set-based rebuild does: one sort of every term and each index page written once, full,
 * instead of millions of insertions into the index (each a descent, a write-ahead record, pages split half
 * full as the sorted terms arrive between the ones there). Under the table's ACCESS EXCLUSIVE lock, which the
 * dropped key needs: a search waits for that import to commit. Any other statement (the desk's one subscriber,
 * an import of new subscribers into a larger base) inserts as before.
 *
 * Measured: see docs/scaling.md, "Imports".
 */
const BULK_ROWS = 10_000;
const CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;

export class BuildSearchTermKeyAfterBulkInserts1795441100000 implements MigrationInterface {
  name = 'BuildSearchTermKeyAfterBulkInserts1795441100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql SET enable_hashagg = off AS $f$
      DECLARE
        added bigint;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT count(*) INTO added FROM new_rows;
          -- reltuples: the subscribers at the last analysis (-1 before any), without this statement's.
          IF added >= ${BULK_ROWS} AND added >= (SELECT reltuples FROM pg_class WHERE oid = 'subscriber'::regclass) THEN
            ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
            INSERT INTO subscriber_search_term (term, account_number) ${sortedTermsOf('new_rows')};
            ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
          ELSE
            INSERT INTO subscriber_search_term (term, account_number) ${sortedTermsOf('new_rows')};
          END IF;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (${rawTermsOf('old_rows')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSIF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED}) > 0 THEN
          -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
          DELETE FROM subscriber_search_term x
           USING (WITH c AS MATERIALIZED (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED})
                  ${rawTermsOf('c')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          WITH c AS MATERIALIZED (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id ${CHANGED})
          ${sortedTermsOf('c')}
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await new SortedSearchTermInserts1795437100000().up(q);
  }
}
