import { Pool, PoolClient } from 'pg';
import { checkReportRollups } from '@retention/api-churn-data';
import { freshSubscribers, ownRegion, startApi, TestApi } from '@retention/test-support';

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
    // Survey answers (answer_flow): two of the imported subscriber, then one re-scored and moved to another month,
    // and another of the moved subscriber deleted; the imported subscriber's go with them below.
    const answers = (await q(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on)
       VALUES ($1, 'nps', 9, app_today() - 40), ($1, 'csat', 4, app_today() - 40), ($2, 'nps', 3, app_today() - 5) RETURNING id`,
      [imported, moved.id],
    )).rows.map((r) => r.id);
    const counted = async () => (await q(`SELECT COALESCE(sum(answers), 0)::int AS n FROM answer_flow WHERE kind = 'nps' AND score = 2 AND month = date_trunc('month', app_today() - 70)::date`)).rows[0].n;
    const before2 = await counted();
    await q(`UPDATE survey_answer SET score = 2, answered_on = app_today() - 70 WHERE id = $1`, [answers[0]]);
    expect(await counted()).toBe(before2 + 1);
    await q(`DELETE FROM survey_answer WHERE id = $1`, [answers[2]]);
    const mid = await keptAndRebuilt(api.pool);
    expect(mid.kept.answer_flow?.length).toBeGreaterThan(0);
    expect(mid.kept).toEqual(mid.rebuilt);
    await q(`DELETE FROM subscriber WHERE id = $1`, [imported]);
    expect(await counted()).toBe(before2);

    const { kept, rebuilt } = await keptAndRebuilt(api.pool);
    expect(kept).toEqual(rebuilt);
    const after = (await q(`SELECT (SELECT sum(left_count) FROM base_flow)::int AS left, (SELECT sum(requests) FILTER (WHERE saved) FROM save_flow)::int AS saves,
                                   (SELECT sum(requests) FROM save_flow WHERE saved AND left_on = app_today())::int AS lost_today`)).rows[0];
    expect(after.left - before.left).toBe(2); // the whole disconnection and the late leaver
    expect(after.saves - before.saves).toBe(2);
    expect(after.lost_today).toBeGreaterThanOrEqual(1);
  });

  it('keep mrr_flow, the change of recurring revenue per month, exact through inserts, updates, a move and deletes', async () => {
    const q = (sql: string, params: unknown[] = []) => api.pool.query(sql, params);
    const code = `mrr-${process.pid % 100000}`;
    // Internet at 20 from January, replaced on 15 June by one at 15; TV at 7.25 from 3 March.
    const [id] = await ownRegion(api.pool, code, [{
      connected: '2025-01-10',
      subscriptions: [
        { service: 'internet', fee: 20, start: '2025-01-10', end: '2025-06-15', endReason: 'downgrade' },
        { service: 'internet', fee: 15, start: '2025-06-15' },
        { service: 'iptv', fee: 7.25, start: '2025-03-03' },
      ],
    }]);
    await ownRegion(api.pool, `${code}-b`, []);
    const flow = async (region: string) => (await q(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, v.code AS service, m.fee::float8 AS fee
         FROM mrr_flow m JOIN service v ON v.id = m.service_id JOIN region rg ON rg.id = m.region_id
        WHERE rg.code = $1 AND m.fee <> 0 ORDER BY 1, 2`, [region])).rows;
    expect(await flow(code)).toEqual([
      { month: '2025-01', service: 'internet', fee: 20 },
      { month: '2025-03', service: 'iptv', fee: 7.25 },
      { month: '2025-06', service: 'internet', fee: -5 },
    ]);
    // The key figures read it: MRR at the end of April–June (1 July) and of the period before (1 April).
    const manager = `Bearer ${await api.token('manager')}`;
    const mrrEnd = async () => {
      const { body } = await api.http().get(`/api/reports/key-figures?from=2025-04&to=2025-06&region=${code}`).set('Authorization', manager).expect(200);
      const f = body.figures.find((x: { key: string }) => x.key === 'mrr_end');
      return [f.previous, f.value];
    };
    expect(await mrrEnd()).toEqual([27.25, 22.25]);

    // A fee corrected, an ending moved to August, all in the table as billing would.
    const subs = (await q(`SELECT x.id, v.code, x.monthly_fee::float8 AS fee FROM subscription x JOIN service v ON v.id = x.service_id
                            WHERE x.subscriber_id = $1 ORDER BY v.code, x.started_on`, [id])).rows;
    const [old20, new15, tv] = subs; // internet, internet, iptv
    await q(`UPDATE subscription SET monthly_fee = 9 WHERE id = $1`, [tv.id]);
    await q(`UPDATE subscription SET ended_on = '2025-08-02' WHERE id = $1`, [old20.id]);
    expect(await flow(code)).toEqual([
      { month: '2025-01', service: 'internet', fee: 20 },
      { month: '2025-03', service: 'iptv', fee: 9 },
      { month: '2025-06', service: 'internet', fee: 15 },
      { month: '2025-08', service: 'internet', fee: -20 },
    ]);
    expect(await mrrEnd()).toEqual([29, 44]);
    // The subscriber moves region: its changes move with it.
    await q(`UPDATE subscriber SET region_id = (SELECT id FROM region WHERE code = $1) WHERE id = $2`, [`${code}-b`, id]);
    expect(await flow(code)).toEqual([]);
    expect((await flow(`${code}-b`)).length).toBe(4);
    // A subscription deleted, then the subscriber with the rest.
    await q(`DELETE FROM subscription WHERE id = $1`, [new15.id]);
    expect(await flow(`${code}-b`)).toEqual([
      { month: '2025-01', service: 'internet', fee: 20 },
      { month: '2025-03', service: 'iptv', fee: 9 },
      { month: '2025-08', service: 'internet', fee: -20 },
    ]);
    await q(`DELETE FROM subscriber WHERE id = $1`, [id]);
    expect(await flow(`${code}-b`)).toEqual([]);
    const { kept, rebuilt } = await keptAndRebuilt(api.pool);
    expect(kept.mrr_flow?.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
  });

  it('are every one under set_report_rollup_triggers(), the switch of a bulk load', async () => {
    // Every trigger that keeps a roll-up or churn_fact is one the switch removes and installs (answer_flow's and
    // mrr_flow's were not); the demo-data test runs the switch itself on its own database.
    const names: string[] = (await api.pool.query(
      `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND (tgname LIKE 'rollup\\_%' OR tgname LIKE 'churn\\_fact\\_%') ORDER BY 1`,
    )).rows.map((r) => r.tgname);
    const [{ def }] = (await api.pool.query(`SELECT pg_get_functiondef('set_report_rollup_triggers(boolean)'::regprocedure) AS def`)).rows;
    expect(names).toEqual(expect.arrayContaining(['rollup_revenue_flow_insert', 'rollup_survey_answer_delete', 'churn_fact_update']));
    expect(names.filter((n) => !def.includes(`DROP TRIGGER IF EXISTS ${n} ON`) || !def.includes(`CREATE TRIGGER ${n} `))).toEqual([]);
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
