import { addMonths } from '@retention/domain';
import { appClock, type OwnSubscriber, ownRegion, startApi, TestApi } from '@retention/test-support';

/**
 * Risk segments (docs/methodology.md, "Risk segments") through HTTP, on a region of the test's own
 * with figures counted by hand, and each segment's drill-down listing exactly its leavers.
 */
describe('risk segments', () => {
  let api: TestApi;
  let executive: string;

  beforeAll(async () => {
    api = await startApi();
    executive = `Bearer ${await api.token('executive')}`;
  });
  afterAll(() => api.close());

  it('churn by contract, spend quartile, tenure band, region and service against the best segment, each drillable', async () => {
    const month = addMonths(appClock().today().slice(0, 7), -2);
    const start = `${month}-01`;
    const left = `${month}-10`;
    const since = (months: number, day = '01') => `${addMonths(month, -months)}-${day}`;
    const sub = (contract: string, connected: string, fees: Record<string, number>, leaves?: 'voluntary' | 'non_payment', dropped?: string) => ({
      contract,
      person: {
        connected,
        ...(leaves ? { disconnected: left, kind: leaves } : {}),
        subscriptions: Object.entries(fees).map(([service, fee]) => ({
          service, fee, start: connected,
          ...(leaves ? { end: left, endReason: leaves === 'voluntary' ? 'disconnected' as const : 'non_payment' as const } : {}),
          ...(service === dropped ? { end: `${month}-12`, endReason: 'dropped' as const } : {}),
        })),
      } as OwnSubscriber,
    });
    const people = [
      sub('month_to_month', since(24), { internet: 30 }, 'voluntary'), // 0
      sub('month_to_month', since(3, '15'), { internet: 30 }, 'voluntary'), // 1: poor
      sub('month_to_month', since(3, '15'), { internet: 30, iptv: 20 }), // 2: poor
      sub('month_to_month', since(8, '15'), { internet: 40 }), // 3: fair
      sub('12m', since(24), { internet: 60 }, 'voluntary'), // 4
      sub('12m', since(14, '15'), { internet: 30 }, 'non_payment'), // 5: good; non-payment is not voluntary churn
      sub('12m', since(24), { internet: 30 }), // 6
      sub('24m', since(24), { internet: 30, iptv: 20, telephony: 10 }, undefined, 'iptv'), // 7: drops IPTV
      sub('24m', since(24), { internet: 80 }), // 8
      sub('24m', since(24), { internet: 30 }), // 9
      sub('24m', since(24), { internet: 30 }, 'voluntary'), // 10
      // Joined and left inside the month: not among those at its start.
      { contract: 'month_to_month', person: { connected: `${month}-05`, disconnected: `${month}-20`, subscriptions: [{ service: 'internet', fee: 30, start: `${month}-05`, end: `${month}-20` }] } },
    ];
    const ids = await ownRegion(api.pool, 'own-risk', people.map((p) => p.person));
    for (const [i, p] of people.entries()) await api.pool.query(`UPDATE subscriber SET contract_type = $2 WHERE id = $1`, [ids[i], p.contract]);

    const { body } = await api.http().get(`/api/reports/risk-segments?from=${month}&to=${month}&region=own-risk`).set('Authorization', executive).expect(200);
    const dim = (d: string) => body.dimensions.find((x: { dimension: string }) => x.dimension === d).segments as Record<string, unknown>[];
    const brief = (d: string) => dim(d).map((s) => [s['key'], s['atStart'], s['left'], s['ratioToBest'], s['best']]);

    // Contract: month-to-month 2 of 4 (0.5), 12 months 1 of 3, 24 months 1 of 4 (0.25, the best).
    expect(brief('contract')).toEqual([['month_to_month', 4, 2, 2, false], ['12m', 3, 1, 1.33, false], ['24m', 4, 1, 1, true]]);
    // Tenure at the start: excellent 3 of 7, good 0 of 1, fair 0 of 1, poor 1 of 2; the best lost nobody: no ratios.
    expect(brief('tenure')).toEqual([['poor', 2, 1, null, false], ['fair', 1, 0, null, true], ['good', 1, 0, null, true], ['excellent', 7, 3, null, false]]);
    // Spend at the start: 30 ×6, 40, 50, 60 ×2, 80; quartile bounds 30, 30, 60 (the tie merges the second quartile into the first).
    expect(dim('spend').map((s) => [s['key'], s['atStart'], s['left'], s['spendAbove'], s['spendTo']]))
      .toEqual([['1', 6, 3, null, 30], ['3', 4, 1, 30, 60], ['4', 1, 0, 60, null]]);
    expect(brief('region')).toEqual([['own-risk', 11, 4, 1, true]]);
    // Services: internet 4 of 11 (non-payment apart), IPTV 1 of 2 dropped, telephony 0 of 1.
    expect(brief('service')).toEqual([['internet', 11, 4, null, false], ['iptv', 2, 1, null, false], ['telephony', 1, 0, null, true]]);

    // Each segment's drill-down lists its leavers: as many as the segment lost.
    for (const d of ['contract', 'tenure', 'spend', 'service']) {
      for (const s of dim(d)) {
        const q = new URLSearchParams(s['drill'] as Record<string, string>).toString();
        const { body: page } = await api.http().get(`/api/reports/drill/subscribers?${q}&limit=100`).set('Authorization', executive).expect(200);
        expect([d, s['key'], page.total]).toEqual([d, s['key'], s['left']]);
      }
    }
    const m2m = new URLSearchParams(dim('contract')[0]['drill'] as Record<string, string>).toString();
    const { body: leavers } = await api.http().get(`/api/reports/drill/subscribers?${m2m}`).set('Authorization', executive).expect(200);
    expect(leavers.items.map((r: { subscriberId: string }) => r.subscriberId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(start).toBe(`${month}-01`);
  });
});
