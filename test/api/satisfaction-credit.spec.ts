import ExcelJS from 'exceljs';
import { addMonths } from '@retention/domain';
import { ownRegion, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/** A month long before the demo's history: only this test's answers are in it. */
const PAST = addMonths(TEST_TODAY.slice(0, 7), -44);

/**
 * One rule for whom an NPS or CSAT answer counts: the subscriber's representative when it was given.
 * The executives' NPS per operator, the satisfaction report and the statements must say the same.
 */
describe('Whom a survey answer counts for', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  let executive: string;
  const ids: Record<string, string> = {};
  const auth: Record<string, string> = {};
  const region = `credit-${process.pid % 100000}`;

  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
    manager = `Bearer ${await api.token('manager')}`;
    executive = `Bearer ${await api.token('executive')}`;
    for (const name of ['credit.a', 'credit.b']) {
      const username = `${name}.${process.pid}`;
      const res = await api.http().post('/api/users').set('Authorization', admin)
        .send({ username, role: 'operator', team: `Credit ${process.pid}`, password: `${username}-pass`, displayName: `${name} ${process.pid}` }).expect(201);
      ids[name] = res.body.id;
      auth[name] = `Bearer ${await api.signIn(username, `${username}-pass`)}`;
    }
  });
  afterAll(() => api.close());

  it('credits the representative at the time of the answer on every screen, across a change of representative', async () => {
    const start = `${addMonths(PAST, -6)}-01`;
    const [sub] = await ownRegion(api.pool, region, [{ connected: start, subscriptions: [{ service: 'internet', fee: 300, start }] }]);
    const { rows: [{ account_number: accountNumber }] } = await api.pool.query(`SELECT account_number FROM subscriber WHERE id = $1`, [sub]);
    const link = (who: string) =>
      api.http().put(`/api/motivation/subscribers/${sub}/links`).set('Authorization', manager).send({ representativeId: ids[who] }).expect(200);
    const answer = (score: number, day: string) =>
      api.pool.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment) VALUES ($1, 'nps', $2, $3, 'why')`, [sub, score, `${PAST}-${day}`]);

    // A serves the subscriber (assigned by a manager): the 10 of the 3rd is A's.
    await link('credit.a');
    await answer(10, '03');
    // B resolves the subscriber's request on the 10th and so becomes the representative: the 3 of the 12th is B's.
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', auth['credit.b'])
      .send({ accountNumber, services: ['internet'], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth['credit.b']).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', auth['credit.b'])
      .send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(200);
    await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, `${PAST}-10T10:00:00Z`]);
    await answer(3, '12');
    // The manager hands the subscriber back to A: the 6 of the 25th is A's, although B resolved a request 15 days before it.
    await link('credit.a');
    await answer(6, '25');

    // By hand: A has a 10 and a 6 → 1 promoter, 1 detractor of 2, NPS 0 (bad); B has the 3 → NPS −100 (bad).
    const expected = {
      [ids['credit.a']]: { answers: 2, promoters: 1, passives: 0, detractors: 1, nps: 0, band: 'bad' },
      [ids['credit.b']]: { answers: 1, promoters: 0, passives: 0, detractors: 1, nps: -100, band: 'bad' },
    };

    // The executives' NPS per operator, filtered to the test's own region.
    const { body: report } = await api.http().get(`/api/reports/nps-by-operator?from=${PAST}&to=${PAST}&region=${region}`).set('Authorization', executive).expect(200);
    expect(report.attributionDays).toBeUndefined();
    const counts = ({ answers, promoters, passives, detractors, nps, band }: Record<string, unknown>) => ({ answers, promoters, passives, detractors, nps, band });
    expect(Object.fromEntries(report.rows.map((r: { operatorId: string }) => [r.operatorId, counts(r)]))).toEqual(expected);
    expect(report.total).toMatchObject({ answers: 3, promoters: 1, detractors: 2 });
    expect(report.overall).toMatchObject({ answers: 3 });

    // The satisfaction report per operator (the month holds only this test's answers for these two operators).
    const { body: satisfaction } = await api.http().get(`/api/motivation/satisfaction/${PAST}?by=operator`).set('Authorization', manager).expect(200);
    for (const [id, c] of Object.entries(expected)) {
      expect(satisfaction.rows.find((r: { key: string }) => r.key === id)).toMatchObject({ npsAnswers: c.answers, promoters: c.promoters, passives: c.passives, detractors: c.detractors, nps: c.nps, band: c.band });
    }

    // Each operator's statement of the month.
    for (const [id, c] of Object.entries(expected)) {
      const { body: st } = await api.http().get(`/api/motivation/statements/${PAST}/${id}`).set('Authorization', manager).expect(200);
      expect(st.figures).toMatchObject({ npsPromoters: c.promoters, npsPassives: c.passives, npsDetractors: c.detractors });
    }

    // The subscriber's card: the score history newest first, each answer with whom it counts for, and its trend:
    // NPS 10, 3, 6 → the 6 against (10 + 3) / 2 = 6.5 is −0.5, within a point → steady; no CSAT, no CSAT trend.
    const { body: card } = await api.http().get(`/api/subscribers/${sub}`).set('Authorization', auth['credit.a']).expect(200);
    expect(card.surveys).toEqual([
      { kind: 'nps', score: 6, answeredOn: `${PAST}-25`, comment: 'why', representative: { id: ids['credit.a'], displayName: `credit.a ${process.pid}` } },
      { kind: 'nps', score: 3, answeredOn: `${PAST}-12`, comment: 'why', representative: { id: ids['credit.b'], displayName: `credit.b ${process.pid}` } },
      { kind: 'nps', score: 10, answeredOn: `${PAST}-03`, comment: 'why', representative: { id: ids['credit.a'], displayName: `credit.a ${process.pid}` } },
    ]);
    expect(card.scoreTrend).toEqual({ nps: { direction: 'steady', latest: 6, before: 6.5, change: -0.5, beforeCount: 2 }, csat: null });

    // The export names the operators in the same order; operators may not read the report.
    const xlsx = await api.http().get(`/api/reports/nps-by-operator?from=${PAST}&to=${PAST}&region=${region}&format=xlsx`).set('Authorization', executive)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (b: Buffer) => chunks.push(b)); res.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe(report.rows[0].operator);
    await api.http().get(`/api/reports/nps-by-operator?from=${PAST}&to=${PAST}`).set('Authorization', auth['credit.a']).expect(403);
  });

  it('counts the whole base\'s overall NPS (and the key figures\' NPS) from every answer of the period, credited or not', async () => {
    // A month long before any other test's data, so that its answers are only these.
    const month = '2012-03';
    const [a, b] = await ownRegion(api.pool, `${region}-o`, [
      { connected: '2011-01-01', subscriptions: [{ service: 'internet', fee: 100, start: '2011-01-01' }] },
      { connected: '2011-01-01', subscriptions: [{ service: 'internet', fee: 100, start: '2011-01-01' }] },
    ]);
    await api.http().put(`/api/motivation/subscribers/${a}/links`).set('Authorization', manager).send({ representativeId: ids['credit.a'] }).expect(200);
    await api.pool.query(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) VALUES ($1, 'nps', 10, $3), ($2, 'nps', 6, $3), ($2, 'nps', 8, $4), ($2, 'csat', 5, $3)`,
      [a, b, `${month}-10`, `${month}-31`],
    );
    const { body } = await api.http().get(`/api/reports/nps-by-operator?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
    expect(body.rows).toEqual([expect.objectContaining({ operatorId: ids['credit.a'], answers: 1, promoters: 1 })]);
    // By hand: 10, 6 and 8 (the CSAT answer is not NPS): 1 promoter, 1 passive, 1 detractor, NPS 0.
    expect(body.overall).toMatchObject({ answers: 3, promoters: 1, passives: 1, detractors: 1, nps: 0 });
    // The key figures' NPS of the whole base reads the same roll-up: 0 for the month, none for the month before.
    const { body: key } = await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
    expect(key.figures.find((f: { key: string }) => f.key === 'nps')).toMatchObject({ value: 0, previous: null });
  });

  it('filters NPS per operator by the service the subscriber had on the day of the answer', async () => {
    const start = `${addMonths(PAST, -6)}-01`;
    const svcRegion = `${region}-s`;
    const [tv, net, alone] = await ownRegion(api.pool, svcRegion, [
      { connected: start, subscriptions: [{ service: 'iptv', fee: 150, start }] },
      { connected: start, subscriptions: [{ service: 'internet', fee: 300, start }] },
      { connected: start, subscriptions: [{ service: 'iptv', fee: 150, start }] },
    ]);
    for (const s of [tv, net]) {
      await api.http().put(`/api/motivation/subscribers/${s}/links`).set('Authorization', manager).send({ representativeId: ids['credit.b'] }).expect(200);
    }
    // The third has no representative: their answer is credited to nobody.
    await api.pool.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) VALUES ($1, 'nps', 9, $4), ($2, 'nps', 10, $4), ($3, 'nps', 0, $4)`, [tv, net, alone, `${PAST}-15`]);
    const { body } = await api.http().get(`/api/reports/nps-by-operator?from=${PAST}&to=${PAST}&region=${svcRegion}&service=iptv`).set('Authorization', executive).expect(200);
    expect(body.rows).toEqual([expect.objectContaining({ operatorId: ids['credit.b'], answers: 1, promoters: 1, nps: 100 })]);
    // The total is what the rows credit; the overall figure is every answer in the region, credited or not, whatever the service.
    expect(body.total).toMatchObject({ answers: 1, promoters: 1, detractors: 0 });
    expect(body.overall).toMatchObject({ answers: 3, promoters: 2, detractors: 1, nps: 33.3 });
  });
});
