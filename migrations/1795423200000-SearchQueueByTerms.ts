import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One subscriber search. `search_prefixes(text)` is what an operator's typing is looked up by in
 * subscriber_search_term (migration AddSubscriberSearchTerms): the folded text, or for a number of four
 * digits or more (spaces, brackets, dots, dashes and a plus left out) the folded digits (an account
 * number's) and its `phone_term` (a phone in any format). Subscriber search and the requests queue's
 * search both read it.
 *
 * The queue searched `subscriber.search_text` (a stored generated column with a trigram GIN index) by
 * substring: a second mechanism for the same question, and the GIN index cost every subscriber write. Writing
 * 20,000 subscribers (the import benchmark's rows, the search-term trigger off) took 6.0 s with the
 * index and 3.8 s without (load average 26). Both go.
 */
export class SearchQueueByTerms1795423200000 implements MigrationInterface {
  name = 'SearchQueueByTerms1795423200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_prefixes(q text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$
        SELECT array(SELECT DISTINCT p FROM (
                 SELECT search_fold(CASE WHEN d ~ '^[0-9]{4,}$' THEN d ELSE q END) AS p
                 UNION ALL SELECT CASE WHEN d ~ '^[0-9]{4,}$' THEN phone_term(d) END) x
               WHERE p <> '')
          FROM (SELECT regexp_replace(q, '[[:space:]()+.-]', '', 'g') AS d) y
      $f$`);
    await q.query(`DROP INDEX IF EXISTS ix_subscriber_search`);
    await q.query(`ALTER TABLE subscriber DROP COLUMN IF EXISTS search_text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE subscriber ADD COLUMN search_text text GENERATED ALWAYS AS (
        lower(account_number || ' ' || full_name || ' ' || phone || ' ' || regexp_replace(phone, '[^0-9]', '', 'g') || ' ' || address)
      ) STORED`);
    await q.query(`CREATE INDEX ix_subscriber_search ON subscriber USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP FUNCTION IF EXISTS search_prefixes(text)`);
  }
}
