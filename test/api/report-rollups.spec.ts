import { Pool, PoolClient } from 'pg';
import { checkReportRollups } from '@retention/api-churn-data';
import { freshSubscribers, startApi, TestApi } from '@retention/test-support';

/**
 * The reports read base_flow, revenue_flow and save_flow, which triggers keep inside every writing
 * transaction. Whatever is written, through the API or straight into the tables (as a billing
 * import would), each roll-up must equal its recomputation from the source tables.
 */
describe('report roll-ups', () => {
  let api: TestApi;
  let op: string;

  beforeAll(async () => {
    api = await startApi();
    op = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api.close());

  /** The roll-ups as kept, and as rebuilt from scratch (the rebuild is rolled back). */
  async function keptAndRebuilt(pool: Pool) {
    const client = await pool.connect();
    try {
      const { kept, rebuilt } = await checkReportRollups(async (sql, params) => (await client.query(sql, params)).rows);
      return { kept, rebuilt };
    } finally {
      client.release();
    }
  }

  async function resolve(accountNumber: string, services: string[], body: Record<string, unknown>) {
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber, services, channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op).send(body).expect(200);
    return req.id as string;
  }

  it('start equal to their recomputation', async () => {
    const { kept, rebuilt } = await keptAndRebuilt(api.pool);
    expect(kept.base_flow?.length).toBeGreaterThan(0);
    expect(kept.revenue_flow?.length).toBeGreaterThan(0);
    expect(kept.save_flow?.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
  });

  it('stay equal through saves, disconnections and direct writes of every kind', async () => {
    const q = (sql: string, params: unknown[] = []) => api.pool.query(sql, params);
    const [saved, gone, partial, moved, lateLeaver, billingEnd] = await freshSubscribers(api.pool, 6, 2);
    const before = (await q(`SELECT (SELECT sum(left_count) FROM base_flow)::int AS left, (SELECT sum(requests) FILTER (WHERE saved) FROM save_flow)::int AS saves`)).rows[0];

    // Through the API: a save, a whole disconnection, a partial retention.
    await resolve(saved.accountNumber, saved.services, { outcome: 'retained', reasonCode: 'price_increase' });
    await resolve(gone.accountNumber, gone.services, { outcome: 'disconnected', reasonCode: 'move_out_of_coverage' });
    await resolve(partial.accountNumber, partial.services, { outcome: 'partially_retained', reasonCode: 'price_increase', keptServices: [partial.services[0]] });

    // Straight into the tables: a subscriber moves region and is re-dated; a fee changes.
    const regions = (await q(`SELECT id FROM region ORDER BY code`)).rows.map((r) => r.id);
    await q(`UPDATE subscriber SET region_id = (SELECT id FROM region WHERE id <> subscriber.region_id ORDER BY code LIMIT 1),
                    connected_on = connected_on - 40 WHERE id = $1`, [moved.id]);
    await q(`UPDATE subscription SET monthly_fee = monthly_fee + 3.5 WHERE subscriber_id = $1`, [moved.id]);
    // A save ten days ago, then the subscriber leaves: the save is lost.
    const lateSave = await resolve(lateLeaver.accountNumber, lateLeaver.services, { outcome: 'retained', reasonCode: 'slow_speed' });
    await q(`UPDATE disconnect_request SET resolved_at = app_now() - interval '10 days' WHERE id = $1`, [lateSave]);
    await q(`UPDATE subscriber SET disconnected_on = app_today(), status = 'disconnected', disconnect_kind = 'voluntary' WHERE id = $1`, [lateLeaver.id]);
    // Billing ends one subscription for non-payment and deletes another one entered by mistake.
    const subs = (await q(`SELECT id FROM subscription WHERE subscriber_id = $1 ORDER BY started_on, id`, [billingEnd.id])).rows;
    await q(`UPDATE subscription SET ended_on = app_today(), end_reason = 'non_payment' WHERE id = $1`, [subs[0].id]);
    await q(`DELETE FROM subscription WHERE id = $1`, [subs[1].id]);
    // An import adds a subscriber with two subscriptions, then it is deleted again (with them).
    const tariff = (await q(`SELECT t.id, t.service_id FROM tariff t ORDER BY t.code LIMIT 1`)).rows[0];
    const [{ id: imported }] = (await q(
      `INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status, temperament, activity_segment)
       VALUES ('ROLLUP-1', 'Roll Up', '+100', 'Street 1', $1, app_today() - 400, 'month_to_month', 'active', 'sanguine', 'active') RETURNING id`,
      [regions[0]],
    )).rows;
    await q(
      `INSERT INTO subscription (subscriber_id, service_id, tariff_id, monthly_fee, started_on, ended_on, end_reason)
       VALUES ($1, $2, $3, 20, app_today() - 400, app_today() - 100, 'downgrade'), ($1, $2, $3, 15, app_today() - 100, NULL, NULL)`,
      [imported, tariff.service_id, tariff.id],
    );
    const mid = await keptAndRebuilt(api.pool);
    expect(mid.kept).toEqual(mid.rebuilt);
    await q(`DELETE FROM subscriber WHERE id = $1`, [imported]);

    const { kept, rebuilt } = await keptAndRebuilt(api.pool);
    expect(kept).toEqual(rebuilt);
    const after = (await q(`SELECT (SELECT sum(left_count) FROM base_flow)::int AS left, (SELECT sum(requests) FILTER (WHERE saved) FROM save_flow)::int AS saves,
                                   (SELECT sum(requests) FROM save_flow WHERE saved AND left_on = app_today())::int AS lost_today`)).rows[0];
    expect(after.left - before.left).toBe(2); // the whole disconnection and the late leaver
    expect(after.saves - before.saves).toBe(2);
    expect(after.lost_today).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['the save commits first', 'save'],
    ['the disconnection commits first', 'leave'],
  ])('count a save lost when the subscriber leaves at the same moment: %s', async (_name, first) => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber: s.accountNumber, services: s.services, channel: 'phone' }).expect(201);
    const save = (c: PoolClient) => c.query(
      `UPDATE disconnect_request SET status = 'resolved', outcome = 'retained', reason_code = 'price_increase',
              reason_version_id = (SELECT max(id) FROM classifier_version), resolved_at = app_now() WHERE id = $1`,
      [req.id],
    );
    const leave = (c: PoolClient) => c.query(`UPDATE subscriber SET disconnected_on = app_today() + 3 WHERE id = $1`, [s.id]);
    const [a, b] = [await api.pool.connect(), await api.pool.connect()];
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      // The first writer holds the subscriber; the second waits for it to commit, then sees its write.
      await (first === 'save' ? save(a) : leave(a));
      const second = first === 'save' ? leave(b) : save(b);
      await new Promise((r) => setTimeout(r, 200));
      await a.query('COMMIT');
      await second;
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    const [row] = (await api.pool.query(
      `SELECT left_on::text FROM save_flow WHERE saved AND region_id = (SELECT region_id FROM subscriber WHERE id = $1)
          AND resolved_on = (app_now() AT TIME ZONE 'UTC')::date AND left_on = app_today() + 3 AND requests > 0`,
      [s.id],
    )).rows;
    expect(row).toBeDefined();
    const { kept, rebuilt } = await keptAndRebuilt(api.pool);
    expect(kept).toEqual(rebuilt);
  });
});
