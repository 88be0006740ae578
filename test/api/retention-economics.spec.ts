import { addMonths } from '@retention/domain';
import { appClock, ownRegion, startApi, TestApi } from '@retention/test-support';

/**
 * Retention economics (docs/methodology.md, "Retention economics") through HTTP, on a region of the
 * test's own with figures counted by hand.
 */
describe('retention economics', () => {
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

  const thisMonth = () => appClock().today().slice(0, 7);

  it('keeps each cost from the month that sets it until a later month sets another; refuses what is not a cost', async () => {
    const base = addMonths(thisMonth(), -30);
    await api.http().put(`/api/retention-costs/${base}`).set('Authorization', manager)
      .send({ staffCostPerHour: 12.5, acquisitionCosts: [{ service: 'telephony', cost: 40 }] }).expect(200);
    const { body: later } = await api.http().put(`/api/retention-costs/${addMonths(base, 2)}`).set('Authorization', manager)
      .send({ acquisitionCosts: [{ service: 'telephony', cost: 55 }] }).expect(200);
    expect(later.staffCostPerHour).toBe(12.5);
    expect(later.staffCostSetIn).toBe(base);
    expect(later.acquisitionCosts.find((a: { service: string }) => a.service === 'telephony')).toEqual({ service: 'telephony', cost: 55, setIn: addMonths(base, 2) });
    const { body: between } = await api.http().get(`/api/retention-costs/${addMonths(base, 1)}`).set('Authorization', executive).expect(200);
    expect(between.acquisitionCosts.find((a: { service: string }) => a.service === 'telephony')).toEqual({ service: 'telephony', cost: 40, setIn: base });
    const { body: before } = await api.http().get(`/api/retention-costs/${addMonths(base, -1)}`).set('Authorization', executive).expect(200);
    expect(before.staffCostPerHour).toBeNull();

    const bad = async (body: object, field: string) => {
      const res = await api.http().put(`/api/retention-costs/${base}`).set('Authorization', manager).send(body).expect(400);
      expect(JSON.stringify(res.body.fields ?? res.body.message)).toContain(field);
    };
    await bad({ staffCostPerHour: -1 }, 'staffCostPerHour');
    await bad({ acquisitionCosts: [{ service: 'no-such-service', cost: 10 }] }, 'acquisitionCosts');
    await bad({ acquisitionCosts: [{ service: 'telephony', cost: 10 }, { service: 'telephony', cost: 11 }] }, 'acquisitionCosts');
    await api.http().put(`/api/retention-costs/${base}`).set('Authorization', executive).send({ staffCostPerHour: 1 }).expect(403);
    // Nothing of the refused calls was written.
    const { body: after } = await api.http().get(`/api/retention-costs/${base}`).set('Authorization', executive).expect(200);
    expect(after.staffCostPerHour).toBe(12.5);
  });

  it('the cost of saves (offers and staff time) against the revenue kept and the cost of acquiring them, counted by hand', async () => {
    const month = thisMonth();
    const long = `${addMonths(month, -24)}-01`;
    const internet = { service: 'internet', fee: 30, start: long };
    const iptv = { service: 'iptv', fee: 20, start: long };
    const left = `${addMonths(month, -3)}-10`;
    // Ten there a year before last month; two left voluntarily since: 2 / 10 / 12 a month, a 60-month lifetime.
    const ids = await ownRegion(api.pool, 'own-economics', [
      ...Array.from({ length: 5 }, () => ({ connected: long, subscriptions: [internet] })),
      { connected: long, subscriptions: [internet, iptv] },
      ...Array.from({ length: 2 }, () => ({ connected: long, subscriptions: [internet] })),
      ...Array.from({ length: 2 }, () => ({ connected: long, disconnected: left, subscriptions: [{ ...internet, end: left }] })),
    ]);
    const { rows: accounts } = await api.pool.query(`SELECT id, account_number FROM subscriber WHERE id = ANY ($1)`, [ids]);
    const account = (i: number) => accounts.find((a) => a.id === ids[i]).account_number;

    // Last month sets staff 20 an hour and acquisition 150 internet, 80 IPTV; this month raises internet to 200.
    await api.http().put(`/api/retention-costs/${addMonths(month, -1)}`).set('Authorization', manager)
      .send({ staffCostPerHour: 20, acquisitionCosts: [{ service: 'internet', cost: 150 }, { service: 'iptv', cost: 80 }] }).expect(200);
    await api.http().put(`/api/retention-costs/${month}`).set('Authorization', manager)
      .send({ acquisitionCosts: [{ service: 'internet', cost: 200 }] }).expect(200);

    /** A request handled for `minutes` between its claim and its resolution. */
    async function handled(i: number, minutes: number, body: Record<string, unknown>): Promise<string> {
      const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: account(i), services: [], channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
      await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op).send(body).expect(200);
      await api.pool.query(
        `UPDATE request_event SET at = CASE action WHEN 'create' THEN app_today() + time '08:00'
                                                   WHEN 'claim' THEN app_today() + time '09:00'
                                                   ELSE app_today() + time '09:00' + make_interval(mins => $2) END
          WHERE request_id = $1`,
        [req.id, minutes],
      );
      return req.id;
    }
    const a = await handled(0, 30, { outcome: 'retained', reasonCode: 'price_increase' });
    await api.pool.query(`UPDATE disconnect_request SET offer_cost = 90 WHERE id = $1`, [a]); // the offer A was kept with
    await handled(5, 60, { outcome: 'retained', reasonCode: 'price_increase' });
    await handled(6, 30, { outcome: 'disconnected', reasonCode: 'price_increase' });

    const { body } = await api.http().get(`/api/reports/retention-economics?from=${month}&to=${month}&region=own-economics`)
      .set('Authorization', executive).expect(200);
    expect(body.expectedLifetimeMonths).toBe(60);
    // Saves: A (internet 30, offer 90, half an hour) and B (internet 30 + IPTV 20, an hour); C lost (half an hour).
    // Staff: 2 h × 20 = 40; cost of saves 90 + 40 = 130, 65 a save. Kept: (30 + 50) × 60 = 4,800.
    // Acquiring them: A internet 200; B internet 200 + IPTV 80; 480 / 2 = 240 a save.
    expect(body.total).toEqual({
      service: null, saves: 2, savesConfirmed: 0, requests: 3, offerCost: 90, staffHours: 2, staffCost: 40, costOfSaves: 130,
      monthlyRevenueSaved: 80, revenueSaved: 4800, costPerSave: 65, costPerAcquisition: 240, returnOnSaves: 36.92, keepingPaysBetter: true,
    });
    // Per service, B's hour is shared by its fees: 0.6 internet, 0.4 IPTV.
    const byService = Object.fromEntries(body.byService.map((r: { service: string }) => [r.service, r]));
    expect(byService['internet']).toMatchObject({ saves: 2, requests: 3, offerCost: 90, staffHours: 1.6, staffCost: 32, costOfSaves: 122,
      monthlyRevenueSaved: 60, revenueSaved: 3600, costPerSave: 61, costPerAcquisition: 200 });
    expect(byService['iptv']).toMatchObject({ saves: 1, requests: 1, offerCost: 0, staffHours: 0.4, staffCost: 8, costOfSaves: 8,
      monthlyRevenueSaved: 20, revenueSaved: 1200, costPerSave: 8, costPerAcquisition: 80 });
    expect(body.staffCostPerHour).toBe(20);

    // With a service: that service's requests and figures only.
    const { body: tv } = await api.http().get(`/api/reports/retention-economics?from=${month}&to=${month}&region=own-economics&service=iptv`)
      .set('Authorization', executive).expect(200);
    expect(tv.total).toMatchObject({ saves: 1, requests: 1, staffHours: 0.4, monthlyRevenueSaved: 20 });
    expect(tv.byService.map((r: { service: string }) => r.service)).toEqual(['iptv']);
  });
});
