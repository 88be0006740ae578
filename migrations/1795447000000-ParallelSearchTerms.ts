import { MigrationInterface, QueryRunner } from 'typeorm';
import { BuildSearchTermKeyAfterBulkInserts1795441100000 } from './1795441100000-BuildSearchTermKeyAfterBulkInserts';
import { SortedSearchTermInserts1795437100000 } from './1795437100000-SortedSearchTermInserts';

/**
 * A subscriber's search terms (the same terms as SortedSearchTermInserts wrote), computed by statements that
 * PostgreSQL can run in parallel workers, and, for a statement of many subscribers, computed on both cores.
 *
 * The terms were one lateral subquery per subscriber whose address parts were folded by a correlated
 * `ARRAY(SELECT ...)`; a statement holding such a subquery never runs in a parallel worker, so a million new
 * subscribers' nine million terms were computed and sorted in one process (47 s of a million-row import's 75 s
 * merge). Now:
 *
 * - the address's parts are folded in one call: the commas become a separator the fold leaves alone (U+0001, a
 *   control character: neither a letter, a space nor punctuation, and no word character, so `\mie` still sees a
 *   part's start), the whole address is folded once and split at the separators, each part trimmed of the
 *   one space the fold can leave beside it. The parts come out as folding each part did (compared in
 *   test/api/search-terms.spec.ts over generated Latin and Cyrillic addresses with empty, punctuation-only and
 *   numeric parts). An address holding U+0001 itself is split there too: the migration rewrites the terms of
 *   any such subscriber, so the terms held are always the definition's;
 * - the terms are a `UNION ALL` of plain scans of the folded rows, each kind of term a branch (set-returning
 *   functions joined laterally, which parallel workers run);
 * - a statement of at least `WORK_ROWS` subscribers copies their searched columns into an unlogged table of
 *   its transaction (a transition table is never read in parallel), folds them, lists their terms and makes
 *   them distinct in order, each step a `CREATE TABLE AS` over the step before (PostgreSQL runs `CREATE TABLE
 *   AS` in parallel, never `INSERT ... SELECT`), then inserts them; the work tables are dropped before the
 *   statement ends. Their names carry the backend's process id, so two sessions never meet on them. The
 *   statements plan with a low cost per row passed from a worker, as the imports' work tables do.
 * - a smaller statement (the desk's one subscriber) computes the same terms from a CTE, in one process.
 *
 * The set-based rebuild uses the same work tables, read from `subscriber` itself. The key is still built
 * afresh after a statement that brings at least as many subscribers as there were (BuildSearchTermKeyAfterBulkInserts).
 *
 * Measured: see docs/scaling.md, "Imports".
 */
const WORK_ROWS = 10_000;
/** Folds the address's parts in one call: the separator the commas become, and the split with its trims. */
const SEP = `E'\\x01'`;
const SPLIT = `E' ?\\x01 ?'`;

/** Each subscriber of `source` folded once: the account, the name's words, the address's parts. */
export const foldsOf = (source: string) => `
  SELECT account_number, phone, search_fold(account_number) AS account, string_to_array(search_fold(full_name), ' ') AS name,
         array_remove(regexp_split_to_array(search_fold(replace(address, ',', ${SEP})), ${SPLIT}), '') AS parts
    FROM ${source}`;

/**
 * The terms of folded subscribers `f` (foldsOf's columns): the folded account, its digits, the phone's digits
 * reversed behind '#', every rotation of the name's words, every suffix of an address part's words that does
 * not start with a number, and the whole address; never an empty term.
 */
export const termsOfFolds = (f: string) => `
  SELECT account_number, term FROM (
    SELECT account_number, account AS term FROM ${f}
    UNION ALL SELECT account_number, regexp_replace(account_number, '[^0-9]', '', 'g') FROM ${f}
    UNION ALL SELECT account_number, '#' || reverse(regexp_replace(phone, '[^0-9]', '', 'g')) FROM ${f}
    UNION ALL SELECT account_number, array_to_string(name[i:] || name[:i - 1], ' ') FROM ${f}, generate_subscripts(name, 1) i
    UNION ALL SELECT account_number, array_to_string(w[i:], ' ')
                FROM ${f}, unnest(parts) p, string_to_array(p, ' ') w, generate_subscripts(w, 1) i
               WHERE w[i] !~ '^[0-9]+$'
    UNION ALL SELECT account_number, array_to_string(parts, ' ') FROM ${f}
  ) t
   WHERE term NOT IN ('', '#')`;

/** The terms of `source`'s subscribers (account_number, full_name, phone, address), in one statement. */
export const rawTermsOf = (source: string) => `WITH f AS MATERIALIZED (${foldsOf(source)}) ${termsOfFolds('f')}`;

/** The terms of `source`'s subscribers, each once, in the primary key's order (term in "C", then account number). */
const sortedTermsOf = (source: string) => `
  SELECT DISTINCT t.term COLLATE "C" AS term, t.account_number FROM (${rawTermsOf(source)}) t ORDER BY 1, 2`;

const CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;
/** Settings of the function that computes many terms: no hash of millions of groups, workers' rows passed cheaply. */
const PLANNING = `SET enable_hashagg = off SET parallel_tuple_cost = 0.001 SET parallel_setup_cost = 10`;

/** Rewrites the terms of the subscribers whose address holds the separator, by the definition now in place. */
async function rewriteSeparatorAddresses(q: QueryRunner): Promise<void> {
  const held = `SELECT account_number, full_name, phone, address FROM subscriber WHERE strpos(address, ${SEP}) > 0`;
  await q.query(`DELETE FROM subscriber_search_term x USING (${held}) s WHERE x.account_number = s.account_number`);
  await q.query(`
    INSERT INTO subscriber_search_term (term, account_number)
    SELECT t, s.account_number FROM (${held}) s, unnest(subscriber_search_terms(s.account_number, s.full_name, s.phone, s.address)) t`);
}

export class ParallelSearchTerms1795447000000 implements MigrationInterface {
  name = 'ParallelSearchTerms1795447000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        SELECT array(SELECT DISTINCT term FROM (${rawTermsOf('(SELECT account AS account_number, full_name, phone, address) s')}) x)
      $f$`);
    // The distinct terms of the subscribers in table `source`, in a new unlogged table of the transaction (its
    // name returned; the caller drops it), computed by CREATE TABLE AS statements that run in parallel.
    await q.query(`
      CREATE OR REPLACE FUNCTION search_terms_table(source text) RETURNS text LANGUAGE plpgsql ${PLANNING} AS $f$
      DECLARE
        folds text := 'search_term_folds_' || pg_backend_pid();
        raw text := 'search_term_raw_' || pg_backend_pid();
        terms text := 'search_term_new_' || pg_backend_pid();
      BEGIN
        EXECUTE format($q$CREATE UNLOGGED TABLE %1$I AS ${foldsOf('%2$I')}$q$, folds, source);
        EXECUTE format('ANALYZE %I', folds);
        EXECUTE format($q$CREATE UNLOGGED TABLE %1$I AS ${termsOfFolds('%2$I')}$q$, raw, folds);
        EXECUTE format($q$CREATE UNLOGGED TABLE %1$I AS SELECT DISTINCT term COLLATE "C" AS term, account_number FROM %2$I ORDER BY 1, 2$q$, terms, raw);
        EXECUTE format('DROP TABLE %I, %I', folds, raw);
        RETURN terms;
      END $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql SET enable_hashagg = off AS $f$
      DECLARE
        added bigint;
        copied text := 'search_term_rows_' || pg_backend_pid();
        terms text;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT count(*) INTO added FROM new_rows;
          IF added < ${WORK_ROWS} THEN
            INSERT INTO subscriber_search_term (term, account_number) ${sortedTermsOf('new_rows')};
            RETURN NULL;
          END IF;
          EXECUTE format('CREATE UNLOGGED TABLE %I AS SELECT account_number, full_name, phone, address FROM new_rows', copied);
          EXECUTE format('ANALYZE %I', copied);
          terms := search_terms_table(copied);
          -- reltuples: the subscribers at the last analysis (-1 before any), without this statement's.
          IF added >= (SELECT reltuples FROM pg_class WHERE oid = 'subscriber'::regclass) THEN
            ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
            EXECUTE format('INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM %I', terms);
            ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
          ELSE
            EXECUTE format('INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM %I ORDER BY 1, 2', terms);
          END IF;
          EXECUTE format('DROP TABLE %I, %I', copied, terms);
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (${rawTermsOf('old_rows')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSIF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED}) > 0 THEN
          -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
          DELETE FROM subscriber_search_term x
           USING (${rawTermsOf(`(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id ${CHANGED}) c`)}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          ${sortedTermsOf(`(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id ${CHANGED}) c`)}
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_subscriber_search_terms() RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        terms text;
      BEGIN
        LOCK TABLE subscriber IN SHARE MODE;
        TRUNCATE subscriber_search_term;
        ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
        terms := search_terms_table('subscriber');
        EXECUTE format('INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM %I', terms);
        EXECUTE format('DROP TABLE %I', terms);
        ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
      END $fn$`);
    await rewriteSeparatorAddresses(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await new SortedSearchTermInserts1795437100000().up(q);
    await new BuildSearchTermKeyAfterBulkInserts1795441100000().up(q);
    await q.query(`DROP FUNCTION search_terms_table(text)`);
    await rewriteSeparatorAddresses(q);
  }
}
