import { appClock, freshSubscribers, startApi, TestApi } from '@retention/test-support';

/**
 * The churn-accounting rules of docs/methodology.md, each checked through HTTP against figures
 * counted by hand in the test: its own subscribers, and (where a figure reads the whole base) its
 * own region or its own months, so that the demo data does not interfere.
 */
describe('churn accounting', () => {
  let api: TestApi;
  let op: string;
  let manager: string;
  let executive: string;

  beforeAll(async () => {
    api = await startApi();
    op = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
    executive = `Bearer ${await api.token('executive')}`;
  });
  afterAll(() => api.close());

  const thisMonth = () => appClock().now().toISOString().slice(0, 7);
  const get = async (path: string, who = executive) => (await api.http().get(path).set('Authorization', who).expect(200)).body;

  /** Create, claim and resolve a request; returns the resolved view. */
  async function resolve(accountNumber: string, services: string[], body: Record<string, unknown>, kind?: 'voluntary' | 'non_payment') {
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber, services, channel: 'phone', ...(kind ? { kind } : {}) }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    return (await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op).send(body).expect(200)).body;
  }

  describe('1. non-payment stays apart from voluntary churn', () => {
    it('a non-payment request leaves the subscriber, the subscription, the plan and the reports with non-payment, not voluntary churn', async () => {
      const month = thisMonth();
      const [debtor, leaver] = (await freshSubscribers(api.pool, 20)).filter((s) => s.services.length === 1 && s.services[0] === 'internet').slice(0, 2);
      await api.http().put(`/api/churn-plans/${month}`).set('Authorization', manager)
        .send({ lines: [{ service: 'internet', region: null, managedMax: 400, unmanagedMax: 100, targetSaveRate: 0.3 }] }).expect(200);
      const line = async () => (await get(`/api/churn-plans/${month}`)).lines.find((l: { region: string | null }) => l.region === null);
      const pva = async () => (await get(`/api/reports/plan-vs-actual?from=${month}&to=${month}&service=internet`)).rows[0];
      const reasons = async () => get(`/api/reports/churn-by-reason?from=${month}&to=${month}`);
      const [line0, pva0, reasons0] = [await line(), await pva(), await reasons()];

      await resolve(debtor.accountNumber, [], { outcome: 'disconnected', reasonCode: 'financial_hardship' }, 'non_payment');
      await resolve(leaver.accountNumber, [], { outcome: 'disconnected', reasonCode: 'financial_hardship' });

      const card = await get(`/api/subscribers/${debtor.id}`, op);
      expect(card.disconnectKind).toBe('non_payment');
      expect(card.subscriptions.filter((x: { endedAt: string | null }) => x.endedAt).map((x: { endReason: string }) => x.endReason)).toEqual(['non_payment']);
      expect((await get(`/api/subscribers/${leaver.id}`, op)).disconnectKind).toBe('voluntary');

      // By hand: the voluntary leaver is one managed disconnection; the debtor is one non-payment ending, not churn.
      const [line1, pva1, reasons1] = [await line(), await pva(), await reasons()];
      expect([line1.actualManaged - line0.actualManaged, line1.actualUnmanaged - line0.actualUnmanaged, line1.actualNonPayment - line0.actualNonPayment]).toEqual([1, 0, 1]);
      expect([pva1.actualManaged - pva0.actualManaged, pva1.actualUnmanaged - pva0.actualUnmanaged, pva1.actualNonPayment - pva0.actualNonPayment]).toEqual([1, 0, 1]);
      expect(reasons1.total.subscribers - reasons0.total.subscribers).toBe(1);
      expect(reasons1.nonPayment.subscribers - reasons0.nonPayment.subscribers).toBe(1);

      // The export carries the non-payment column beside the voluntary ones.
      const csv = await api.http().get(`/api/reports/plan-vs-actual?from=${month}&to=${month}&service=internet&format=csv`).set('Authorization', executive).expect(200);
      const [header, row] = csv.text.trim().split('\r\n').map((l) => l.split(','));
      expect(Number(row[header.indexOf('Non-payment')])).toBe(pva1.actualNonPayment);
      expect(Number(row[header.indexOf('Managed actual')])).toBe(pva1.actualManaged);
    });
  });
});
