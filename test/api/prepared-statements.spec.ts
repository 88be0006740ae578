import { dataSourceOptions, preparedStatementName, queryPrepared } from '@retention/api-core';
import { SubscribersService } from '@retention/api-subscribers';
import { freshSubscribers, startApi, TEST_NOW, TEST_TODAY } from '@retention/test-support';
import { DataSource, QueryFailedError } from 'typeorm';

/**
 * The hot paths' statements are named prepared statements (queryPrepared, libs/api/core database/prepared.ts):
 * prepared once per connection, on that connection's clock, replanned by PostgreSQL after a schema change.
 * Each case uses a DataSource of one connection, so every call meets the statements the earlier ones prepared.
 */
describe('prepared statements (queryPrepared)', () => {
  const url = process.env['DATABASE_URL'] as string;
  const table = `prepared_spec_${process.pid}`;
  const sources: DataSource[] = [];
  const oneConnection = async (clockOffsetMs?: number) => {
    const base = dataSourceOptions(url);
    const extra = { ...(base.extra as object), max: 1, ...(clockOffsetMs === undefined ? {} : { options: `-c app.clock_offset_ms=${clockOffsetMs}` }) };
    const ds = new DataSource({ ...base, extra } as typeof base);
    sources.push(await ds.initialize());
    return ds;
  };
  /** How often the connection ran the statement under its latest name (a stale one is prepared anew under another). */
  const preparedHere = async (ds: DataSource, text: string) =>
    (await ds.query(
      `SELECT generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE name LIKE $1 || '%' ORDER BY prepare_time DESC LIMIT 1`,
      [preparedStatementName(text)],
    ))[0]?.runs;

  afterAll(async () => {
    await sources[0]?.query(`DROP TABLE IF EXISTS ${table}`);
    for (const ds of sources) await ds.destroy();
  });

  it('prepares a statement once per connection and runs it again by name', async () => {
    const ds = await oneConnection();
    const text = 'SELECT $1::int + 1 AS n';
    for (let i = 1; i <= 7; i++) expect(await queryPrepared(ds, text, [i])).toEqual([{ n: i + 1 }]);
    expect(Number(await preparedHere(ds, text))).toBe(7);
    // Inside a transaction it runs on the transaction's connection, in the transaction.
    await ds.transaction(async (tx) => {
      await tx.query(`CREATE TEMP TABLE prepared_tx (a int) ON COMMIT DROP`);
      await tx.query(`INSERT INTO prepared_tx VALUES (41)`);
      expect(await queryPrepared(tx, 'SELECT a + 1 AS n FROM prepared_tx')).toEqual([{ n: 42 }]);
    });
  });

  it("reads each connection's own clock when it runs, also once PostgreSQL uses a generic plan", async () => {
    const days = 3;
    const shifted = await oneConnection(Date.parse(TEST_NOW) - Date.now() + days * 86_400_000);
    const ours = await oneConnection();
    const later = new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const text = `SELECT app_today()::text AS today, $1::int AS i`;
    for (let i = 0; i < 8; i++) {
      expect(await queryPrepared(ours, text, [i])).toEqual([{ today: TEST_TODAY, i }]);
      expect(await queryPrepared(shifted, text, [i])).toEqual([{ today: later, i }]);
    }
    const [plans] = await shifted.query(`SELECT generic_plans FROM pg_prepared_statements WHERE name = $1`, [preparedStatementName(text)]);
    expect(Number(plans.generic_plans)).toBeGreaterThan(0);
  });

  it('keeps working when a migration changes the table under a prepared statement', async () => {
    const ds = await oneConnection();
    await ds.query(`DROP TABLE IF EXISTS ${table}`);
    await ds.query(`CREATE TABLE ${table} (id int PRIMARY KEY, a int NOT NULL)`);
    await ds.query(`INSERT INTO ${table} VALUES (1, 10)`);
    const named = `SELECT id, a FROM ${table} WHERE id = $1`;
    const star = `SELECT * FROM ${table} WHERE id = $1`;
    for (let i = 0; i < 6; i++) {
      expect(await queryPrepared(ds, named, [1])).toEqual([{ id: 1, a: 10 }]);
      expect(await queryPrepared(ds, star, [1])).toEqual([{ id: 1, a: 10 }]);
    }
    // A new column and a new index: PostgreSQL replans the statement that names its columns.
    await ds.query(`ALTER TABLE ${table} ADD COLUMN b text NOT NULL DEFAULT 'x'`);
    await ds.query(`CREATE INDEX ON ${table} (a)`);
    expect(await queryPrepared(ds, named, [1])).toEqual([{ id: 1, a: 10 }]);
    // The `*` changed its result columns: PostgreSQL refuses the old statement once; it is prepared anew (under
    // another name: no DEALLOCATE, which a pooler would not pass on) and run again.
    expect(await queryPrepared(ds, star, [1])).toEqual([{ id: 1, a: 10, b: 'x' }]);
    expect(Number(await preparedHere(ds, star))).toBe(1);
    expect(await queryPrepared(ds, star, [1])).toEqual([{ id: 1, a: 10, b: 'x' }]);
    expect(Number(await preparedHere(ds, star))).toBe(2);

    // Inside a transaction the failed statement fails the transaction; the next call prepares it anew.
    await ds.query(`ALTER TABLE ${table} ADD COLUMN c int NOT NULL DEFAULT 7`);
    await expect(ds.transaction((tx) => queryPrepared(tx, star, [1]))).rejects.toThrow(/cached plan must not change result type/);
    expect(await queryPrepared(ds, star, [1])).toEqual([{ id: 1, a: 10, b: 'x', c: 7 }]);
  });

  it('fails as TypeORM fails, with the statement and PostgreSQL’s code', async () => {
    const ds = await oneConnection();
    const error = await queryPrepared(ds, 'SELECT 1 / $1::int AS n', [0]).catch((e) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toMatchObject({ code: '22012' });
    expect(await queryPrepared(ds, 'SELECT 1 / $1::int AS n', [1])).toEqual([{ n: 1 }]);
  });

  it('the subscriber search runs its generic plan: what is typed and the page are unplanned, so it is not planned per call', async () => {
    const ds = await oneConnection();
    const search = new SubscribersService(ds, undefined as never);
    const typed = ['Olena', 'Ivanenko Petro', 'Kovalenko Ol', '1000', '+380 67 123', 'Шевченко', 'Main', 'Petro', 'Iva', '2000'];
    for (const [i, text] of typed.entries()) await search.search(text, 10 + i, i % 2);
    const [plans] = await ds.query(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE '%subscriber_search_term%'`);
    // PostgreSQL makes five custom plans before it weighs the generic one; planned with the values, every call was custom.
    // (A page past the matches asks once more for the total, so there are more calls than texts.)
    expect(plans.custom).toBe(5);
    expect(plans.generic).toBeGreaterThanOrEqual(typed.length - 5);
  });

  it('serves the hot paths through the API: the session check, the card, the queue and a create', async () => {
    const api = await startApi();
    try {
      const op = `Bearer ${await api.token('operator')}`;
      const [s] = await freshSubscribers(api.pool, 1);
      for (let i = 0; i < 7; i++) {
        const card = await api.http().get(`/api/subscribers/${s.accountNumber}`).set('Authorization', op).expect(200);
        expect(card.body).toMatchObject({ accountNumber: s.accountNumber });
      }
      const created = await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
      const queue = await api.http().get(`/api/disconnect-requests?subscriberId=${s.id}`).set('Authorization', op).expect(200);
      expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
      // A second create for the same services finds the open one (read in the create's transaction).
      await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(409);
    } finally {
      await api.close();
    }
  });
});
