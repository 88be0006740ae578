import { addDays, addMonths } from '@retention/domain';
import { freshSubscribers, ownRegion, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

const MONTH = TEST_TODAY.slice(0, 7);
/** A month long before the demo's two years of history: only this test's answers are in it. */
const PAST = addMonths(MONTH, -40);

describe('NPS and CSAT reports', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  const ids: Record<string, string> = {};
  const auth: Record<string, string> = {};
  const team = `Satisfaction ${process.pid}`;
  const region = `satis-${process.pid % 100000}`;
  let subs: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
    manager = `Bearer ${await api.token('manager')}`;
    for (const name of ['satis.one', 'satis.two']) {
      const username = `${name}.${process.pid}`;
      const res = await api.http().post('/api/users').set('Authorization', admin)
        .send({ username, role: 'operator', team, password: `${username}-pass`, displayName: name }).expect(201);
      ids[name] = res.body.id;
      auth[name] = `Bearer ${await api.signIn(username, `${username}-pass`)}`;
    }
    const start = `${addMonths(PAST, -6)}-01`;
    // Four subscribers of the test's own region; the fourth's TV ended before the answers.
    subs = await ownRegion(api.pool, region, [
      { connected: start, subscriptions: [{ service: 'internet', fee: 300, start }] },
      { connected: start, subscriptions: [{ service: 'internet', fee: 300, start }, { service: 'iptv', fee: 150, start }] },
      { connected: start, subscriptions: [{ service: 'iptv', fee: 150, start }] },
      { connected: start, subscriptions: [{ service: 'internet', fee: 300, start }, { service: 'iptv', fee: 150, start, end: `${PAST}-01`, endReason: 'dropped' }] },
    ]);
    const link = (i: number, representativeId: string | null) =>
      api.http().put(`/api/motivation/subscribers/${subs[i]}/links`).set('Authorization', manager).send({ representativeId }).expect(200);
    await link(0, ids['satis.one']);
    await link(1, ids['satis.one']);
    await link(2, ids['satis.two']);
    const answer = (i: number, kind: string, score: number, day: string, comment: string | null = null) =>
      api.pool.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment) VALUES ($1, $2, $3, $4, $5)`,
        [subs[i], kind, score, `${PAST}-${day}`, comment]);
    await answer(0, 'nps', 10, '03');
    await answer(0, 'csat', 5, '03');
    await answer(1, 'nps', 3, '10', 'slow internet in the evenings');
    await answer(1, 'csat', 2, '10');
    await answer(2, 'nps', 9, '12');
    await answer(3, 'nps', 8, '20');
    // A later hand-over does not move the answers already given.
    await link(0, ids['satis.two']);
  });
  afterAll(() => api.close());

  const report = (month: string, by: string) =>
    api.http().get(`/api/motivation/satisfaction/${month}?by=${by}`).set('Authorization', manager).expect(200).then((r) => r.body);

  it("per operator and team: each answer counts for who served the subscriber when it was given (counted by hand)", async () => {
    const byOperator = await report(PAST, 'operator');
    const one = byOperator.rows.find((r: { key: string }) => r.key === ids['satis.one']);
    const two = byOperator.rows.find((r: { key: string }) => r.key === ids['satis.two']);
    // satis.one: a 10 and a 3 → (1 − 1) / 2 = 0, bad; CSAT 5 and 2 → 1 of 2 satisfied.
    expect(one).toMatchObject({ label: 'satis.one', npsAnswers: 2, promoters: 1, passives: 0, detractors: 1, nps: 0, band: 'bad', csatAnswers: 2, csatSatisfied: 1, csat: 0.5 });
    // satis.two: the 9 only (the 10 came before the hand-over) → 100, excellent; no CSAT.
    expect(two).toMatchObject({ npsAnswers: 1, promoters: 1, nps: 100, band: 'excellent', csatAnswers: 0, csat: null });
    // The fourth subscriber has no representative: their 8 is an answer of the month but counted for nobody.
    expect(byOperator.overall.answers - byOperator.overall.attributed).toBeGreaterThanOrEqual(1);
    expect(byOperator.overall.coverage).toBeLessThan(1);

    const byTeam = await report(PAST, 'team');
    // The team: 10, 3, 9 → (2 − 1) / 3 = 33.3, excellent.
    expect(byTeam.rows.find((r: { key: string }) => r.key === team)).toMatchObject({ label: team, promoters: 2, passives: 0, detractors: 1, nps: 33.3, band: 'excellent', csat: 0.5 });
  });

  it("per region and per service: the subscriber's region, and each service running on the day of the answer", async () => {
    const byRegion = await report(PAST, 'region');
    // The region: 10, 3, 9, 8 → (2 − 1) / 4 = 25, good.
    expect(byRegion.rows.find((r: { key: string }) => r.key === region)).toMatchObject({ npsAnswers: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, band: 'good' });

    const byService = await report(PAST, 'service');
    const row = (code: string) => byService.rows.find((r: { key: string }) => r.key === code);
    // Internet: subscribers 1, 2 and 4 (10, 3, 8) → (1 − 1) / 3 = 0; IPTV: 2 and 3 (3, 9), not 4 whose TV had ended → 0.
    expect(row('internet')).toMatchObject({ promoters: 1, passives: 1, detractors: 1, nps: 0, csatAnswers: 2, csatSatisfied: 1 });
    expect(row('iptv')).toMatchObject({ promoters: 1, passives: 0, detractors: 1, nps: 0, csatAnswers: 1, csatSatisfied: 0 });
  });

  it('the trend is the twelve months to the month asked, oldest first, an empty month unknown rather than 0', async () => {
    const later = addMonths(PAST, 11);
    const { trend } = await report(later, 'operator');
    expect(trend.map((t: { month: string }) => t.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths(PAST, i)));
    expect(trend[0]).toMatchObject({ npsAnswers: 6 - 2, promoters: 2, passives: 1, detractors: 1, nps: 25, band: 'good', csat: 0.5 });
    expect(trend[1]).toMatchObject({ npsAnswers: 0, nps: null, band: null, csat: null });
  });

  it('detractors to call back, with their representative and latest request; promoters for a referral', async () => {
    const detractors = (await api.http().get(`/api/motivation/satisfaction/${PAST}/follow-up?class=detractor`).set('Authorization', manager).expect(200)).body;
    expect(detractors).toEqual([expect.objectContaining({
      subscriberId: subs[1], score: 3, answeredOn: `${PAST}-10`, comment: 'slow internet in the evenings',
      representative: { id: ids['satis.one'], displayName: 'satis.one' }, lastRequest: null,
    })]);
    const promoters = (await api.http().get(`/api/motivation/satisfaction/${PAST}/follow-up?class=promoter`).set('Authorization', manager).expect(200)).body;
    expect(promoters.map((p: { subscriberId: string }) => p.subscriberId)).toEqual([subs[2], subs[0]]);
  });

  it("an exit survey recorded from the desk counts for the operator who resolved the request, and lists it for a call-back", async () => {
    const [sub] = await freshSubscribers(api.pool, 1);
    // A fresh subscriber may carry the demo's survey answers: this test counts only its own.
    await api.pool.query('DELETE FROM survey_answer WHERE subscriber_id = $1', [sub.id]);
    const who = auth['satis.one'];
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', who)
      .send({ accountNumber: sub.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', who).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', who).send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(200);
    const { body: answer } = await api.http().post('/api/surveys').set('Authorization', who)
      .send({ accountNumber: sub.accountNumber, kind: 'nps', score: 4, comment: 'the price is still high', requestId: req.id }).expect(201);
    expect(answer.representative).toEqual({ id: ids['satis.one'], displayName: 'satis.one' });
    // Asked once per request: a second NPS answer naming it is refused, a CSAT one is its own.
    const again = await api.http().post('/api/surveys').set('Authorization', who)
      .send({ accountNumber: sub.accountNumber, kind: 'nps', score: 10, requestId: req.id }).expect(409);
    expect(again.body).toMatchObject({ error: 'survey_already_recorded', fields: [{ field: 'requestId' }] });
    await api.http().post('/api/surveys').set('Authorization', who).send({ accountNumber: sub.accountNumber, kind: 'csat', score: 4, requestId: req.id }).expect(201);

    const byOperator = await report(MONTH, 'operator');
    expect(byOperator.rows.find((r: { key: string }) => r.key === ids['satis.one'])).toMatchObject({ npsAnswers: 1, detractors: 1, nps: -100, band: 'bad', csatAnswers: 1, csat: 1 });
    const list = (await api.http().get(`/api/motivation/satisfaction/${MONTH}/follow-up`).set('Authorization', manager).expect(200)).body;
    expect(list.find((d: { answerId: number }) => d.answerId === answer.id)).toMatchObject({
      accountNumber: sub.accountNumber, representative: { id: ids['satis.one'] }, lastRequest: { id: req.id, outcome: 'retained', reasonCode: 'price_increase' },
    });
  });

  it('imports survey answers from a CSV: each counts for the representative at the time, a second import writes nothing, a bad file nothing at all', async () => {
    const admin = `Bearer ${await api.token('admin')}`;
    const [sub] = await freshSubscribers(api.pool, 1);
    // A fresh subscriber may carry the demo's survey answers: this test counts only what it imports.
    await api.pool.query('DELETE FROM survey_answer WHERE subscriber_id = $1', [sub.id]);
    const who = auth['satis.one'];
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', who)
      .send({ accountNumber: sub.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', who).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', who).send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(200);
    // Handed over afterwards: today's answer still counts for who served them today; one from before any request for the representative now.
    await api.http().put(`/api/motivation/subscribers/${sub.id}/links`).set('Authorization', manager).send({ representativeId: ids['satis.two'] }).expect(200);
    const earlier = addDays(TEST_TODAY, -5);
    const send = (csv: string) => api.http().post('/api/imports?kind=surveys').set('Authorization', admin).set('Content-Type', 'text/csv').send(csv);
    const file = ['account_number,answered_on,kind,score,comment', `${sub.accountNumber},${TEST_TODAY},nps,5,"Kept, but not happy"`,
      `${sub.accountNumber},${TEST_TODAY},csat,4,`, `${sub.accountNumber},${earlier},nps,9,`].join('\n');

    const bad = await send([file, `${sub.accountNumber},${earlier},csat,7,`, `NO-SUCH-ACCOUNT,${earlier},nps,3,`, `${sub.accountNumber},${TEST_TODAY},nps,6,twice`].join('\n')).expect(201);
    expect(bad.body.status).toBe('rejected');
    expect(bad.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual(expect.arrayContaining([[5, 'score'], [6, 'account_number'], [7, 'kind']]));
    const rows = () => api.pool.query(
      `SELECT a.kind, a.score, to_char(a.answered_on, 'YYYY-MM-DD') AS day, a.comment, u.username FROM survey_answer a
         LEFT JOIN app_user u ON u.id = a.representative_id WHERE a.subscriber_id = $1 ORDER BY a.answered_on, a.kind`, [sub.id]).then((r) => r.rows);
    expect(await rows()).toEqual([]);

    expect((await send(file).expect(201)).body).toMatchObject({ kind: 'surveys', status: 'completed', rowsRead: 3, rowsWritten: 3 });
    const one = `satis.one.${process.pid}`;
    const two = `satis.two.${process.pid}`;
    expect(await rows()).toEqual([
      { kind: 'nps', score: 9, day: earlier, comment: null, username: two },
      { kind: 'csat', score: 4, day: TEST_TODAY, comment: null, username: one },
      { kind: 'nps', score: 5, day: TEST_TODAY, comment: 'Kept, but not happy', username: one },
    ]);
    expect((await send(file).expect(201)).body).toMatchObject({ status: 'completed', rowsRead: 3, rowsWritten: 0 });
    // A corrected score replaces the first (same subscriber, day and kind).
    expect((await send(file.replace('nps,9,', 'nps,10,')).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 1 });
    expect((await rows())[0]).toMatchObject({ score: 10, username: two });
  });

  it('refuses a bad grouping or class naming the field, and an operator', async () => {
    const bad = await api.http().get(`/api/motivation/satisfaction/${MONTH}?by=city`).set('Authorization', manager).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['by']);
    const badClass = await api.http().get(`/api/motivation/satisfaction/${MONTH}/follow-up?class=passive`).set('Authorization', manager).expect(400);
    expect(badClass.body.fields.map((f: { field: string }) => f.field)).toEqual(['class']);
    await api.http().get(`/api/motivation/satisfaction/2026-13`).set('Authorization', manager).expect(400);
    await api.http().get(`/api/motivation/satisfaction/${MONTH}`).set('Authorization', auth['satis.two']).expect(403);
  });
});
