import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `search_fold(text)` (AddSubscriberSearchTerms) for less CPU, byte for byte the same result, so the stored search
 * terms stay valid as they are (test/api/search-fold.spec.ts compares it with the first definition over generated
 * Latin and Cyrillic strings). Still one SQL expression the planner inlines (the function is no longer declared
 * STRICT: a CASE is not strict, and a STRICT function whose body is not strict is not inlined; a NULL still folds
 * to NULL, through the strict functions of either branch).
 *
 * - A string of single-byte characters (ASCII, in a database whose Cyrillic letters take several bytes: the test
 *   on the letter 'я' is a constant the planner folds) skips the Cyrillic steps, which change nothing in it. The
 *   Cyrillic translate compares each character with each letter of its list, so for a Latin name or an account
 *   number it was 40 % of the fold.
 * - The three Cyrillic letters that become one Latin letter (ї, х, ё) join the translate instead of a replace each,
 *   and the translate lists the letters by how often they occur in names, so a letter is found sooner.
 * - The regular expressions match only what changes: a run of two or more i (one i stays as it is) and, for the
 *   spaces and punctuation, a run of two or more, a single punctuation mark or a single space other than ' ' (a
 *   single ' ' between words was replaced by itself).
 *
 * Per 200,000 strings (the least of five runs, one after the other on the loaded two-core machine): the benchmark's
 * Latin names 714 ms before, 381 ms after; Ukrainian names in Cyrillic 1,112 ms before, 874 ms after.
 */
const FOLD = `
  SELECT btrim(regexp_replace(regexp_replace(regexp_replace(
    translate(replace(replace(
      CASE WHEN octet_length(t) = length(t) AND length('я') < octet_length('я') THEN lower(t) ELSE
      translate(
        replace(replace(replace(replace(replace(replace(replace(replace(lower(t),
          'щ', 'shch'), 'ж', 'zh'), 'ч', 'ch'), 'ш', 'sh'), 'ц', 'ts'), 'ю', 'iu'), 'я', 'ia'), 'є', 'ie'),
        'оаниіевртсклдмпузбгйфхїыэґёъь', 'oaniievrtskldmpuzbhifhiiege') END,
      'kh', 'h'), 'x', 'ks'),
    'gyjw', 'hiiv'),
    '[[:space:][:punct:]]{2,}|[[:punct:]]|(?! )[[:space:]]', ' ', 'g'),
    'ii+', 'i', 'g'),
    '\\mie', 'e', 'g'))`;

/** As AddSubscriberSearchTerms wrote it (for down). */
const PREVIOUS_FOLD = `
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
    '\\mie', 'e', 'g'))`;

export class CheaperSearchFold1795437000000 implements MigrationInterface {
  name = 'CheaperSearchFold1795437000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE CALLED ON NULL INPUT AS $f$${FOLD}$f$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$${PREVIOUS_FOLD}$f$`);
  }
}
