import { RequestsService } from '@retention/api-requests';
import { appClock, freshSubscribers, openEventStream, startApi, TestApi } from '@retention/test-support';

/**
 * Live events for the console: what one API process commits reaches the streams of every process (PostgreSQL
 * LISTEN/NOTIFY), within a second.
 */
describe('console events', () => {
  let api: TestApi;
  let other: TestApi;
  let op: string;
  let manager: string;

  beforeAll(async () => {
    api = await startApi({ JOB_POLL_SECONDS: '0.5' });
    // A second API process of the same console: the manager works on this one.
    other = await startApi({ JOB_POLL_SECONDS: '0.5' });
    op = await api.token('operator');
    manager = await other.token('manager');
  });
  afterAll(async () => {
    await other.close();
    await api.close();
  });

  it('an approval decided by a manager on another process reaches the operator’s stream within a second', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const auth = `Bearer ${op}`;
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', auth)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Too expensive' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth).expect(200);
    const { body: offers } = await api.http().get(`/api/disconnect-requests/${req.id}/offers?reasonCode=price_increase`).set('Authorization', auth).expect(200);
    const big = offers.find((o: { eligible: boolean; needsApproval: boolean }) => o.eligible && o.needsApproval) ?? offers.find((o: { eligible: boolean }) => o.eligible);
    const { body: approval } = await api.http().post(`/api/disconnect-requests/${req.id}/approvals`).set('Authorization', auth)
      .send({ offerCode: big.code, note: 'loyal for years' }).expect(201);

    const stream = await openEventStream(api.app, '/api/events', op);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await stream.next((e) => e.type === 'ready');
      await other.http().post(`/api/approvals/${approval.id}/decision`).set('Authorization', `Bearer ${manager}`)
        .send({ decision: 'approved' }).expect(200);
      // Within a second of the decision being answered (committed): the answer's own time is not the push's.
      const decided = Date.now();
      // The decision's event (the claim's and the approval request's may still come first: a notification is sent
      // after its commit, batched, and under load can reach a stream opened just after it).
      const event = await stream.next((e) => {
        const d = e.data as { requestId?: string; action?: string };
        return e.type === 'request' && d.requestId === req.id && d.action === 'approval_approved';
      }, 1_000);
      expect(Date.now() - decided).toBeLessThan(1_000);
      expect(event.data).toEqual({
        type: 'request', requestId: req.id, action: 'approval_approved', from: 'in_progress', to: 'in_progress',
        actor: 'manager', assignee: 'operator', offerCode: big.code,
      });
    } finally {
      stream.close();
    }
  });

  it('tells of a new request and of a claim, and nothing of a step that failed', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const stream = await openEventStream(other.app, '/api/events', manager);
    try {
      await stream.next((e) => e.type === 'ready');
      const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', `Bearer ${op}`)
        .send({ accountNumber: s.accountNumber, services: [], channel: 'web' }).expect(201);
      const created = await stream.next((e) => (e.data as { requestId?: string }).requestId === req.id);
      expect(created.data).toMatchObject({ action: 'create', to: 'new', actor: 'operator', assignee: null });
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', `Bearer ${op}`).expect(200);
      expect((await stream.next((e) => (e.data as { requestId?: string }).requestId === req.id)).data).toMatchObject({ action: 'claim', to: 'in_progress', assignee: 'operator' });
      // A second claim is refused (409): its transaction rolls back, and with it its event.
      const op2 = await api.signIn('operator');
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', `Bearer ${op2}`).expect(409);
      await expect(stream.next((e) => (e.data as { requestId?: string }).requestId === req.id, 700)).rejects.toThrow(/no matching event/);
    } finally {
      stream.close();
    }
  });

  it('announces a call-back in the minute after its time, once it has come, to every process', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const auth = `Bearer ${op}`;
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', auth)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth).expect(200);
    const at = new Date(appClock().nowMs() + 3_000);
    at.setMilliseconds(0);
    const callbackAt = new Date(at.getTime() + 1_000).toISOString();
    await api.http().post(`/api/disconnect-requests/${req.id}/postpone`).set('Authorization', auth).send({ callbackAt, note: '' }).expect(200);

    const stream = await openEventStream(other.app, '/api/events', op);
    try {
      await stream.next((e) => e.type === 'ready');
      const service = api.app.get(RequestsService);
      // The job of the minute after the call-back announces it, once it has come; the minutes around it do not.
      const minuteAfter = new Date(Math.floor(Date.parse(callbackAt) / 60_000) * 60_000 + 60_000);
      const mine = (e: { type: string; data: unknown }) => e.type === 'callback_due' && (e.data as { requestId: string }).requestId === req.id;
      // The negative checks hold only while their moment lasts: on a loaded machine the call-back may have come
      // before the first, and every API process on this database runs the real minute job, which announces it once
      // the minute after has begun. Each is checked when the clock leaves it room (as it does on an idle machine).
      const before = (ms: number) => appClock().nowMs() < ms - 400;
      if (before(Date.parse(callbackAt))) {
        await service.announceDueCallbacks(minuteAfter);
        await expect(stream.next(mine, 300)).rejects.toThrow(/no matching event/);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(callbackAt) - appClock().nowMs() + 100)));
      if (before(minuteAfter.getTime())) {
        await service.announceDueCallbacks(new Date(minuteAfter.getTime() - 60_000));
        await service.announceDueCallbacks(new Date(minuteAfter.getTime() + 60_000));
        await expect(stream.next(mine, 300)).rejects.toThrow(/no matching event/);
      }
      await service.announceDueCallbacks(minuteAfter);
      const due = await stream.next(mine, 1_000);
      expect(due.data).toEqual({ type: 'callback_due', requestId: req.id, assignee: 'operator', subscriberName: expect.any(String), callbackAt });
    } finally {
      stream.close();
    }
  });

  it('refuses a stream without a token, or to a role that reads no requests', async () => {
    const anonymous = await openEventStream(api.app, '/api/events');
    expect(anonymous.status).toBe(401);
    const admin = await openEventStream(api.app, '/api/events', await api.token('admin'));
    expect(admin.status).toBe(403);
    expect(admin.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
  });
});
