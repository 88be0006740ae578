import { PlanAlertsService } from '@retention/api-plans';
import { freshSubscribers, openEventStream, startApi, TestApi } from '@retention/test-support';

/**
 * Plan alerts for managers, pushed on the console's event stream: churn above the plan's pace and a save rate
 * under target (evaluated for a month of this test's own, 2031-06, whose requests it re-dates), and approvals
 * waiting too long (the queue's evaluation, heard after a decision without anyone asking).
 */
describe('plan alerts', () => {
  let api: TestApi;
  let op: string;
  let manager: string;
  const MONTH = '2031-06';
  const AT = new Date('2031-06-15T10:00:00Z');

  beforeAll(async () => {
    api = await startApi({ JOB_POLL_SECONDS: '0.5', APPROVAL_WAIT_MINUTES: '10' });
    op = await api.token('operator');
    manager = await api.token('manager');
  });
  afterAll(() => api.close());

  const alerts = async (includeCleared = false) =>
    (await api.http().get(`/api/plan-alerts${includeCleared ? '?includeCleared=true' : ''}`).set('Authorization', `Bearer ${manager}`).expect(200)).body as
      { id: string; kind: string; month: string | null; managed: boolean | null; actual: number; forecast: number; planned: number; resolvedRequests: number; approvalId: string; clearedAt: string | null }[];

  async function setPlan(managedMax: number, targetSaveRate: number) {
    const current = await api.http().get(`/api/churn-plans/${MONTH}`).set('Authorization', `Bearer ${manager}`);
    await api.http().put(`/api/churn-plans/${MONTH}`).set('Authorization', `Bearer ${manager}`)
      .send({ lines: [{ service: 'internet', region: null, managedMax, unmanagedMax: 100, targetSaveRate }], baseVersion: current.status === 404 ? 0 : current.body.version })
      .expect(200);
  }

  /** A managed disconnection of internet, resolved on 10 June 2031. */
  async function disconnect(accountNumber: string) {
    const auth = `Bearer ${op}`;
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', auth).send({ accountNumber, services: ['internet'], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', auth).send({ outcome: 'disconnected', reasonCode: 'price_increase' }).expect(200);
    const at = '2031-06-10T12:00:00Z';
    await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, at]);
  }

  it('raises churn above the plan’s pace and a save rate under target once, on the managers’ stream only, and clears them', async () => {
    const subscribers = (await freshSubscribers(api.pool, 60)).filter((s) => s.services.includes('internet')).slice(0, 10);
    expect(subscribers).toHaveLength(10);
    await setPlan(0, 0.5);
    const service = api.app.get(PlanAlertsService);
    const managers = await openEventStream(api.app, '/api/events', manager);
    const operators = await openEventStream(api.app, '/api/events', op);
    try {
      await managers.next((e) => e.type === 'ready');
      await operators.next((e) => e.type === 'ready');

      // One managed disconnection by 15 June: forecast 1 / 15 days x 30 = 2 > 0 planned. One request is no save rate yet.
      await disconnect(subscribers[0].accountNumber);
      const first = await service.evaluate(AT);
      const pace = first.find((e) => e.kind === 'churn_pace' && e.state === 'raised');
      expect(pace).toBeDefined();
      expect(first.filter((e) => e.kind === 'save_rate')).toEqual([]);
      const event = await managers.next((e) => e.type === 'plan_alert' && (e.data as { alertId: string }).alertId === pace?.alertId);
      expect(event.data).toEqual({ type: 'plan_alert', alertId: pace?.alertId, kind: 'churn_pace', state: 'raised' });
      expect((await alerts()).find((a) => a.id === pace?.alertId)).toMatchObject({ kind: 'churn_pace', month: MONTH, managed: true, actual: 1, forecast: 2, planned: 0, clearedAt: null });

      // Nine more: ten resolved, none saved (0 % < 50 %); the pace alert holds (the same alert, not raised again).
      for (const s of subscribers.slice(1)) await disconnect(s.accountNumber);
      // Approvals other specs leave pending come to wait too long meanwhile: this test reads its month's plan alerts only.
      const planOnly = <T extends { kind: string }>(changes: T[]) => changes.filter((e) => e.kind !== 'approval_waiting');
      const second = planOnly(await service.evaluate(AT));
      expect(second.map((e) => [e.kind, e.state])).toEqual([['save_rate', 'raised']]);
      const rate = (await alerts()).find((a) => a.id === second[0].alertId);
      expect(rate).toMatchObject({ kind: 'save_rate', month: MONTH, actual: 0, planned: 0.5, resolvedRequests: 10 });
      expect((await alerts()).find((a) => a.id === pace?.alertId)).toMatchObject({ actual: 10, forecast: 20 });
      await managers.next((e) => e.type === 'plan_alert' && (e.data as { alertId: string }).alertId === rate?.id);

      // A plan that allows it: both are cleared, and say so on the stream.
      await setPlan(100, 0);
      const third = planOnly(await service.evaluate(AT));
      expect(third.map((e) => [e.alertId, e.state]).sort()).toEqual([[pace?.alertId, 'cleared'], [rate?.id, 'cleared']].sort());
      await managers.next((e) => e.type === 'plan_alert' && (e.data as { state: string; alertId: string }).state === 'cleared' && (e.data as { alertId: string }).alertId === pace?.alertId);
      expect((await alerts()).map((a) => a.id)).not.toContain(pace?.alertId);
      expect((await alerts(true)).find((a) => a.id === pace?.alertId)?.clearedAt).toEqual(AT.toISOString());

      // The operator's stream heard none of it.
      await expect(operators.next((e) => e.type === 'plan_alert', 300)).rejects.toThrow(/no matching event/);
    } finally {
      managers.close();
      operators.close();
    }
  });

  it('raises an approval waiting too long, and clears it by itself once a manager decides it', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const auth = `Bearer ${op}`;
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', auth).send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth).expect(200);
    const { body: offers } = await api.http().get(`/api/disconnect-requests/${req.id}/offers?reasonCode=price_increase`).set('Authorization', auth).expect(200);
    const offer = offers.find((o: { eligible: boolean }) => o.eligible);
    const { body: approval } = await api.http().post(`/api/disconnect-requests/${req.id}/approvals`).set('Authorization', auth).send({ offerCode: offer.code, note: '' }).expect(201);
    const service = api.app.get(PlanAlertsService);
    const stream = await openEventStream(api.app, '/api/events', manager);
    try {
      await stream.next((e) => e.type === 'ready');
      // Nine minutes is within the wait; eleven is not.
      await api.pool.query(`UPDATE offer_approval SET requested_at = app_now() - interval '9 minutes' WHERE id = $1`, [approval.id]);
      await service.evaluate(new Date(Date.parse((await api.pool.query(`SELECT app_now() AS t`)).rows[0].t)));
      expect((await alerts()).filter((a) => a.approvalId === approval.id)).toEqual([]);
      await api.pool.query(`UPDATE offer_approval SET requested_at = app_now() - interval '11 minutes' WHERE id = $1`, [approval.id]);
      await service.evaluate(new Date(Date.parse((await api.pool.query(`SELECT app_now() AS t`)).rows[0].t)));
      const [open] = (await alerts()).filter((a) => a.approvalId === approval.id);
      expect(open).toMatchObject({ kind: 'approval_waiting', month: null, clearedAt: null });
      await stream.next((e) => e.type === 'plan_alert' && (e.data as { alertId: string }).alertId === open.id);

      // The decision queues an evaluation (heard on the bus): the alert is cleared with nobody calling it.
      await api.http().post(`/api/approvals/${approval.id}/decision`).set('Authorization', `Bearer ${manager}`).send({ decision: 'approved' }).expect(200);
      const cleared = await stream.next((e) => e.type === 'plan_alert' && (e.data as { alertId: string }).alertId === open.id, 8_000);
      expect(cleared.data).toMatchObject({ kind: 'approval_waiting', state: 'cleared' });
    } finally {
      stream.close();
    }
  });

  it('answers only managers, and refuses a includeCleared that is not true or false', async () => {
    await api.http().get('/api/plan-alerts').set('Authorization', `Bearer ${op}`).expect(403);
    const bad = await api.http().get('/api/plan-alerts?includeCleared=yes').set('Authorization', `Bearer ${manager}`).expect(400);
    expect(bad.body.fields?.[0]?.field).toBe('includeCleared');
  });
});
