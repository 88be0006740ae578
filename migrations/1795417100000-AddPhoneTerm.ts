import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `phone_term(text)`: the search term a phone number typed or imported in any format is looked up by. Its
 * digits, the last nine of them (the national part, whatever the country prefix) reversed behind '#', a
 * prefix of the terms subscriber_search_term holds for subscribers' phones ('#' and all the stored phone's
 * digits reversed, migration AddSubscriberSearchTerms); null with fewer than four digits. Subscriber search
 * and the survey import by phone both look phones up through it.
 */
export class AddPhoneTerm1795417100000 implements MigrationInterface {
  name = 'AddPhoneTerm1795417100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION phone_term(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$
        SELECT CASE WHEN length(d) >= 4 THEN '#' || reverse(right(d, 9)) END FROM (SELECT regexp_replace(t, '[^0-9]', '', 'g') AS d) x
      $f$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS phone_term(text)`);
  }
}
