import fc from 'fast-check';
import { lateralSearchTermsOf, MIGRATIONS, parallelSearchTermsOf, searchTermFoldsOf, searchTermsOfFolds } from '@retention/migrations';
import { startApi, TestApi } from '@retention/test-support';
import { PoolClient } from 'pg';
import { QueryRunner } from 'typeorm';

/**
 * A subscriber's search terms as migration ParallelSearchTerms computes them (the address folded in one call and
 * split at the commas' separator, each kind of term a branch of a UNION ALL) must be exactly the terms the
 * lateral definition before it gave (SortedSearchTermInserts), or stored terms and new ones would not meet; and
 * the statements must be ones PostgreSQL can run in parallel workers, which is what the change is for.
 */
const WORDS = [
  'Olena', 'Iryna', 'Ieva', 'Xenia', 'Khrystyna', 'Yakiv', 'Wiktor', "O'Neil", 'Smith-Jones', 'Müller', 'Łódź', 'Straße',
  'Олена', 'Ієва', 'Їжак', 'Щербак', 'Хрещатик', 'Ґалицький', 'Ёлка', 'Подъячев', 'Кхмара', 'вул.', 'кв.', 'пр-т', 'корп.',
  'St', 'Street', 'Flat', 'Box', 'ie', 'ii', 'iie', 'IE', 'kh', 'x', 'jw', 'gy', '12', '5', '1/2', '33', '0', '7a', 'II', 'ІІ',
];
const GLUE = [' ', '  ', '\t', '\u00a0', '.', '-', '—', "'", '’', '(', ')', ';', '/', '№', ' .', '. ', ' - ', '…', ''];
const wordsOf = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 5 }).map((ws) => ws.map(([w, g]) => w + g).join(''));
const padded = fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), wordsOf, fc.constantFrom('', ' ', '  ', '.')).map(([a, w, b]) => a + w + b);
const subscriber = fc.record({
  account: fc.oneof(fc.constantFrom('A', 'B-', '', 'Ж', 'x').chain((p) => fc.nat(9_999_999).map((n) => `${p}${n}`)), fc.constantFrom('IE-1', 'kh 2', '—', '12 34')),
  name: fc.oneof(wordsOf, fc.constant('Anna Anna Anna'), fc.constant('')),
  phone: fc.oneof(fc.constant(null), fc.constantFrom('+380 (67) 123-45-67', '0501234567', '', 'n/a', '+7 999')),
  // Parts joined by commas: empty parts, punctuation-only parts, numeric parts, leading and trailing commas.
  address: fc.oneof(fc.constant(null), fc.array(fc.oneof(padded, fc.constantFrom('', ' ', '-', '12', ' 5 ', '—.')), { maxLength: 5 }).map((p) => p.join(','))),
});

describe('search terms', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  /** Rows in a table of the transaction: `name` (account_number, full_name, phone, address). */
  const load = async (c: PoolClient, name: string, rows: { account: string; name: string; phone: string | null; address: string | null }[]) => {
    await c.query(`CREATE UNLOGGED TABLE ${name} (account_number varchar(32), full_name text, phone text, address text)`);
    await c.query(
      `INSERT INTO ${name} SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [rows.map((r) => r.account), rows.map((r) => r.name), rows.map((r) => r.phone), rows.map((r) => r.address)],
    );
  };
  const distinct = (sql: string) => `SELECT DISTINCT term COLLATE "C" AS term, account_number FROM (${sql}) t`;

  it('gives the lateral definition’s terms for generated Latin and Cyrillic subscribers, in one statement and through the work tables', async () => {
    // One seed for the run, printed, so that a failure replays with FC_SEED=<seed>.
    const seed = Number(process.env['FC_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    // Distinct accounts: a subscriber's account number is unique.
    const rows = fc.sample(subscriber, { numRuns: 3000, seed }).map((r, i) => ({ ...r, account: `${r.account}/${i}` }));
    const c = await api.pool.connect();
    try {
      await c.query('BEGIN');
      await load(c, 'search_terms_spec_rows', rows);
      const terms = (await c.query<{ t: string }>(`SELECT search_terms_table('search_terms_spec_rows') AS t`)).rows[0].t;
      const { rows: [cmp] } = await c.query(
        `WITH lateral_terms AS (${distinct(lateralSearchTermsOf('search_terms_spec_rows'))}),
              one_statement AS (${distinct(parallelSearchTermsOf('search_terms_spec_rows'))}),
              work_tables AS (SELECT term, account_number FROM ${terms})
         SELECT (SELECT count(*) FROM lateral_terms)::int AS terms,
                (SELECT count(*) FROM (SELECT * FROM lateral_terms EXCEPT ALL SELECT * FROM one_statement) d)::int AS only_lateral,
                (SELECT count(*) FROM (SELECT * FROM one_statement EXCEPT ALL SELECT * FROM lateral_terms) d)::int AS only_one_statement,
                (SELECT count(*) FROM (SELECT * FROM lateral_terms EXCEPT ALL SELECT * FROM work_tables) d)::int AS missing_from_work_tables,
                (SELECT count(*) FROM (SELECT * FROM work_tables EXCEPT ALL SELECT * FROM lateral_terms) d)::int AS extra_in_work_tables,
                (SELECT count(*) FROM search_terms_spec_rows WHERE address ~ '[А-яІіЇїЄєҐґ]')::int AS cyrillic_addresses`,
      );
      console.log(`search terms against the lateral definition (FC_SEED=${seed}): ${rows.length} subscribers, ${cmp.terms} terms`);
      expect({ seed, ...cmp }).toEqual({
        seed, terms: cmp.terms, only_lateral: 0, only_one_statement: 0, missing_from_work_tables: 0, extra_in_work_tables: 0,
        cyrillic_addresses: cmp.cyrillic_addresses,
      });
      expect(cmp.terms).toBeGreaterThan(rows.length * 3);
      expect(cmp.cyrillic_addresses).toBeGreaterThan(500);
      // The work tables are gone but the one the caller drops.
      const { rows: left } = await c.query(`SELECT relname FROM pg_class WHERE relname LIKE 'search\\_term\\_%' ORDER BY 1`);
      expect(left.map((r) => r.relname)).toEqual([terms]);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('computes the terms by statements a parallel worker can run, which the lateral definition was not', async () => {
    const c = await api.pool.connect();
    // Every plan that a parallel worker could run gets a Gather on top under debug_parallel_query.
    const parallel = async (sql: string) =>
      (await c.query(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n').match(/^\s*(->\s*)?Gather/m) !== null;
    try {
      await c.query('BEGIN');
      await load(c, 'search_terms_spec_rows', [{ account: 'A1', name: 'Ієва Щербак', phone: '0501234567', address: 'вул. Хрещатик 12, кв. 5' }]);
      await c.query(`CREATE UNLOGGED TABLE search_terms_spec_folds AS ${searchTermFoldsOf('search_terms_spec_rows')}`);
      await c.query(`SET LOCAL debug_parallel_query = on`);
      expect(await parallel(searchTermFoldsOf('search_terms_spec_rows'))).toBe(true);
      expect(await parallel(searchTermsOfFolds('search_terms_spec_folds'))).toBe(true);
      expect(await parallel(lateralSearchTermsOf('search_terms_spec_rows'))).toBe(false);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('splits an address at the separator character the commas become', async () => {
    const { rows } = await api.pool.query(`SELECT subscriber_search_terms('Z-1', 'Anna Bern', NULL, E'Main St 5\\x01Side, Flat 2') AS t`);
    expect([...rows[0].t].sort()).toEqual(['1', 'anna bern', 'bern anna', 'flat 2', 'main st 5', 'main st 5 side flat 2', 'side', 'st 5', 'z 1'].sort());
  });

  it('rewrites, when migrating, the stored terms of a subscriber whose address holds the separator', async () => {
    const c = await api.pool.connect();
    const termsOf = async (account: string) =>
      (await c.query(`SELECT term FROM subscriber_search_term WHERE account_number = $1 ORDER BY term COLLATE "C"`, [account])).rows.map((r) => r.term);
    try {
      await c.query('BEGIN');
      // A subscriber from the middle of the base (suites that take the first or last accounts never meet it), its
      // address changed in this transaction only.
      const { rows: [s] } = await c.query(
        `UPDATE subscriber SET address = E'Main St 5\\x01Side'
          WHERE id = (SELECT id FROM subscriber ORDER BY md5(account_number) LIMIT 1) RETURNING account_number`,
      );
      const own = await termsOf(s.account_number);
      // As the lateral definition stored it: the separator inside one part.
      await c.query(`INSERT INTO subscriber_search_term (term, account_number) VALUES (E'main st 5\\x01side', $1), ('st 5 side', $1)`, [s.account_number]);
      const migration = MIGRATIONS.map((m) => new m()).find((m) => m.name === 'ParallelSearchTerms1795447000000');
      expect(migration).toBeDefined();
      await migration?.up({ query: (sql: string) => c.query(sql) } as unknown as QueryRunner);
      expect(await termsOf(s.account_number)).toEqual(own);
      expect(own).toContain('side');
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});
