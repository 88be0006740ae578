import { PoolClient } from 'pg';
import { startApi, TestApi } from '@retention/test-support';

/**
 * A subscriber's region is checked per statement (migration CheckSubscriberRegionsPerStatement) instead of by the
 * per-row foreign key: a subscriber of no region is refused as the foreign key refused it, a region a subscriber
 * names cannot be deleted nor its id changed, and a region's deletion waits for a transaction that wrote one of its
 * subscribers, then is refused.
 */
describe('a subscriber’s region', () => {
  let api: TestApi;
  const code = `reg${process.pid % 100000}`;
  let n = 0;
  const NO_REGION = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const region = async () => (await api.pool.query<{ id: string }>(`INSERT INTO region (code, name) VALUES ($1, $1) RETURNING id`, [`${code}-${++n}`])).rows[0].id;
  const insert = (c: { query: PoolClient['query'] }, regions: string[]) =>
    c.query(
      `INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status, temperament, activity_segment)
       SELECT $1 || '-' || i, 'Region Test', '+100', 'Street 1', r, '2024-01-01', 'month_to_month', 'active', 'sanguine', 'active'
         FROM unnest($2::uuid[]) WITH ORDINALITY u(r, i)`,
      [`RT-${code}-${++n}`, regions],
    );
  const count = async (regionId: string) => (await api.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM subscriber WHERE region_id = $1`, [regionId])).rows[0].n;
  const pidOf = async (c: PoolClient) => (await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
  const waiting = async (pid: number) =>
    (await api.pool.query<{ w: boolean }>(`SELECT wait_event_type = 'Lock' AS w FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.w === true;

  it('refuses a statement with a subscriber of no region, and writes none of its rows; and a move to no region', async () => {
    const r = await region();
    const error = await insert(api.pool, [r, NO_REGION, r]).catch((e) => e);
    expect(error).toMatchObject({
      code: '23503',
      constraint: 'subscriber_region_id_fkey',
      table: 'subscriber',
      message: 'insert or update on table "subscriber" violates foreign key constraint "subscriber_region_id_fkey"',
      detail: `Key (region_id)=(${NO_REGION}) is not present in table "region".`,
    });
    expect(await count(r)).toBe(0);
    await insert(api.pool, [r, r]);
    expect(await count(r)).toBe(2);
    const moved = await api.pool.query(`UPDATE subscriber SET region_id = $2 WHERE region_id = $1`, [r, NO_REGION]).catch((e) => e);
    expect(moved).toMatchObject({ code: '23503', constraint: 'subscriber_region_id_fkey' });
    expect(await count(r)).toBe(2);
    // An update that leaves the region alone is not checked against it.
    await api.pool.query(`UPDATE subscriber SET balance = 1 WHERE region_id = $1`, [r]);
    const other = await region();
    await api.pool.query(`UPDATE subscriber SET region_id = $2 WHERE region_id = $1`, [r, other]);
    expect([await count(r), await count(other)]).toEqual([0, 2]);
  });

  it('refuses to delete a region a subscriber names, or to change its id; deletes one no subscriber names', async () => {
    const [used, unused] = [await region(), await region()];
    await insert(api.pool, [used]);
    await expect(api.pool.query(`DELETE FROM region WHERE id = $1`, [used])).rejects.toMatchObject({
      code: '23503',
      constraint: 'subscriber_region_id_fkey',
      detail: `Key (id)=(${used}) is still referenced from table "subscriber".`,
    });
    await expect(api.pool.query(`UPDATE region SET id = gen_random_uuid() WHERE id = $1`, [used])).rejects.toMatchObject({ code: '23503' });
    await api.pool.query(`UPDATE region SET name = 'renamed' WHERE id = $1`, [used]);
    await api.pool.query(`DELETE FROM region WHERE id = $1`, [unused]);
    expect((await api.pool.query(`SELECT count(*)::int AS n FROM region WHERE id = ANY($1)`, [[used, unused]])).rows[0].n).toBe(1);
  });

  it('lets a region’s deletion wait for the transaction writing one of its subscribers, then refuses it', async () => {
    const id = await region();
    const [writer, deleter] = [await api.pool.connect(), await api.pool.connect()];
    try {
      await writer.query('BEGIN');
      await insert(writer, [id]);
      const pid = await pidOf(deleter);
      const deleting = deleter.query(`DELETE FROM region WHERE id = $1`, [id]).then(
        () => null,
        (e) => e,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(await waiting(pid)).toBe(true);
      await writer.query('COMMIT');
      expect(await deleting).toMatchObject({ code: '23503', constraint: 'subscriber_region_id_fkey' });
      expect(await count(id)).toBe(1);
    } finally {
      writer.release();
      deleter.release();
    }
  });

  it('refuses a subscriber written after its region’s deletion, whichever isolation', async () => {
    for (const isolation of ['READ COMMITTED', 'REPEATABLE READ']) {
      const id = await region();
      const [writer, deleter] = [await api.pool.connect(), await api.pool.connect()];
      try {
        await writer.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        await writer.query(`SELECT count(*) FROM region WHERE id = $1`, [id]);
        await deleter.query('BEGIN');
        await deleter.query(`DELETE FROM region WHERE id = $1`, [id]);
        const writing = insert(writer, [id]).then(
          () => null,
          (e) => e,
        );
        await new Promise((r) => setTimeout(r, 300));
        await deleter.query('COMMIT');
        const error = await writing;
        expect([isolation, error?.code]).toEqual([isolation, isolation === 'READ COMMITTED' ? '23503' : '40001']);
        await writer.query('ROLLBACK');
      } finally {
        writer.release();
        deleter.release();
      }
    }
  });
});
