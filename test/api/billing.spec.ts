import { freshSubscribers, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/**
 * Billing posts the disconnections it performed: authenticated by BILLING_API_KEY, idempotent by billing's event
 * id, recorded as any churn is (a resolved request, churn facts, the subscriber's subscriptions ended with the
 * kind of ending), closing an open request of the subscriber consistently.
 */
const KEY = 'billing-spec-key-0123456789abcdef0123456789';

describe('billing posts disconnections', () => {
  let api: TestApi;
  let operator: string;
  const post = (body: object, key = KEY) =>
    api.http().post('/api/billing/disconnections').set('Authorization', `Bearer ${key}`).send(body);
  const facts = async (subscriberId: string) =>
    (await api.pool.query(`SELECT service, kind, outcome, reason_code FROM churn_fact WHERE subscriber_id = $1 ORDER BY service`, [subscriberId])).rows;

  beforeAll(async () => {
    api = await startApi({ BILLING_API_KEY: KEY });
    operator = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api.close());

  it('refuses a caller without the key, and a user token, before reading the input', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const body = { eventId: `evt-nokey-${process.pid}`, accountNumber: s.accountNumber, kind: 'non_payment' };
    expect((await api.http().post('/api/billing/disconnections').send(body)).status).toBe(401);
    expect((await post(body, 'x'.repeat(KEY.length))).status).toBe(401);
    expect((await api.http().post('/api/billing/disconnections').set('Authorization', operator).send(body)).status).toBe(401);
    const off = await startApi({ BILLING_API_KEY: '' });
    try {
      expect((await off.http().post('/api/billing/disconnections').set('Authorization', `Bearer ${KEY}`).send(body)).status).toBe(404);
    } finally {
      await off.close();
    }
    expect((await api.pool.query(`SELECT count(*)::int AS n FROM billing_disconnection WHERE event_id = $1`, [body.eventId])).rows[0].n).toBe(0);
  });

  it('records a non-payment disconnection of a subscriber without a request, once per event id', async () => {
    const [s] = await freshSubscribers(api.pool, 1, 2);
    const body = { eventId: `evt-np-${process.pid}`, accountNumber: s.accountNumber, kind: 'non_payment' };
    const first = await post(body).expect(201);
    expect(first.body).toMatchObject({ eventId: body.eventId, replayed: false, accountNumber: s.accountNumber });
    expect(first.body.requests).toHaveLength(1);
    const [req] = first.body.requests;
    expect(req).toMatchObject({ status: 'resolved', outcome: 'disconnected', kind: 'non_payment', channel: 'api', reasonCode: 'other_unknown', effectiveDate: TEST_TODAY });
    expect([...req.services].sort()).toEqual(s.services);
    expect(req.mrrLost).toBeCloseTo(s.monthlyRevenue, 2);

    const sub = (await api.pool.query(`SELECT status, disconnect_kind, disconnected_on::text AS d FROM subscriber WHERE id = $1`, [s.id])).rows[0];
    expect(sub).toEqual({ status: 'disconnected', disconnect_kind: 'non_payment', d: TEST_TODAY });
    const ends = (await api.pool.query(`SELECT DISTINCT end_reason FROM subscription WHERE subscriber_id = $1 AND ended_on = $2`, [s.id, TEST_TODAY])).rows;
    expect(ends).toEqual([{ end_reason: 'non_payment' }]);
    expect(await facts(s.id)).toEqual(s.services.map((service) => ({ service, kind: 'non_payment', outcome: 'disconnected', reason_code: 'other_unknown' })));

    // Billing retries: the first answer, nothing written twice.
    const again = await post(body).expect(200);
    expect(again.body).toMatchObject({ replayed: true, requests: [{ id: req.id }] });
    expect(await facts(s.id)).toHaveLength(s.services.length);
    // The same event id with another body is billing's mistake.
    const other = await post({ ...body, kind: 'voluntary' }).expect(422);
    expect(other.body.fields.map((f: { field: string }) => f.field)).toEqual(['eventId']);
    // A subscriber with nothing left to disconnect.
    await post({ ...body, eventId: `evt-np2-${process.pid}` }).expect(409);
  });

  it("closes the subscriber's open request: partially retained when billing ended only some of its services", async () => {
    const [s] = await freshSubscribers(api.pool, 1, 2);
    const created = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${created.body.id}/claim`).set('Authorization', operator).expect(200);
    const [gone, ...kept] = s.services;
    // The day before, unless a service began only today (another spec may have connected it): never before a start.
    const { rows: [{ latest }] } = await api.pool.query(`SELECT max(started_on)::text AS latest FROM subscription WHERE subscriber_id = $1`, [s.id]);
    const dayBefore = new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const yesterday = latest > dayBefore ? TEST_TODAY : dayBefore;
    const res = await post({ eventId: `evt-open-${process.pid}`, accountNumber: s.accountNumber, kind: 'voluntary', services: [gone], disconnectedOn: yesterday }).expect(201);
    expect(res.body.requests.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect(res.body.requests[0]).toMatchObject({ status: 'resolved', outcome: 'partially_retained', kind: 'voluntary', keptServices: kept, effectiveDate: yesterday });
    expect(res.body.requests[0].events.map((e: { action: string }) => e.action)).toEqual(['create', 'claim', 'billing_disconnection']);
    expect(await facts(s.id)).toEqual([{ service: gone, kind: 'voluntary', outcome: 'partially_retained', reason_code: 'other_unknown' }]);
    const sub = (await api.pool.query(`SELECT status FROM subscriber WHERE id = $1`, [s.id])).rows[0];
    expect(sub.status).toBe('active');
    // Gone from the queue; the kept services can be asked about again.
    const queue = await api.http().get(`/api/disconnect-requests?subscriberId=${s.id}`).set('Authorization', operator).expect(200);
    expect(queue.body.items).toEqual([]);
    await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: kept, channel: 'phone' }).expect(201);
  });

  it('refuses a future date, an unknown subscriber and a service the subscriber does not have, writing nothing', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const future = new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const tooLate = await post({ eventId: `evt-f-${process.pid}`, accountNumber: s.accountNumber, kind: 'voluntary', disconnectedOn: future }).expect(400);
    expect(tooLate.body.fields.map((f: { field: string }) => f.field)).toEqual(['disconnectedOn']);
    // Before a service began: a 400 naming the date, not the database's refusal.
    const { rows: [{ first }] } = await api.pool.query(`SELECT min(started_on)::text AS first FROM subscription WHERE subscriber_id = $1`, [s.id]);
    const before = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const tooEarly = await post({ eventId: `evt-e-${process.pid}`, accountNumber: s.accountNumber, kind: 'voluntary', disconnectedOn: before }).expect(400);
    expect(tooEarly.body.fields.map((f: { field: string }) => f.field)).toEqual(['disconnectedOn']);
    await post({ eventId: `evt-u-${process.pid}`, accountNumber: 'NO-SUCH', kind: 'voluntary' }).expect(404);
    const svc = await post({ eventId: `evt-s-${process.pid}`, accountNumber: s.accountNumber, kind: 'voluntary', services: ['no_such_service'] }).expect(400);
    expect(svc.body.fields.map((f: { field: string }) => f.field)).toEqual(['services']);
    const bad = await post({ eventId: 'has spaces', accountNumber: s.accountNumber, kind: 'later' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['eventId', 'kind']);
    expect((await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE subscriber_id = $1`, [s.id])).rows[0].n).toBe(0);
  });
});
