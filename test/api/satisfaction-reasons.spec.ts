import { addMonths } from '@retention/domain';
import { ownRegion, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/** A month long before the demo's history, and apart from the other satisfaction specs': only this test's answers are in it. */
const M = addMonths(TEST_TODAY.slice(0, 7), -47);

describe('NPS per churn reason', () => {
  let api: TestApi;
  let manager: string;
  let op: string;

  beforeAll(async () => {
    api = await startApi();
    manager = `Bearer ${await api.token('manager')}`;
    op = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api.close());

  it('counts each answer for the reason of the request or case it follows, with bands and coverage (counted by hand)', async () => {
    const start = `${addMonths(M, -6)}-01`;
    const subs = await ownRegion(api.pool, `reasons-${process.pid % 100000}`,
      Array.from({ length: 5 }, () => ({ connected: start, subscriptions: [{ service: 'internet', fee: 300, start }] })));
    const { rows: accounts } = await api.pool.query(`SELECT id, account_number FROM subscriber WHERE id = ANY ($1)`, [subs]);
    const account = (i: number) => accounts.find((a: { id: string }) => a.id === subs[i]).account_number as string;
    /** A request resolved (retained) for the reason on the day of M given. */
    const resolved = async (i: number, reasonCode: string, day: string): Promise<string> => {
      const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: account(i), services: ['internet'], channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
      await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op).send({ outcome: 'retained', reasonCode }).expect(200);
      await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, `${M}-${day}T10:00:00Z`]);
      return req.id;
    };
    const answer = (i: number, kind: string, score: number, day: string, requestId: string | null = null) =>
      api.pool.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment, request_id) VALUES ($1, $2, $3, $4, 'why', $5)`,
        [subs[i], kind, score, `${M}-${day}`, requestId]);

    // 0: a price increase on the 5th, then a 3 on the 10th → price_increase.
    await resolved(0, 'price_increase', '05');
    await answer(0, 'nps', 3, '10');
    // 1: "price too high" on the 2nd, slow speed on the 8th; on the 12th a 10 naming the first request (→ price_too_high)
    //    and a 7 naming none (→ the latest: slow_speed).
    const tooHigh = await resolved(1, 'price_too_high', '02');
    await resolved(1, 'slow_speed', '08');
    await answer(1, 'nps', 10, '12', tooHigh);
    await answer(1, 'nps', 7, '12');
    // 2: a hidden-churn case closed lost on the 6th for rude support; a 9 and a CSAT 2 on the 7th → rude_support.
    await api.pool.query(
      `INSERT INTO hidden_churn_case (subscriber_id, status, risk_score, region_id, opened_at, opened_on, closed_at, closed_on, close_cause, reason_version_id, reason_code)
       SELECT s.id, 'lost', 50, s.region_id, $2::timestamptz, $3::date, $4::timestamptz, $5::date, 'operator', (SELECT max(id) FROM classifier_version), 'rude_support'
         FROM subscriber s WHERE s.id = $1`,
      [subs[2], `${M}-01T09:00:00Z`, `${M}-01`, `${M}-06T09:00:00Z`, `${M}-06`]);
    await answer(2, 'nps', 9, '07');
    await answer(2, 'csat', 2, '07');
    // 3: no request or case → no reason. 4: the request came after the answer → no reason.
    await answer(3, 'nps', 8, '14');
    await answer(4, 'nps', 0, '15');
    await resolved(4, 'slow_speed', '20');

    const report = (by: string) => api.http().get(`/api/motivation/satisfaction/${M}?by=${by}`).set('Authorization', manager).expect(200).then((r) => r.body);
    const byReason = await report('reason');
    const row = (rows: { key: string }[], key: string) => rows.find((r) => r.key === key);
    // 7 answers in the month, 5 of them follow a request or case with a reason.
    expect(byReason.overall).toMatchObject({ answers: 7, attributed: 5, coverage: 0.7143 });
    expect(byReason.rows).toHaveLength(4);
    expect(row(byReason.rows, 'price_increase')).toMatchObject({ npsAnswers: 1, promoters: 0, passives: 0, detractors: 1, nps: -100, band: 'bad' });
    expect(row(byReason.rows, 'price_too_high')).toMatchObject({ npsAnswers: 1, promoters: 1, nps: 100, band: 'excellent' });
    expect(row(byReason.rows, 'slow_speed')).toMatchObject({ npsAnswers: 1, passives: 1, nps: 0, band: 'bad' });
    expect(row(byReason.rows, 'rude_support')).toMatchObject({ npsAnswers: 1, promoters: 1, nps: 100, csatAnswers: 1, csatSatisfied: 0, csat: 0 });
    expect(row(byReason.rows, 'rude_support')?.['label' as keyof object]).toEqual(expect.any(String));

    const byGroup = await report('reason_group');
    expect(byGroup.overall).toMatchObject({ attributed: 5, coverage: 0.7143 });
    // price: 3 and 10 → (1 − 1) / 2 = 0, bad; quality: the 7 → 0, bad; service: the 9 → 100, excellent.
    expect(byGroup.rows.map((r: { key: string; npsAnswers: number; nps: number; band: string }) => [r.key, r.npsAnswers, r.nps, r.band]).sort())
      .toEqual([['price', 2, 0, 'bad'], ['quality', 1, 0, 'bad'], ['service', 1, 100, 'excellent']]);

    // Coverage follows the grouping: by region every answer counts.
    expect((await report('region')).overall).toMatchObject({ answers: 7, attributed: 7, coverage: 1 });
  });
});
