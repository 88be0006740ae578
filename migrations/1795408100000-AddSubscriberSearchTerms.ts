import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscriber's search terms, set-based, for every row of `source` (the table, or a trigger's transition table):
 * (account_number, term), each term once per subscriber. Each field is folded once per row (an address part
 * once, not once to test it and again to use it), inside one statement the planner runs as one scan: the
 * backfill of a million subscribers and the triggers' statements share it.
 */
export const termsOf = (source: string) => `
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

/**
 * Subscriber search by prefix of normalised terms, so that a common first name at a million
 * subscribers reads a few dozen index entries instead of ranking tens of thousands of trigram
 * matches.
 *
 * `search_fold(text)` is the one normalisation, applied to what is stored and to what an
 * operator types: lower case, Cyrillic (Ukrainian and Russian) transliterated to Latin, and the
 * spellings of one sound folded together (g/h, kh/h, y/j/i, a run of i, x/ks, w/v, a word-initial
 * "ie"), punctuation to single spaces. So "Сергій", "Serhiy" and "SERHII" fold alike, as do
 * "Наталія" and "Natalia", "Ольга" and "Olga".
 *
 * `subscriber_search_terms(...)` gives a subscriber's terms: the folded account number and its
 * digits; the phone's digits reversed behind '#' (a number typed in any format matches on its
 * last digits as a prefix); the name's words in each rotation ("ivan kovalenko", "kovalenko
 * ivan": surname and first name in either order, the last word a prefix); each comma-separated
 * part of the address from each of its words that is not a bare number, and the whole address.
 *
 * subscriber_search_term (term, account_number) is read in its index order only: exact term,
 * then whole words ("ivan " sorts before "ivanov"), then longer words; statement triggers on
 * subscriber keep it exact in every writing transaction (COPY included).
 *
 * The backfill, the triggers and `subscriber_search_terms` share one set-based statement (`termsOf`): at
 * 200,000 subscribers the backfill took 167 s against 625 s for a call of the per-row function per
 * subscriber (same rows, 1,943,653; measured one after the other on the loaded two-core development
 * machine), the primary key 6 s either way.
 */
export class AddSubscriberSearchTerms1795408100000 implements MigrationInterface {
  name = 'AddSubscriberSearchTerms1795408100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$
        SELECT btrim(regexp_replace(regexp_replace(regexp_replace(
          translate(replace(replace(
            translate(
              replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(t),
                'щ', 'shch'), 'ж', 'zh'), 'ч', 'ch'), 'ш', 'sh'), 'ц', 'ts'), 'ю', 'iu'), 'я', 'ia'), 'є', 'ie'), 'ї', 'i'),
                'х', 'h'), 'ё', 'e'),
              'абвгґдезийіклмнопрстуфыэъь', 'abvhgdeziiiklmnoprstufie'),
            'kh', 'h'), 'x', 'ks'),
          'gyjw', 'hiiv'),
          '[[:space:][:punct:]]+', ' ', 'g'),
          'i+', 'i', 'g'),
          '\\mie', 'e', 'g'))
      $f$`);
    // The terms of one subscriber (the search's tests and anyone reading by hand): the same statement.
    await q.query(`
      CREATE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        SELECT array(SELECT term FROM (${termsOf('(SELECT account AS account_number, full_name, phone, address)')}) x)
      $f$`);
    await q.query(`CREATE TABLE subscriber_search_term (term text COLLATE "C" NOT NULL, account_number varchar(32) NOT NULL)`);
    await q.query(`
      INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM (${termsOf('subscriber')}) x`);
    await q.query(`ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number)`);
    await q.query(`
      CREATE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number FROM (${termsOf('new_rows')}) x
          ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (${termsOf('old_rows')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSE
          -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
          DELETE FROM subscriber_search_term x
           USING (${termsOf(`(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address))`)}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number FROM (${termsOf(`(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address))`)}) x
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`CREATE TRIGGER subscriber_search_term_ins AFTER INSERT ON subscriber REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_search_term_sync()`);
    await q.query(`CREATE TRIGGER subscriber_search_term_upd AFTER UPDATE ON subscriber REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_search_term_sync()`);
    await q.query(`CREATE TRIGGER subscriber_search_term_del AFTER DELETE ON subscriber REFERENCING OLD TABLE AS old_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_search_term_sync()`);
    await q.query(`
      CREATE FUNCTION subscriber_search_term_truncate() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN TRUNCATE subscriber_search_term; RETURN NULL; END $f$`);
    await q.query(`CREATE TRIGGER subscriber_search_term_trunc AFTER TRUNCATE ON subscriber
                   FOR EACH STATEMENT EXECUTE FUNCTION subscriber_search_term_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER subscriber_search_term_trunc ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_search_term_del ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_search_term_upd ON subscriber`);
    await q.query(`DROP TRIGGER subscriber_search_term_ins ON subscriber`);
    await q.query(`DROP FUNCTION subscriber_search_term_truncate()`);
    await q.query(`DROP FUNCTION subscriber_search_term_sync()`);
    await q.query(`DROP TABLE subscriber_search_term`);
    await q.query(`DROP FUNCTION subscriber_search_terms(text, text, text, text)`);
    await q.query(`DROP FUNCTION search_fold(text)`);
  }
}
