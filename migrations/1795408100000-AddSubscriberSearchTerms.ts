import { MigrationInterface, QueryRunner } from 'typeorm';

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
    await q.query(`
      CREATE FUNCTION subscriber_search_terms(account text, full_name text, phone text, address text)
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        WITH name AS (SELECT regexp_split_to_array(search_fold(full_name), ' ') AS w),
             part AS (SELECT regexp_split_to_array(search_fold(p), ' ') AS w
                        FROM unnest(string_to_array(address, ',')) p WHERE search_fold(p) <> '')
        SELECT array(SELECT DISTINCT x FROM (
          SELECT search_fold(account) AS x
          UNION ALL SELECT regexp_replace(account, '[^0-9]', '', 'g')
          UNION ALL SELECT '#' || reverse(regexp_replace(phone, '[^0-9]', '', 'g'))
          UNION ALL SELECT array_to_string(w[i:] || w[:i - 1], ' ') FROM name, generate_subscripts(w, 1) i
          UNION ALL SELECT array_to_string(w[i:], ' ') FROM part, generate_subscripts(w, 1) i WHERE w[i] !~ '^[0-9]+$'
          UNION ALL SELECT search_fold(address)
        ) t WHERE x NOT IN ('', '#'))
      $f$`);
    await q.query(`CREATE TABLE subscriber_search_term (term text COLLATE "C" NOT NULL, account_number varchar(32) NOT NULL)`);
    await q.query(`
      INSERT INTO subscriber_search_term (term, account_number)
      SELECT t, s.account_number FROM subscriber s, unnest(subscriber_search_terms(s.account_number, s.full_name, s.phone, s.address)) t`);
    await q.query(`ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number)`);
    await q.query(`
      CREATE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT t, n.account_number FROM new_rows n, unnest(subscriber_search_terms(n.account_number, n.full_name, n.phone, n.address)) t
          ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (SELECT o.account_number, unnest(subscriber_search_terms(o.account_number, o.full_name, o.phone, o.address)) AS term
                    FROM old_rows o) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSE
          -- Only rows whose searched fields changed (a status or a balance leaves the terms alone).
          DELETE FROM subscriber_search_term x
           USING (SELECT o.account_number, unnest(subscriber_search_terms(o.account_number, o.full_name, o.phone, o.address)) AS term
                    FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT t, n.account_number
            FROM new_rows n JOIN old_rows o ON o.id = n.id,
                 unnest(subscriber_search_terms(n.account_number, n.full_name, n.phone, n.address)) t
           WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)
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
