import { addMonths } from '@retention/domain';
import { freshSubscribers, startApi, TEST_NOW, TEST_TODAY, TestApi } from '@retention/test-support';

const MONTH = TEST_TODAY.slice(0, 7);
const SCHEME = {
  targetSaveRate: 0.3, perPointAbove: 100, savedRevenueShare: 0.2, capShare: 0.15, planExceededCut: 0.5, deferredShare: 0.4,
  salesBonus6m: 150, salesBonus12m: 300,
};

describe('staff motivation', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  const ids: Record<string, string> = {};
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ JOB_POLL_SECONDS: '0.5' });
    admin = `Bearer ${await api.token('admin')}`;
    manager = `Bearer ${await api.token('manager')}`;
    const people = [
      { username: 'motiv.one', role: 'operator', monthlySalary: 20000, team: 'Motivation desk' },
      { username: 'motiv.two', role: 'operator', team: 'Motivation desk' },
      { username: 'motiv.sales', role: 'sales_agent', monthlySalary: 15000 },
      { username: 'motiv.cases', role: 'operator', team: 'Motivation desk' },
    ];
    for (const p of people) {
      const res = await api.http().post('/api/users').set('Authorization', admin)
        .send({ ...p, password: `${p.username}-pass`, displayName: p.username }).expect(201);
      ids[p.username] = res.body.id;
      auth[p.username] = `Bearer ${await api.signIn(p.username, `${p.username}-pass`)}`;
    }
    // The scheme of this month, whatever an earlier save left (a month without one of its own is version 0).
    const current = await api.http().get(`/api/motivation/schemes/${MONTH}`).set('Authorization', manager).expect(200);
    await api.http().put(`/api/motivation/schemes/${MONTH}`).set('Authorization', manager).set('If-Match', current.headers['etag'])
      .send({ ...SCHEME, note: 'motivation test' }).expect(200);
  });
  afterAll(() => api.close());

  const http = () => api.http();
  async function handle(who: string, accountNumber: string, resolution: object, postponeFirst = false): Promise<string> {
    const { body: req } = await http().post('/api/disconnect-requests').set('Authorization', auth[who])
      .send({ accountNumber, services: [], channel: 'phone' }).expect(201);
    await http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth[who]).expect(200);
    if (postponeFirst) {
      const callbackAt = new Date(Date.parse(TEST_NOW) + 3 * 3_600_000).toISOString();
      await http().post(`/api/disconnect-requests/${req.id}/postpone`).set('Authorization', auth[who]).send({ callbackAt }).expect(200);
      // Taken up again at once: well before the promised time plus the SLA, so the call-back is kept.
      await http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', auth[who]).expect(200);
    }
    await http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', auth[who]).send(resolution).expect(200);
    return req.id;
  }

  it('a salary is shown to administrators only; team and salary are edited by them', async () => {
    const { body: users } = await http().get('/api/users').set('Authorization', admin).expect(200);
    expect(users.find((u: { id: string }) => u.id === ids['motiv.one'])).toMatchObject({ monthlySalary: 20000, team: 'Motivation desk', role: 'operator' });
    const patched = await http().patch(`/api/users/${ids['motiv.two']}`).set('Authorization', admin).send({ monthlySalary: 18000.5 }).expect(200);
    expect(patched.body.monthlySalary).toBe(18000.5);
    await http().patch(`/api/users/${ids['motiv.two']}`).set('Authorization', admin).send({ monthlySalary: null }).expect(200);
    await http().get('/api/users').set('Authorization', manager).expect(403);
    await http().get('/api/users').set('Authorization', auth['motiv.one']).expect(403);
    const bad = await http().patch(`/api/users/${ids['motiv.two']}`).set('Authorization', admin).send({ monthlySalary: -1 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['monthlySalary']);
    // Nothing a manager or an operator reads about motivation carries a salary.
    for (const who of [manager, auth['motiv.one']]) {
      const res = await http().get(`/api/motivation/statements/${MONTH}`).set('Authorization', who).expect(200);
      expect(JSON.stringify(res.body)).not.toMatch(/"(monthlySalary|salary|cap)"/);
      expect(JSON.stringify(res.body)).not.toContain('20000');
    }
    const preview = await http().get(`/api/motivation/schemes/${MONTH}/preview`).set('Authorization', manager).expect(200);
    expect(JSON.stringify(preview.body)).not.toMatch(/"(monthlySalary|salary|cap)"/);
  });

  it("a statement equals a hand count of the operator's own requests; the survey after counts for them", async () => {
    const subs = await freshSubscribers(api.pool, 4);
    const { body: offers } = await (async () => {
      const { body: probe } = await http().post('/api/disconnect-requests').set('Authorization', auth['motiv.one'])
        .send({ accountNumber: subs[1].accountNumber, services: [], channel: 'phone' }).expect(201);
      await http().post(`/api/disconnect-requests/${probe.id}/claim`).set('Authorization', auth['motiv.one']).expect(200);
      const o = await http().get(`/api/disconnect-requests/${probe.id}/offers?reasonCode=price_increase`).set('Authorization', auth['motiv.one']).expect(200);
      const offer = o.body.find((x: { eligible: boolean; needsApproval: boolean }) => x.eligible && !x.needsApproval);
      await http().post(`/api/disconnect-requests/${probe.id}/resolve`).set('Authorization', auth['motiv.one'])
        .send({ outcome: 'retained_with_offer', reasonCode: 'price_increase', offerCode: offer.code }).expect(200);
      return { body: offer };
    })();
    await handle('motiv.one', subs[0].accountNumber, { outcome: 'retained', reasonCode: 'price_increase' });
    await handle('motiv.one', subs[2].accountNumber, { outcome: 'disconnected', reasonCode: 'other_unknown' });
    await handle('motiv.one', subs[3].accountNumber, { outcome: 'disconnected', reasonCode: 'price_increase' }, true);
    // The resolving operator now serves each of them; an answer given now counts for them.
    const reps = await api.pool.query(`SELECT DISTINCT representative_id FROM subscriber WHERE id = ANY($1)`, [subs.map((s) => s.id)]);
    expect(reps.rows).toEqual([{ representative_id: ids['motiv.one'] }]);
    await api.pool.query(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) VALUES ($1, 'nps', 10, $3), ($2, 'nps', 3, $3), ($1, 'csat', 5, $3)`,
      [subs[0].id, subs[2].id, TEST_TODAY],
    );

    const { body: st } = await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.one']}`).set('Authorization', auth['motiv.one']).expect(200);
    // By hand: 4 requests, 2 saves (both pending: resolved today), revenue kept = the two saved subscribers' fees.
    const savedRevenue = Math.round((subs[0].monthlyRevenue + subs[1].monthlyRevenue) * 100) / 100;
    expect(st.figures).toMatchObject({
      requestsHandled: 4, saves: 2, savesPending: 2, savesConfirmed: 0, savesLost: 0, reasonsUnknown: 1,
      callbacksKept: 1, callbacksMissed: 0, slaBreaches: 0, npsPromoters: 1, npsDetractors: 1, csatAnswers: 1, csatSatisfied: 1,
    });
    expect(st.figures.savedRevenue).toBeCloseTo(savedRevenue, 2);
    expect(st.figures.offerCost).toBeCloseTo(offers.cost, 2);
    expect([st.saveRate, st.nps, st.csat]).toEqual([0.5, 0, 1]);
    expect(st.requests).toHaveLength(4);
    expect(st.requests.filter((r: { saveState: string | null }) => r.saveState === 'pending')).toHaveLength(2);

    // The bonus by hand: 20 points above 30 % × 100 = 2,000; 20 % of the revenue kept; halved when the plan was exceeded;
    // the cap (15 % of 20,000 = 3,000); 40 % deferred.
    const gross = 2000 + Math.round(savedRevenue * 0.2 * 100) / 100;
    const afterPlan = st.planExceeded ? gross / 2 : gross;
    const earned = Math.min(afterPlan, 3000);
    expect(st.operatorBonus.ratePart).toBe(2000);
    expect(st.operatorBonus.gross).toBeCloseTo(gross, 2);
    expect(st.operatorBonus.earned).toBeCloseTo(earned, 2);
    expect(st.operatorBonus.deferred).toBeCloseTo(earned * 0.4, 2);
    expect(st.totalPaid).toBeCloseTo(earned * 0.6, 2);
    expect(st.salaryRecorded).toBe(true);
  });

  it('an operator reads only their own statement; a manager reads everyone', async () => {
    const other = await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.one']}`).set('Authorization', auth['motiv.two']).expect(403);
    expect(other.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    const own = await http().get(`/api/motivation/statements/${MONTH}`).set('Authorization', auth['motiv.two']).expect(200);
    expect(own.body.statements.map((s: { userId: string }) => s.userId)).toEqual([ids['motiv.two']]);
    const team = await http().get(`/api/motivation/statements/${MONTH}`).set('Authorization', manager).expect(200);
    const names = team.body.statements.map((s: { userId: string }) => s.userId);
    expect(names).toEqual(expect.arrayContaining([ids['motiv.one'], ids['motiv.two'], ids['motiv.sales']]));
    expect(team.body.totals.bonusEarned).toBeCloseTo(
      team.body.statements.reduce((a: number, s: { operatorBonus: { earned: number } | null; salesBonus: { earned: number } | null }) =>
        a + (s.operatorBonus?.earned ?? 0) + (s.salesBonus?.earned ?? 0), 0), 2);
    const xlsx = await http().get(`/api/motivation/statements/${MONTH}?format=xlsx`).set('Authorization', manager).expect(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.two']}`).set('Authorization', manager).expect(200);
    await http().get(`/api/motivation/statements/${MONTH}/00000000-0000-4000-8000-000000000000`).set('Authorization', manager).expect(404);
  });

  it('hidden-churn cases the operator returned count on their statement; a case lost or returned by a scan does not', async () => {
    const subs = await freshSubscribers(api.pool, 3);
    const caseOf = async (subscriberId: string) => (await api.pool.query(
      `INSERT INTO hidden_churn_case (subscriber_id, status, risk_score, revenue_at_stake, region_id, services, assignee_id, contacted_at)
       SELECT id, 'contacted', 50, 300, region_id, '{internet}', $2, app_now() FROM subscriber WHERE id = $1
       -- A scan in another test file may have opened a case for this subscriber since: take that one over.
       ON CONFLICT (subscriber_id) WHERE status IN ('new','assigned','contacted')
       DO UPDATE SET status = 'contacted', assignee_id = EXCLUDED.assignee_id, contacted_at = EXCLUDED.contacted_at
       RETURNING id`,
      [subscriberId, ids['motiv.cases']],
    )).rows[0].id as string;
    const [returned, lost, paidAgain] = [await caseOf(subs[0].id), await caseOf(subs[1].id), await caseOf(subs[2].id)];
    const resolve = (id: string, outcome: string) => http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', auth['motiv.cases'])
      .send({ outcome, reasonCode: 'price_increase' }).expect(200);
    await resolve(returned, 'returned');
    await resolve(lost, 'lost');
    // A scan closing a case because the subscriber paid again is nobody's work.
    await api.pool.query(
      `WITH c AS (UPDATE hidden_churn_case SET status = 'returned', closed_at = app_now(), closed_on = app_today(), close_cause = 'paid_again' WHERE id = $1 RETURNING id, status)
       INSERT INTO hidden_churn_case_event (case_id, action, from_status, to_status) SELECT id, 'scan_close', 'contacted', 'returned' FROM c`,
      [paidAgain],
    );
    const { body: st } = await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.cases']}`).set('Authorization', auth['motiv.cases']).expect(200);
    expect(st.figures.casesReturned).toBe(1);
    expect(st.figures.requestsHandled).toBe(0);
    const team = await http().get(`/api/motivation/statements/${MONTH}`).set('Authorization', manager).expect(200);
    expect(team.body.statements.find((s: { userId: string }) => s.userId === ids['motiv.cases']).figures.casesReturned).toBe(1);
  });

  it('the deferred part is clawed back when the saved subscriber leaves within 3 months', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await handle('motiv.two', s.accountNumber, { outcome: 'retained', reasonCode: 'price_increase' });
    const { body: before } = await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200);
    // 1 of 1 saved: 70 points × 100 + 20 % of the fee, no salary so no cap.
    const deferred = before.operatorBonus.deferred;
    expect(deferred).toBeGreaterThan(0);
    const due3 = addMonths(MONTH, 3);
    const pending = await http().get(`/api/motivation/statements/${due3}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200);
    expect(pending.body.deferredReleases).toEqual([{ savedIn: MONTH, afterMonths: 3, saves: 1, paid: 0, clawedBack: 0, pending: Math.round(deferred * 50) / 100 }]);

    // The subscriber leaves a moment later: the same operator resolves their next request as a disconnection.
    await handle('motiv.two', s.accountNumber, { outcome: 'disconnected', reasonCode: 'price_increase' });
    const { body: after } = await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200);
    expect(after.figures).toMatchObject({ requestsHandled: 2, saves: 1, savesLost: 1 });
    const half = Math.round(after.operatorBonus.deferred * 50) / 100;
    for (const [month, afterMonths] of [[due3, 3], [addMonths(MONTH, 6), 6]] as const) {
      const { body } = await http().get(`/api/motivation/statements/${month}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200);
      expect(body.deferredReleases).toEqual([{ savedIn: MONTH, afterMonths, saves: 1, paid: 0, clawedBack: half, pending: 0 }]);
      expect(body.totalPaid).toBe(0);
    }
  });

  it('a sales agent is paid for the subscribers they signed up who stayed 6 months', async () => {
    // The latest month in which subscribers joined of whom one stayed past 6 months and one left before: one of each.
    const { rows } = await api.pool.query(
      `WITH c AS (
         SELECT date_trunc('month', s.connected_on)::date AS m, s.id, s.account_number,
                s.disconnected_on IS NULL OR s.disconnected_on > (s.connected_on + interval '6 months')::date AS stayed
           FROM subscriber s
          WHERE s.sales_agent_id IS NULL AND (s.connected_on + interval '6 months')::date <= $1::date),
       cohort AS (SELECT m FROM c GROUP BY m HAVING bool_or(stayed) AND bool_or(NOT stayed) ORDER BY m DESC LIMIT 1)
       SELECT DISTINCT ON (c.stayed) to_char(c.m, 'YYYY-MM') AS month, c.id, c.stayed FROM c JOIN cohort USING (m) ORDER BY c.stayed, c.account_number`,
      [TEST_TODAY],
    );
    expect(rows.map((r) => r.stayed)).toEqual([false, true]);
    for (const r of rows) {
      const res = await http().put(`/api/motivation/subscribers/${r.id}/links`).set('Authorization', manager)
        .send({ salesAgentId: ids['motiv.sales'], salesChannel: 'field' }).expect(200);
      expect(res.body).toMatchObject({ salesAgent: { id: ids['motiv.sales'] }, salesChannel: 'field' });
    }
    const month = addMonths(rows[0].month, 6);
    const { body: scheme } = await http().get(`/api/motivation/schemes/${month}`).set('Authorization', auth['motiv.sales']).expect(200);
    const { body } = await http().get(`/api/motivation/statements/${month}`).set('Authorization', auth['motiv.sales']).expect(200);
    expect(body.statements).toHaveLength(1);
    expect(body.statements[0].figures).toMatchObject({ due6m: 2, stayed6m: 1, due12m: 0, stayed12m: 0 });
    // 1 × the 6-month bonus, far under the cap (15 % of 15,000).
    expect(body.statements[0].salesBonus).toMatchObject({ part6m: scheme.salesBonus6m, part12m: 0, earned: scheme.salesBonus6m });
    expect(body.statements[0].operatorBonus).toBeNull();
  });

  it('a manager assigns a representative; answers from then on count for them', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await http().put(`/api/motivation/subscribers/${s.id}/links`).set('Authorization', manager).send({ representativeId: ids['motiv.two'] }).expect(200);
    await api.pool.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) VALUES ($1, 'nps', 9, $2)`, [s.id, TEST_TODAY]);
    const { rows } = await api.pool.query(`SELECT representative_id FROM survey_answer WHERE subscriber_id = $1 ORDER BY id DESC LIMIT 1`, [s.id]);
    expect(rows).toEqual([{ representative_id: ids['motiv.two'] }]);
    const bad = await http().put(`/api/motivation/subscribers/${s.id}/links`).set('Authorization', manager).send({ representativeId: ids['motiv.sales'] }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['representativeId']);
    await http().put('/api/motivation/subscribers/00000000-0000-4000-8000-000000000000/links').set('Authorization', manager).send({}).expect(404);
  });

  it('schemes are versioned per month they take effect from, saved optimistically', async () => {
    const month = '2031-03';
    const first = await http().put(`/api/motivation/schemes/${month}`).set('Authorization', manager).send({ ...SCHEME, baseVersion: 0 }).expect(200);
    expect(first.body).toMatchObject({ effectiveFrom: month, version: 1, targetSaveRate: 0.3 });
    expect(first.headers['etag']).toBe('"1"');
    const missing = await http().put(`/api/motivation/schemes/${month}`).set('Authorization', manager).send(SCHEME).expect(409);
    expect(missing.body.error).toBe('scheme_version_required');
    await http().put(`/api/motivation/schemes/${month}`).set('Authorization', manager).send({ ...SCHEME, targetSaveRate: 0.35, baseVersion: 1 }).expect(200);
    const stale = await http().put(`/api/motivation/schemes/${month}`).set('Authorization', manager).send({ ...SCHEME, baseVersion: 1 }).expect(409);
    expect(stale.body).toMatchObject({ error: 'scheme_version_conflict', fields: [{ field: 'baseVersion' }] });
    // In effect from that month on, until a later one; the month before keeps the earlier scheme.
    const later = await http().get(`/api/motivation/schemes/2031-09`).set('Authorization', auth['motiv.one']).expect(200);
    expect(later.body).toMatchObject({ effectiveFrom: month, version: 2, targetSaveRate: 0.35 });
    expect(later.headers['etag']).toBe('"0"');
    const before = await http().get(`/api/motivation/schemes/2031-02`).set('Authorization', manager).expect(200);
    expect(before.body.effectiveFrom).not.toBe(month);
    const versions = await http().get(`/api/motivation/schemes/${month}/versions`).set('Authorization', manager).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const ancient = await http().get(`/api/motivation/schemes/1990-01`).set('Authorization', manager).expect(200);
    expect(ancient.body).toMatchObject({ effectiveFrom: null, version: 0, capShare: 0.15 });
  });

  it('a preview replays last month with the settings tried and names a worthless scheme', async () => {
    // Salaries for every operator, so that the bonus can be judged against them.
    const { body: users } = await http().get('/api/users').set('Authorization', admin).expect(200);
    for (const u of users.filter((x: { role: string; monthlySalary: number | null }) => x.role === 'operator' && x.monthlySalary === null)) {
      await http().patch(`/api/users/${u.id}`).set('Authorization', admin).send({ monthlySalary: 10000 }).expect(200);
    }
    const next = addMonths(MONTH, 1);
    const worthless = await http().get(`/api/motivation/schemes/${next}/preview?perPointAbove=40&savedRevenueShare=0&planExceededCut=0`)
      .set('Authorization', manager).expect(200);
    expect(worthless.body.month).toBe(MONTH);
    expect(worthless.body.settings).toMatchObject({ ...SCHEME, perPointAbove: 40, savedRevenueShare: 0, planExceededCut: 0 });
    // A good month, 5 points above the target, pays 5 × 40 = 200 whatever the team: under 5 % of any salary of 10,000 and more.
    expect(worthless.body.assessment.bonusGoodMonth).toBe(200);
    expect(worthless.body.assessment.warnings.map((w: { code: string }) => w.code)).toEqual(['worthless', 'not_tied_to_plan']);
    const motivOne = worthless.body.statements.find((s: { userId: string }) => s.userId === ids['motiv.one']);
    expect(motivOne.operatorBonus).toMatchObject({ ratePart: 800, revenuePart: 0 });
    expect(motivOne.deferredReleases).toEqual([]);

    const fine = await http().get(`/api/motivation/schemes/${next}/preview`).set('Authorization', manager).expect(200);
    expect(fine.body.settings).toMatchObject(SCHEME);
    expect(fine.body.totals.bonusEarned).toBeGreaterThan(worthless.body.totals.bonusEarned);
  });

  it('workload: requests and call-backs per weekday and hour against the operators on duty', async () => {
    const { body } = await http().get(`/api/motivation/workload?from=${MONTH}-01&to=${TEST_TODAY}`).set('Authorization', manager).expect(200);
    expect(body.cells).toHaveLength(7 * 24);
    const now = new Date(TEST_NOW);
    const cell = body.cells.find((c: { dayOfWeek: number; hour: number }) => c.dayOfWeek === (now.getUTCDay() || 7) && c.hour === now.getUTCHours());
    expect(cell.requests).toBeGreaterThan(0);
    expect(cell.operatorsOnDuty).toBeGreaterThan(0);
    // Each figure is an hourly average rounded to 0.01, and the load per operator is computed before rounding: it lies
    // between the quotients of the rounded parts pushed half a cent apart (other specs add requests meanwhile, so the
    // cell's counts are not known in advance; 4 / 3 operators reads 1.33, and 31 / 1.33 is not 31 / (4 / 3)).
    const load = cell.requests + cell.callbacks;
    expect(cell.perOperator).toBeGreaterThanOrEqual(Math.floor(((load - 0.01) / (cell.operatorsOnDuty + 0.005)) * 100) / 100);
    expect(cell.perOperator).toBeLessThanOrEqual(Math.ceil(((load + 0.01) / (cell.operatorsOnDuty - 0.005)) * 100) / 100);
  });

  it("a survey recorded from the desk counts for that operator's NPS", async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const requestId = await handle('motiv.two', s.accountNumber, { outcome: 'retained', reasonCode: 'price_increase' });
    const before = (await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200)).body;
    const answer = await http().post('/api/surveys').set('Authorization', auth['motiv.two'])
      .send({ accountNumber: s.accountNumber, kind: 'nps', score: 10, requestId }).expect(201);
    expect(answer.body).toMatchObject({ kind: 'nps', score: 10, answeredOn: TEST_TODAY, requestId, representative: { id: ids['motiv.two'] } });
    await http().post('/api/surveys').set('Authorization', auth['motiv.two']).send({ accountNumber: s.accountNumber, kind: 'csat', score: 2 }).expect(201);
    const after = (await http().get(`/api/motivation/statements/${MONTH}/${ids['motiv.two']}`).set('Authorization', auth['motiv.two']).expect(200)).body;
    expect(after.figures.npsPromoters).toBe(before.figures.npsPromoters + 1);
    expect(after.figures.csatAnswers).toBe(before.figures.csatAnswers + 1);
    expect(after.figures.csatSatisfied).toBe(before.figures.csatSatisfied);
    // Below 9 the why is required; CSAT is 1..5; the request must be the subscriber's.
    const why = await http().post('/api/surveys').set('Authorization', auth['motiv.two']).send({ accountNumber: s.accountNumber, kind: 'nps', score: 6 }).expect(400);
    expect(why.body.fields[0].field).toBe('comment');
    const csat = await http().post('/api/surveys').set('Authorization', auth['motiv.two']).send({ accountNumber: s.accountNumber, kind: 'csat', score: 7 }).expect(400);
    expect(csat.body.fields[0].field).toBe('score');
    const [other] = await freshSubscribers(api.pool, 1);
    const wrong = await http().post('/api/surveys').set('Authorization', auth['motiv.two'])
      .send({ accountNumber: other.accountNumber, kind: 'nps', score: 9, requestId }).expect(400);
    expect(wrong.body.fields[0].field).toBe('requestId');
    const unknown = await http().post('/api/surveys').set('Authorization', auth['motiv.two']).send({ accountNumber: 'NO-SUCH', kind: 'nps', score: 9 }).expect(400);
    expect(unknown.body.fields[0].field).toBe('accountNumber');
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const scheme = await http().put(`/api/motivation/schemes/${MONTH}`).set('Authorization', manager).send({ ...SCHEME, targetSaveRate: 2, capShare: 'x' }).expect(400);
    expect(scheme.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['capShare', 'targetSaveRate']);
    await http().get('/api/motivation/statements/2026-13').set('Authorization', manager).expect(400);
    await http().get(`/api/motivation/statements/${MONTH}/not-a-uuid`).set('Authorization', manager).expect(400);
    const preview = await http().get(`/api/motivation/schemes/${MONTH}/preview?deferredShare=1.5`).set('Authorization', manager).expect(400);
    expect(preview.body.fields[0].field).toBe('deferredShare');
    const workload = await http().get('/api/motivation/workload?from=2026-10-31&to=2026-10-01').set('Authorization', manager).expect(400);
    expect(workload.body.fields[0].field).toBe('to');
    await http().get('/api/motivation/workload?from=2024-01-01&to=2026-10-01').set('Authorization', manager).expect(400);
    const etag = await http().put(`/api/motivation/schemes/${MONTH}`).set('Authorization', manager).set('If-Match', 'W/"x"').send(SCHEME).expect(400);
    expect(etag.body.fields[0].field).toBe('If-Match');
  });
});
