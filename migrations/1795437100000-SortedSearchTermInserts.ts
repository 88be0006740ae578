import { MigrationInterface, QueryRunner } from 'typeorm';
import { CheaperSearchTermInserts1795429000000 } from './1795429000000-CheaperSearchTermInserts';

/**
 * A subscriber's search terms (AddSubscriberSearchTerms, FoldSearchTermsOnce, CheaperSearchTermInserts), the same
 * terms, written in the primary key's order.
 *
 * The statement trigger of a subscriber INSERT wrote each subscriber's terms in the order its rows came, each made
 * distinct by a hash aggregate of its own (a rescan per subscriber): the primary key (term, account_number) took
 * them at random places, page after page split and dirtied again. Now every writer's statement (an import of a
 * million rows as much as the desk's one subscriber) makes its terms distinct and sorted by the key in one sort,
 * and the index takes them in order, each leaf page filled once. The same sorted statement refills the table in
 * the set-based rebuild (whose primary key is built afterwards, so its terms must be distinct) and the update
 * branch's insert; the one-subscriber function `subscriber_search_terms` makes its own distinct. The functions that
 * write them plan without hash aggregation: the planner takes a subscriber's terms for thousands of rows (a set
 * function's default estimate) and would hash tens of millions of groups in batches spilled to disk before sorting
 * them; one sort with its unique step is what is needed.
 *
 * Measured: see docs/scaling.md, "Imports".
 */
export const rawTermsOf = (source: string) => `
  SELECT s.account_number, t.term
    FROM ${source} s
    CROSS JOIN LATERAL (
      SELECT search_fold(s.account_number) AS account, string_to_array(search_fold(s.full_name), ' ') AS name,
             ARRAY(SELECT fp FROM (SELECT search_fold(p) AS fp FROM unnest(string_to_array(s.address, ',')) p OFFSET 0) fpart
                    WHERE fp <> '') AS parts
      OFFSET 0) f
    CROSS JOIN LATERAL (
      SELECT f.account AS term
      UNION ALL SELECT regexp_replace(s.account_number, '[^0-9]', '', 'g')
      UNION ALL SELECT '#' || reverse(regexp_replace(s.phone, '[^0-9]', '', 'g'))
      UNION ALL SELECT array_to_string(f.name[i:] || f.name[:i - 1], ' ') FROM generate_subscripts(f.name, 1) i
      UNION ALL SELECT array_to_string(pw.w[i:], ' ')
                  FROM (SELECT string_to_array(fp, ' ') AS w FROM unnest(f.parts) fp OFFSET 0) pw, generate_subscripts(pw.w, 1) i
                 WHERE pw.w[i] !~ '^[0-9]+$'
      UNION ALL SELECT array_to_string(f.parts, ' ')
    ) t
   WHERE t.term NOT IN ('', '#')`;

/** The terms of `source`'s subscribers, each once, in the primary key's order (term in "C", then account number). */
export const sortedTermsOf = (source: string) => `
  SELECT DISTINCT t.term COLLATE "C" AS term, t.account_number FROM (${rawTermsOf(source)}) t ORDER BY 1, 2`;

const CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;

export class SortedSearchTermInserts1795437100000 implements MigrationInterface {
  name = 'SortedSearchTermInserts1795437100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        SELECT array(SELECT DISTINCT term FROM (${rawTermsOf('(SELECT account AS account_number, full_name, phone, address)')}) x)
      $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql SET enable_hashagg = off AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO subscriber_search_term (term, account_number) ${sortedTermsOf('new_rows')};
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
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_subscriber_search_terms() RETURNS void LANGUAGE plpgsql SET enable_hashagg = off AS $fn$
      BEGIN
        LOCK TABLE subscriber IN SHARE MODE;
        TRUNCATE subscriber_search_term;
        ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
        INSERT INTO subscriber_search_term (term, account_number) ${sortedTermsOf('subscriber')};
        ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await new CheaperSearchTermInserts1795429000000().up(q);
  }
}
