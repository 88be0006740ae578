import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscriber's search terms (migration AddSubscriberSearchTerms), each field folded once per row.
 *
 * The planner inlines `search_fold` (a SQL function) into the statement and then copies the inlined
 * expression wherever its result is used: into each branch's `x NOT IN ('', '#')` filter, into the
 * argument of `generate_subscripts` and again into every generated word's output and filter. The name
 * was folded five times per subscriber, each address part six to eight times. A subquery with `OFFSET 0`
 * is not pulled up, so the folded account, name and address (and each folded address part) are computed
 * there once per row and read above it as plain values.
 *
 * Same terms, same order of work, 4x less CPU: over 20,000 subscribers of the import benchmark's file,
 * 180,000 terms, the statement took 4.0 s instead of 16.2 s (load average 23 on the two-core machine;
 * EXCEPT both ways empty). Writing 200,000 subscribers spends most of its time here (the insert trigger).
 */
const termsOf = (source: string) => `
  SELECT s.account_number, t.term
    FROM ${source} s
    CROSS JOIN LATERAL (
      SELECT search_fold(s.account_number) AS account, regexp_split_to_array(search_fold(s.full_name), ' ') AS name,
             search_fold(s.address) AS address
      OFFSET 0) f
    CROSS JOIN LATERAL (
      SELECT DISTINCT x AS term FROM (
        SELECT f.account AS x
        UNION ALL SELECT regexp_replace(s.account_number, '[^0-9]', '', 'g')
        UNION ALL SELECT '#' || reverse(regexp_replace(s.phone, '[^0-9]', '', 'g'))
        UNION ALL SELECT array_to_string(f.name[i:] || f.name[:i - 1], ' ') FROM generate_subscripts(f.name, 1) i
        UNION ALL SELECT array_to_string(pw.w[i:], ' ')
                    FROM (SELECT regexp_split_to_array(fp, ' ') AS w
                            FROM (SELECT search_fold(p) AS fp FROM unnest(string_to_array(s.address, ',')) p OFFSET 0) fpart
                           WHERE fp <> '' OFFSET 0) pw, generate_subscripts(pw.w, 1) i
                   WHERE pw.w[i] !~ '^[0-9]+$'
        UNION ALL SELECT f.address
      ) u WHERE x NOT IN ('', '#')
    ) t`;

/** The statement as AddSubscriberSearchTerms wrote it (for down). */
const previousTermsOf = (source: string) => `
  SELECT s.account_number, t.term
    FROM ${source} s
    CROSS JOIN LATERAL (
      SELECT DISTINCT x AS term FROM (
        SELECT search_fold(s.account_number) AS x
        UNION ALL SELECT regexp_replace(s.account_number, '[^0-9]', '', 'g')
        UNION ALL SELECT '#' || reverse(regexp_replace(s.phone, '[^0-9]', '', 'g'))
        UNION ALL SELECT array_to_string(n.w[i:] || n.w[:i - 1], ' ')
                    FROM (SELECT regexp_split_to_array(search_fold(s.full_name), ' ') AS w) n, generate_subscripts(n.w, 1) i
        UNION ALL SELECT array_to_string(pw.w[i:], ' ')
                    FROM (SELECT regexp_split_to_array(fp, ' ') AS w
                            FROM (SELECT search_fold(p) AS fp FROM unnest(string_to_array(s.address, ',')) p) fpart
                           WHERE fp <> '') pw, generate_subscripts(pw.w, 1) i
                   WHERE pw.w[i] !~ '^[0-9]+$'
        UNION ALL SELECT search_fold(s.address)
      ) u WHERE x NOT IN ('', '#')
    ) t`;

const CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;

/**
 * The one-row function, the statement triggers and the set-based rebuild (AddDerivedDataRebuild), all over
 * `terms`. The UPDATE branch is AddDerivedDataRebuild's: the rows whose searched fields changed, materialised
 * first, their terms deleted and inserted by the whole primary key.
 */
const define = (terms: (source: string) => string) => [
  `CREATE OR REPLACE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
   RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
     SELECT array(SELECT term FROM (${terms('(SELECT account AS account_number, full_name, phone, address)')}) x)
   $f$`,
  `CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql AS $f$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       INSERT INTO subscriber_search_term (term, account_number)
       SELECT term, account_number FROM (${terms('new_rows')}) x
       ON CONFLICT DO NOTHING;
     ELSIF TG_OP = 'DELETE' THEN
       DELETE FROM subscriber_search_term x
        USING (${terms('old_rows')}) g
        WHERE x.term = g.term AND x.account_number = g.account_number;
     ELSIF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED}) > 0 THEN
       -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
       DELETE FROM subscriber_search_term x
        USING (WITH c AS MATERIALIZED (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED})
               ${terms('c')}) g
        WHERE x.term = g.term AND x.account_number = g.account_number;
       INSERT INTO subscriber_search_term (term, account_number)
       SELECT term, account_number
         FROM (WITH c AS MATERIALIZED (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id ${CHANGED})
               ${terms('c')}) x
       ON CONFLICT DO NOTHING;
     END IF;
     RETURN NULL;
   END $f$`,
  `CREATE OR REPLACE FUNCTION rebuild_subscriber_search_terms() RETURNS void LANGUAGE plpgsql AS $fn$
   BEGIN
     LOCK TABLE subscriber IN SHARE MODE;
     TRUNCATE subscriber_search_term;
     ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
     INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM (${terms('subscriber')}) x;
     ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
   END $fn$`,
];

export class FoldSearchTermsOnce1795423000000 implements MigrationInterface {
  name = 'FoldSearchTermsOnce1795423000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of define(termsOf)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of define(previousTermsOf)) await q.query(sql);
  }
}
