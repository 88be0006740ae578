import { ownRegion, startApi, TestApi } from '@retention/test-support';

/**
 * Confirmed hidden churn where plans and reports are kept: the plan's hidden-churn line (planned against actual, per
 * service), the key figures' announced and hidden churn, and the drill-down from the hidden-churn figure to the
 * subscribers and their cases. All on a region and a month of the test's own, so that other specs change nothing.
 */
describe('hidden churn in plans and reports', () => {
  let api: TestApi;
  let manager: string;
  let executive: string;
  const month = '2018-04';
  const region = `hcplan${process.pid}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    manager = `Bearer ${await api.token('manager')}`;
    executive = `Bearer ${await api.token('executive')}`;
    const internet = (end?: string, endReason?: 'non_payment') => ({ service: 'internet', fee: 300, start: '2016-02-01', end, endReason });
    const [nonPayment, lostByOperator, both, announced, iptvOnly, healthy, leftBefore] = await ownRegion(api.pool, region, [
      { connected: '2016-02-01', disconnected: '2018-04-10', kind: 'non_payment', subscriptions: [internet('2018-04-10', 'non_payment')] },
      { connected: '2016-02-01', subscriptions: [internet()] },
      { connected: '2016-02-01', disconnected: '2018-04-12', kind: 'non_payment', subscriptions: [internet('2018-04-12', 'non_payment')] },
      { connected: '2016-02-01', subscriptions: [internet()] },
      { connected: '2016-02-01', subscriptions: [{ service: 'iptv', fee: 150, start: '2016-02-01' }] },
      { connected: '2016-02-01', subscriptions: [internet()] },
      // Disconnected for non-payment the month before, its case lost this month: hidden churn of both months.
      { connected: '2016-02-01', disconnected: '2018-03-20', kind: 'non_payment', subscriptions: [{ service: 'iptv', fee: 150, start: '2016-02-01', end: '2018-03-20', endReason: 'non_payment' }] },
    ]);
    Object.assign(ids, { nonPayment, lostByOperator, both, announced, iptvOnly, healthy, leftBefore });
    const lostCase = async (subscriberId: string, closedOn: string, cause: string, services: string[]) =>
      (await api.pool.query(
        `INSERT INTO hidden_churn_case (subscriber_id, status, signal_codes, risk_score, revenue_at_stake, region_id, services,
                                        opened_at, opened_on, closed_at, closed_on, close_cause)
         SELECT s.id, 'lost', '{no_payment}', 60, 300, s.region_id, $4, $2::date - 30, $2::date - 30, $2::date, $2::date, $3
           FROM subscriber s WHERE s.id = $1 RETURNING id`,
        [subscriberId, closedOn, cause, services],
      )).rows[0].id as string;
    ids['lostByOperatorCase'] = await lostCase(lostByOperator, '2018-04-20', 'operator', ['internet']);
    ids['bothCase'] = await lostCase(both, '2018-04-12', 'non_payment', ['internet']);
    await lostCase(announced, '2018-04-15', 'request', ['internet']);
    ids['iptvCase'] = await lostCase(iptvOnly, '2018-04-25', 'operator', ['iptv']);
    ids['leftBeforeCase'] = await lostCase(leftBefore, '2018-04-05', 'operator', ['iptv']);
  });
  afterAll(() => api.close());

  it('plans a hidden-churn line per service and reports it against the confirmed hidden churn of the month', async () => {
    const current = await api.http().get(`/api/churn-plans/${month}`).set('Authorization', manager);
    const baseVersion = current.status === 200 ? current.body.version : 0;
    const lines = [
      { service: 'internet', region, managedMax: 5, unmanagedMax: 5, targetSaveRate: 0.3, hiddenMax: 6 },
      { service: 'iptv', region, managedMax: 5, unmanagedMax: 5, targetSaveRate: 0.3 },
    ];
    const saved = await api.http().put(`/api/churn-plans/${month}`).set('Authorization', manager).send({ lines, baseVersion }).expect(200);
    const line = (service: string) => saved.body.lines.find((l: { service: string; region: string }) => l.service === service && l.region === region);
    // Internet: the non-payment disconnection, the case lost by the operator, and the subscriber in both counted once;
    // the case closed by a request is announced churn, not hidden.
    expect(line('internet')).toMatchObject({ hiddenMax: 6, actualHidden: 3, fulfilmentHidden: 0.5 });
    expect(line('iptv')).toMatchObject({ hiddenMax: null, actualHidden: 2, fulfilmentHidden: null });
    const again = await api.http().get(`/api/churn-plans/${month}`).set('Authorization', executive).expect(200);
    expect(again.body.lines).toEqual(saved.body.lines);
    const versions = await api.http().get(`/api/churn-plans/${month}/versions`).set('Authorization', manager).expect(200);
    expect(versions.body[0].lines.find((l: { service: string }) => l.service === 'internet')).toMatchObject({ hiddenMax: 6 });

    const bad = await api.http().put(`/api/churn-plans/${month}`).set('Authorization', manager)
      .send({ lines: [{ ...lines[0], hiddenMax: -1 }], baseVersion: saved.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('lines.0.hiddenMax');
  });

  it('shows announced and hidden churn side by side, and drills from the hidden figure to the subscribers and their cases', async () => {
    const kf = (await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}&region=${region}`).set('Authorization', executive).expect(200)).body;
    const fig = (k: string) => kf.figures.find((f: { key: string }) => f.key === k)?.value;
    // The non-payment leavers and the lost cases of others, each subscriber once a month: April has the one who left
    // in March (its case was lost in April), March that one alone.
    expect(fig('hidden_churn')).toBe(5);
    expect(kf.figures.find((f: { key: string }) => f.key === 'hidden_churn').previous).toBe(1);
    expect(fig('announced_churn')).toEqual(expect.any(Number));
    expect(fig('hidden_churn_share')).toBeCloseTo(5 / (fig('announced_churn') + 5), 10);

    const drill = (await api.http().get(`/api/reports/drill/subscribers?figure=hidden&from=${month}&to=${month}&region=${region}`)
      .set('Authorization', executive).expect(200)).body;
    expect(drill.total).toBe(fig('hidden_churn'));
    const bySubscriber = Object.fromEntries(drill.items.map((r: { subscriberId: string }) => [r.subscriberId, r]));
    expect(Object.keys(bySubscriber).sort()).toEqual([ids['nonPayment'], ids['lostByOperator'], ids['both'], ids['iptvOnly'], ids['leftBefore']].sort());
    expect(bySubscriber[ids['nonPayment']]).toMatchObject({ endReason: 'non_payment', caseId: null, on: '2018-04-10', monthlyRevenue: 300 });
    expect(bySubscriber[ids['lostByOperator']]).toMatchObject({ endReason: 'case_lost', caseId: ids['lostByOperatorCase'], on: '2018-04-20' });
    expect(bySubscriber[ids['both']]).toMatchObject({ endReason: 'case_lost', caseId: ids['bothCase'] });

    const internetOnly = (await api.http().get(`/api/reports/drill/subscribers?figure=hidden&from=${month}&to=${month}&region=${region}&service=internet`)
      .set('Authorization', executive).expect(200)).body;
    expect(internetOnly.total).toBe(3);
    const kfInternet = (await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}&region=${region}&service=internet`)
      .set('Authorization', executive).expect(200)).body;
    expect(kfInternet.figures.find((f: { key: string }) => f.key === 'hidden_churn').value).toBe(3);
  });
});
