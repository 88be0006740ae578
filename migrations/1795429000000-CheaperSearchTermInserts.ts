import { MigrationInterface, QueryRunner } from 'typeorm';
import { FoldSearchTermsOnce1795423000000 } from './1795423000000-FoldSearchTermsOnce';

/**
 * A subscriber's search terms (AddSubscriberSearchTerms, FoldSearchTermsOnce) written for less, the same terms.
 *
 * Measured on the import benchmark's 200,000 new subscribers (1,800,000 terms), where the insert trigger was
 * 77 % of the import: computing the terms took 36 s and inserting them 38 s (auto_explain, load average 10).
 *
 * - The whole address is no longer folded a second time: its fold is its comma-separated parts' folds,
 *   the empty ones left out, joined by a space (the fold turns each run of spaces and punctuation, the
 *   comma among them, into one space and trims; none of its replacements reaches across a comma), and
 *   the parts are folded anyway for their own terms. One fold of the longest field less per subscriber.
 * - A new subscriber's terms are inserted plainly, not with `ON CONFLICT DO NOTHING`: an account's terms
 *   exist only while its subscriber does (the delete and truncate triggers remove them, the account is
 *   unique, and a subscriber's terms are distinct), so a new account can meet none. The speculative
 *   insertion cost a third more backend CPU than a plain insert of the same 1.8 M rows (10.2-12.6 s
 *   against 6.8-7.6 s). The update branch keeps it (a renamed account may take another's old number in
 *   one statement).
 */
const termsOf = (source: string) => `
  SELECT s.account_number, t.term
    FROM ${source} s
    CROSS JOIN LATERAL (
      SELECT search_fold(s.account_number) AS account, regexp_split_to_array(search_fold(s.full_name), ' ') AS name,
             ARRAY(SELECT fp FROM (SELECT search_fold(p) AS fp FROM unnest(string_to_array(s.address, ',')) p OFFSET 0) fpart
                    WHERE fp <> '') AS parts
      OFFSET 0) f
    CROSS JOIN LATERAL (
      SELECT DISTINCT x AS term FROM (
        SELECT f.account AS x
        UNION ALL SELECT regexp_replace(s.account_number, '[^0-9]', '', 'g')
        UNION ALL SELECT '#' || reverse(regexp_replace(s.phone, '[^0-9]', '', 'g'))
        UNION ALL SELECT array_to_string(f.name[i:] || f.name[:i - 1], ' ') FROM generate_subscripts(f.name, 1) i
        UNION ALL SELECT array_to_string(pw.w[i:], ' ')
                    FROM (SELECT regexp_split_to_array(fp, ' ') AS w FROM unnest(f.parts) fp OFFSET 0) pw, generate_subscripts(pw.w, 1) i
                   WHERE pw.w[i] !~ '^[0-9]+$'
        UNION ALL SELECT array_to_string(f.parts, ' ')
      ) u WHERE x NOT IN ('', '#')
    ) t`;

const CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;

export class CheaperSearchTermInserts1795429000000 implements MigrationInterface {
  name = 'CheaperSearchTermInserts1795429000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        SELECT array(SELECT term FROM (${termsOf('(SELECT account AS account_number, full_name, phone, address)')}) x)
      $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number FROM (${termsOf('new_rows')}) x;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (${termsOf('old_rows')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSIF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED}) > 0 THEN
          -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
          DELETE FROM subscriber_search_term x
           USING (WITH c AS MATERIALIZED (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED})
                  ${termsOf('c')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number
            FROM (WITH c AS MATERIALIZED (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id ${CHANGED})
                  ${termsOf('c')}) x
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_subscriber_search_terms() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE subscriber IN SHARE MODE;
        TRUNCATE subscriber_search_term;
        ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
        INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM (${termsOf('subscriber')}) x;
        ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await new FoldSearchTermsOnce1795423000000().up(q);
  }
}
