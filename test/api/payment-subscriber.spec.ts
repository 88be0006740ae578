import { PoolClient } from 'pg';
import { ownRegion, startApi, TestApi, TEST_TODAY } from '@retention/test-support';

/**
 * A payment's subscriber is checked per statement (migration CheckPaymentSubscribersPerStatement) instead of by the
 * per-row foreign key: a payment of no subscriber is refused as the foreign key refused it, a deleted subscriber's
 * payments go with it, and a deletion and a payment's insert of the same subscriber never both commit: the deletion
 * waits for the transaction writing payments, and a payment written after a deletion is refused.
 */
describe('a payment’s subscriber', () => {
  let api: TestApi;
  const code = `pay${process.pid % 100000}`;
  let n = 0;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  /** A subscriber of the test's own region. */
  const subscriber = async () =>
    (await ownRegion(api.pool, `${code}-${++n}`, [{ connected: '2024-01-01', subscriptions: [{ service: 'internet', fee: 300, start: '2024-01-01' }] }]))[0];
  const payments = async (id: string) => (await api.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM payment WHERE subscriber_id = $1`, [id])).rows[0].n;
  const pay = (c: { query: PoolClient['query'] }, ids: string[]) =>
    c.query(`INSERT INTO payment (subscriber_id, paid_on, amount) SELECT unnest($1::uuid[]), $2::date, 100`, [ids, TEST_TODAY]);
  /** Whether the backend of `c` waits for a lock. */
  const waiting = async (pid: number) =>
    (await api.pool.query<{ w: boolean }>(`SELECT wait_event_type = 'Lock' AS w FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.w === true;
  const pidOf = async (c: PoolClient) => (await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;

  it('refuses a statement with a payment of no subscriber, and writes none of its rows', async () => {
    const id = await subscriber();
    const error = await pay(api.pool, [id, '00000000-0000-4000-8000-000000000000']).catch((e) => e);
    expect(error).toMatchObject({ code: '23503', constraint: 'payment_subscriber_id_fkey', table: 'payment' });
    expect(await payments(id)).toBe(0);
    await pay(api.pool, [id, id]);
    expect(await payments(id)).toBe(2);
    const moved = await api.pool.query(`UPDATE payment SET subscriber_id = '00000000-0000-4000-8000-000000000000' WHERE subscriber_id = $1`, [id]).catch((e) => e);
    expect(moved).toMatchObject({ code: '23503' });
    expect(await payments(id)).toBe(2);
  });

  it('refuses a bulk statement with one payment of no subscriber, and a single one after it on the same connection', async () => {
    // The check is planned for each statement's rows (migration PlanPaymentSubscriberCheckPerStatement): a hash of the
    // subscribers for 20,001 rows, a probe for one, on one connection, in either order; both refuse the missing one.
    const id = await subscriber();
    const missing = '00000000-0000-4000-8000-000000000001';
    const c = await api.pool.connect();
    try {
      for (const rows of [20_000, 0, 20_000]) {
        const error = await c
          .query(`INSERT INTO payment (subscriber_id, paid_on, amount) SELECT $1::uuid, $3::date, 100 FROM generate_series(1, $2::int) UNION ALL SELECT $4::uuid, $3::date, 100`, [
            id,
            rows,
            TEST_TODAY,
            missing,
          ])
          .catch((e) => e);
        expect([rows, error]).toMatchObject([rows, { code: '23503', constraint: 'payment_subscriber_id_fkey', detail: `Key (subscriber_id)=(${missing}) is not present in table "subscriber".` }]);
      }
      await c.query(`INSERT INTO payment (subscriber_id, paid_on, amount) SELECT $1::uuid, $2::date, 100 FROM generate_series(1, 20000)`, [id, TEST_TODAY]);
    } finally {
      c.release();
    }
    expect(await payments(id)).toBe(20_000);
  });

  it('deletes a subscriber’s payments with the subscriber, and keeps a subscriber’s id', async () => {
    const [a, b] = [await subscriber(), await subscriber()];
    await pay(api.pool, [a, a, b]);
    await expect(api.pool.query(`UPDATE subscriber SET id = gen_random_uuid() WHERE id = $1`, [b])).rejects.toMatchObject({
      code: '23503',
      message: 'a subscriber’s id does not change',
    });
    await api.pool.query(`DELETE FROM subscriber WHERE id = $1`, [a]);
    expect(await payments(a)).toBe(0);
    expect(await payments(b)).toBe(1);
  });

  it('lets a deletion wait for the transaction writing payments, then takes them with it', async () => {
    const id = await subscriber();
    const [writer, deleter] = [await api.pool.connect(), await api.pool.connect()];
    try {
      await writer.query('BEGIN');
      await pay(writer, [id]);
      const pid = await pidOf(deleter);
      const deleting = deleter.query(`DELETE FROM subscriber WHERE id = $1`, [id]);
      await new Promise((r) => setTimeout(r, 300));
      expect(await waiting(pid)).toBe(true);
      await writer.query('COMMIT');
      await deleting;
      expect(await payments(id)).toBe(0);
    } finally {
      writer.release();
      deleter.release();
    }
  });

  it('refuses a payment written after a deletion of its subscriber, whichever isolation', async () => {
    for (const isolation of ['READ COMMITTED', 'REPEATABLE READ']) {
      const id = await subscriber();
      const [writer, deleter] = [await api.pool.connect(), await api.pool.connect()];
      try {
        // The writer's transaction (and, repeatable read, its snapshot) starts before the deletion commits.
        await writer.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        await writer.query(`SELECT count(*) FROM subscriber WHERE id = $1`, [id]);
        await deleter.query('BEGIN');
        await deleter.query(`DELETE FROM subscriber WHERE id = $1`, [id]);
        const writing = pay(writer, [id]).then(
          () => null,
          (e) => e,
        );
        await new Promise((r) => setTimeout(r, 300));
        await deleter.query('COMMIT');
        const error = await writing;
        expect([isolation, error?.code]).toEqual([isolation, isolation === 'READ COMMITTED' ? '23503' : '40001']);
        await writer.query('ROLLBACK');
        expect(await payments(id)).toBe(0);
      } finally {
        writer.release();
        deleter.release();
      }
    }
  });
});
