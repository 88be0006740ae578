import ExcelJS from 'exceljs';
import { addMonths as addMonthsKey, saveState } from '@retention/domain';
import { appClock, freshSubscribers, startApi, TestApi } from '@retention/test-support';

describe('churn plans and reports', () => {
  let api: TestApi;
  let op: string;
  let manager: string;
  let executive: string;
  let competitors: { id: string; name: string }[];

  beforeAll(async () => {
    api = await startApi();
    op = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
    executive = `Bearer ${await api.token('executive')}`;
    competitors = (await api.http().get('/api/competitors').set('Authorization', op)).body;
  });
  afterAll(() => api.close());

  /** Create, claim and resolve a request as a disconnection; optionally re-date its resolution. */
  async function disconnect(accountNumber: string, services: string[], reasonCode: string, competitorId?: string, resolvedAt?: string) {
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber, services, channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    const { body } = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op)
      .send({ outcome: 'disconnected', reasonCode, ...(competitorId ? { competitorId } : {}) }).expect(200);
    if (resolvedAt) {
      await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, resolvedAt]);
    }
    return body;
  }

  it('a manager sets a plan; resolved managed and unmanaged disconnections move the actuals exactly', async () => {
    const month = appClock().now().toISOString().slice(0, 7);
    const line = { service: 'internet', region: null, managedMax: 40, unmanagedMax: 15, targetSaveRate: 0.35 };
    // The demo operator may have a plan for this month already: the save names the version it replaces.
    const current = await api.http().get(`/api/churn-plans/${month}`).set('Authorization', manager);
    const baseVersion = current.status === 404 ? 0 : current.body.version;
    const set = await api.http().put(`/api/churn-plans/${month}`).set('Authorization', manager).send({ lines: [line], note: 'November plan', baseVersion }).expect(200);
    expect(set.body.version).toBe(baseVersion + 1);
    expect(set.body.lines[0]).toMatchObject(line);
    const before = (await api.http().get(`/api/churn-plans/${month}`).set('Authorization', executive).expect(200)).body.lines[0];

    const subs = (await freshSubscribers(api.pool, 30)).filter((s) => s.services.includes('internet')).slice(0, 3);
    await disconnect(subs[0].accountNumber, ['internet'], 'price_increase');          // managed
    await disconnect(subs[1].accountNumber, ['internet'], 'slow_speed');              // managed
    await disconnect(subs[2].accountNumber, ['internet'], 'move_out_of_coverage');    // unmanaged

    const after = (await api.http().get(`/api/churn-plans/${month}`).set('Authorization', executive).expect(200)).body;
    expect(after.lines[0].actualManaged - before.actualManaged).toBe(2);
    expect(after.lines[0].actualUnmanaged - before.actualUnmanaged).toBe(1);
    expect(after.lines[0].drivers.map((d: { reasonCode: string }) => d.reasonCode)).toEqual(expect.arrayContaining(['price_increase', 'slow_speed', 'move_out_of_coverage']));
    expect(after.version).toBeGreaterThanOrEqual(1);
  });

  it('forecasts a half-way month at the run-rate and warns', async () => {
    const subs = (await freshSubscribers(api.pool, 30)).filter((s) => s.services.includes('internet')).slice(0, 3);
    for (const [i, s] of subs.entries()) await disconnect(s.accountNumber, ['internet'], 'price_increase', undefined, `2019-03-0${i + 2}T10:00:00Z`);
    await api.http().put('/api/churn-plans/2019-03').set('Authorization', manager)
      .send({ lines: [{ service: 'internet', region: null, managedMax: 5, unmanagedMax: 2, targetSaveRate: 0.3 }] }).expect(200);
    const { body } = await api.http().get('/api/churn-plans/2019-03?asOf=2019-03-15').set('Authorization', manager).expect(200);
    // 3 managed in 15 of 31 days: 3 / 15 × 31 = 6.2 at month end, above the plan of 5.
    expect(body.lines[0]).toMatchObject({ actualManaged: 3, forecastManaged: 6.2, alertManaged: true, alertUnmanaged: false });
    expect(body.lines[0].fulfilmentManaged).toBeCloseTo(0.6, 6);
  });

  it('keeps every version of a plan, refuses bad lines and operators', async () => {
    await api.http().put('/api/churn-plans/2019-04').set('Authorization', manager).send({ lines: [{ service: 'internet', region: null, managedMax: 10, unmanagedMax: 5, targetSaveRate: 0.3 }] }).expect(200);
    await api.http().put('/api/churn-plans/2019-04').set('Authorization', manager).send({ lines: [{ service: 'internet', region: null, managedMax: 12, unmanagedMax: 5, targetSaveRate: 0.3 }], note: 'raised', baseVersion: 1 }).expect(200);
    const versions = await api.http().get('/api/churn-plans/2019-04/versions').set('Authorization', manager).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[0]).toMatchObject({ note: 'raised', createdBy: expect.any(String) });
    expect(versions.body[1].lines[0].managedMax).toBe(10);

    const draft = await api.http().get('/api/churn-plans/2019-05/draft?from=last').set('Authorization', manager).expect(200);
    expect(draft.body[0].managedMax).toBe(12);

    const bad = await api.http().put('/api/churn-plans/2019-04').set('Authorization', manager)
      .send({ lines: [{ service: 'internet', region: null, managedMax: -1, unmanagedMax: 5, targetSaveRate: 1.5 }] }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lines.0.managedMax', 'lines.0.targetSaveRate']);
    await api.http().put('/api/churn-plans/2019-13').set('Authorization', manager).send({ lines: [] }).expect(400);
    await api.http().put('/api/churn-plans/2019-04').set('Authorization', manager)
      .send({ lines: [{ service: 'teleportation', region: null, managedMax: 1, unmanagedMax: 1, targetSaveRate: 0.1 }] }).expect(400);
    await api.http().put('/api/churn-plans/2019-04').set('Authorization', op).send({ lines: [] }).expect(403);
  });

  it('two managers saving the same month at once: one new version, the other gets 409 unless it names the newest version', async () => {
    const admin = `Bearer ${await api.token('admin')}`;
    await api.http().post('/api/users').set('Authorization', admin)
      .send({ username: 'planner2', password: 'planner2-pass', role: 'manager', displayName: 'Second Planner' }).expect(201);
    const manager2 = `Bearer ${(await api.http().post('/api/auth/login').send({ username: 'planner2', password: 'planner2-pass' }).expect(200)).body.accessToken}`;
    const lines = (managedMax: number) => [{ service: 'internet', region: null, managedMax, unmanagedMax: 5, targetSaveRate: 0.3 }];
    const put = (auth: string, body: object, ifMatch?: string) => {
      const req = api.http().put('/api/churn-plans/2019-07').set('Authorization', auth);
      if (ifMatch !== undefined) req.set('If-Match', ifMatch);
      return req.send(body);
    };

    // The first plan of a month names no version (or 0); two first plans at once: one wins.
    const firsts = await Promise.all([put(manager, { lines: lines(10) }), put(manager2, { lines: lines(11), baseVersion: 0 })]);
    expect(firsts.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(firsts.find((r) => r.status === 409)?.body).toMatchObject({ error: expect.stringMatching(/^plan_version_(required|conflict)$/), fields: [{ field: 'baseVersion' }] });
    const read = await api.http().get('/api/churn-plans/2019-07').set('Authorization', manager).expect(200);
    expect(read.body.version).toBe(1);
    expect(read.headers['etag']).toBe('"1"');

    // Both edit version 1 and save at once, one with baseVersion, one with If-Match.
    const both = await Promise.all([put(manager, { lines: lines(20), baseVersion: 1 }), put(manager2, { lines: lines(30) }, read.headers['etag'])]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const [won, lost] = both[0].status === 200 ? both : [both[1], both[0]];
    expect(won.body.version).toBe(2);
    expect(won.headers['etag']).toBe('"2"');
    expect(lost.body).toMatchObject({ statusCode: 409, error: 'plan_version_conflict', fields: [{ field: 'baseVersion', problems: ['is 1, the current version is 2'] }] });
    const [newest] = (await api.http().get('/api/churn-plans/2019-07/versions').set('Authorization', manager).expect(200)).body;
    if (won === both[1]) expect(newest.createdBy).toBe('Second Planner');
    expect(lost.body.message).toContain(`the current one is version 2, saved by ${newest.createdBy} at ${newest.createdAt}. Reload it`);

    // Without a version on a month that has a plan: 409 naming baseVersion. A stale one: 409 with the current version.
    const none = await put(manager, { lines: lines(40) }).expect(409);
    expect(none.body).toMatchObject({ error: 'plan_version_required', fields: [{ field: 'baseVersion' }] });
    await put(manager, { lines: lines(40), baseVersion: 1 }).expect(409);
    await put(manager, { lines: lines(40) }, '"1"').expect(409);
    expect((await put(manager, { lines: lines(40) }, 'W/"2"').expect(400)).body.fields).toEqual([{ field: 'If-Match', problems: [expect.any(String)] }]);
    expect((await put(manager, { lines: lines(40), baseVersion: 1 }, '"2"').expect(400)).body.fields).toEqual([{ field: 'baseVersion', problems: [expect.any(String)] }]);
    const third = await put(manager, { lines: lines(40) }, '"2"').expect(200);
    expect(third.headers['etag']).toBe('"3"');

    // Nothing was overwritten: each version holds what its own save sent.
    const versions = (await api.http().get('/api/churn-plans/2019-07/versions').set('Authorization', manager).expect(200)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions.map((v: { lines: { managedMax: number }[] }) => v.lines[0].managedMax)).toEqual([
      40,
      won === both[0] ? 20 : 30,
      firsts[0].status === 200 ? 10 : 11,
    ]);
  });

  it('churn to competitors: totals equal a hand count over this test’s own requests, and export to XLSX and CSV', async () => {
    const subs = await freshSubscribers(api.pool, 6);
    const when = '2018-06-10T12:00:00Z';
    const [a, b] = competitors;
    const expected = new Map<string | null, { subscribers: number; revenue: number }>();
    const plan: [number, string, string | undefined][] = [
      [0, 'competitor_cheaper', a.id],
      [1, 'competitor_cheaper', a.id],
      [2, 'competitor_faster', b.id],
      [3, 'competitor_bundle', undefined],
      [4, 'move_out_of_coverage', undefined],
      [5, 'price_increase', undefined],
    ];
    for (const [i, reason, competitor] of plan) {
      const done = await disconnect(subs[i].accountNumber, [], reason, competitor, when);
      if (reason.startsWith('competitor')) {
        const e = expected.get(competitor ?? null) ?? { subscribers: 0, revenue: 0 };
        expected.set(competitor ?? null, { subscribers: e.subscribers + 1, revenue: e.revenue + done.mrrLost });
      }
    }
    const { body } = await api.http().get('/api/reports/churn-to-competitors?from=2018-06&to=2018-06').set('Authorization', executive).expect(200);
    for (const [id, e] of expected) {
      const row = body.rows.find((r: { competitorId: string | null }) => r.competitorId === id);
      expect(row.subscribers).toBe(e.subscribers);
      expect(row.monthlyRevenue).toBeCloseTo(e.revenue, 2);
    }
    const totalSubs = [...expected.values()].reduce((s, e) => s + e.subscribers, 0);
    const totalRevenue = [...expected.values()].reduce((s, e) => s + e.revenue, 0);
    expect(body.total.subscribers).toBe(totalSubs);
    expect(body.total.monthlyRevenue).toBeCloseTo(totalRevenue, 2);
    expect(body.movedOutOfCoverage.subscribers).toBe(1);
    expect(body.rows.find((r: { competitorId: string | null }) => r.competitorId === null).competitor).toBe('Unknown competitor');
    expect(body.rows[0].trend).toHaveLength(12);

    const drill = await api.http().get(`/api/reports/drill?from=2018-06&to=2018-06&competitorId=${a.id}`).set('Authorization', executive).expect(200);
    expect(drill.body.total).toBe(2);
    expect(drill.body.items.map((i: { accountNumber: string }) => i.accountNumber).sort()).toEqual([subs[0].accountNumber, subs[1].accountNumber].sort());

    const xlsx = await api.http().get('/api/reports/churn-to-competitors?from=2018-06&to=2018-06&format=xlsx').set('Authorization', executive)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Competitor');
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Total to competitors');
    expect(last.getCell(2).value).toBe(totalSubs);
    expect(Number(last.getCell(3).value)).toBeCloseTo(totalRevenue, 2);
    expect(sheet.getColumn(3).numFmt).toBe('#,##0.00');

    const csv = await api.http().get('/api/reports/churn-to-competitors?from=2018-06&to=2018-06&format=csv').set('Authorization', executive).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Competitor,Subscribers lost,Monthly revenue lost,Top reason');
    expect(lines[lines.length - 1]).toMatch(new RegExp(`^Total to competitors,${totalSubs},`));
  });

  it('churn by reason: every reason against its norm with the economic effect', async () => {
    // Its own month and its own disconnections, so that it passes run alone.
    const subs = await freshSubscribers(api.pool, 3);
    const when = '2018-02-12T12:00:00Z';
    await disconnect(subs[0].accountNumber, [], 'competitor_cheaper', competitors[0].id, when);
    await disconnect(subs[1].accountNumber, [], 'competitor_cheaper', undefined, when);
    await disconnect(subs[2].accountNumber, [], 'price_increase', undefined, when);
    const { body } = await api.http().get('/api/reports/churn-by-reason?from=2018-02&to=2018-02').set('Authorization', executive).expect(200);
    // Every reason of the classifier but the technical closure, which is not churn.
    expect(body.rows).toHaveLength(32);
    const byCode = (code: string) => body.rows.find((r: { reasonCode: string }) => r.reasonCode === code);
    expect(byCode('competitor_cheaper').subscribers).toBe(2);
    expect(byCode('price_increase').subscribers).toBe(1);
    expect(body.total.subscribers).toBe(3);
    expect(body.total.managed + body.total.unmanaged).toBe(body.total.subscribers);
    for (const r of body.rows) {
      const norm = r.threshold * body.averageBase;
      // The money is what those lost for the reason paid; the lifetime is the base's, as for LTV.
      expect(r.arpu).toBeCloseTo(r.subscribers ? r.monthlyRevenue / r.subscribers : 0, 2);
      const expectedMonthly = Math.max(r.subscribers / body.months - norm, 0) * r.arpu * body.expectedLifetimeMonths;
      expect(r.effectMonthly).toBeCloseTo(expectedMonthly, 0);
      expect(r.effectYearly).toBeCloseTo(r.effectMonthly * 12, 0);
    }
    expect(body.formula).toMatch(/lifetime/);
  });

  it('plan versus actual and key figures answer for a range with the previous period', async () => {
    const pva = await api.http().get('/api/reports/plan-vs-actual?from=2019-03&to=2019-04&service=internet').set('Authorization', executive).expect(200);
    expect(pva.body.rows).toEqual([
      expect.objectContaining({ month: '2019-03', service: 'internet', managedMax: 5, actualManaged: 3 }),
      expect.objectContaining({ month: '2019-04', service: 'internet', managedMax: 12 }),
    ]);
    const month = appClock().now().toISOString().slice(0, 7);
    const kf = await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
    const keys = kf.body.figures.map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['churn_rate', 'retention_rate', 'revenue_churn', 'revenue_retention', 'arpu', 'new_subscriber_share', 'average_lifetime', 'ltv', 'save_rate', 'saves_confirmed', 'saves_pending', 'nps']));
    // The SQL's confirmed/pending counts agree with the domain rule applied to each save.
    const year = await api.http().get(`/api/reports/key-figures?from=${addMonthsKey(month, -11)}&to=${month}`).set('Authorization', executive).expect(200);
    const { rows: saves } = await api.pool.query(
      `SELECT to_char(d.resolved_at, 'YYYY-MM-DD') AS resolved_on, s.disconnected_on::text AS left_on
         FROM disconnect_request d JOIN subscriber s ON s.id = d.subscriber_id
        WHERE d.status = 'resolved' AND d.outcome IN ('retained', 'retained_with_offer') AND d.kind = 'voluntary'
          AND d.resolved_at >= $1::date AND d.resolved_at < ($2::date + interval '1 month')`,
      [`${addMonthsKey(month, -11)}-01`, `${month}-01`],
    );
    const today = appClock().now().toISOString().slice(0, 10);
    const states = saves.map((r) => saveState(r.resolved_on, today, r.left_on && r.left_on <= today ? r.left_on : null));
    const figure = (key: string) => year.body.figures.find((f: { key: string }) => f.key === key).value;
    expect(saves.length).toBeGreaterThan(0);
    expect(figure('saves_confirmed')).toBe(states.filter((x) => x === 'confirmed').length);
    expect(figure('saves_pending')).toBe(states.filter((x) => x === 'pending').length);
    const lifetime = kf.body.figures.find((f: { key: string }) => f.key === 'average_lifetime');
    if (lifetime.value !== null) expect(['poor', 'fair', 'good', 'excellent']).toContain(lifetime.rating);
  });

  it('key figures follow the region and the service: base, churn, lifetime and revenue equal a hand count', async () => {
    const to = addMonthsKey(appClock().now().toISOString().slice(0, 7), -1);
    const from = addMonthsKey(to, -5);
    const [start, end] = [`${from}-01`, `${addMonthsKey(to, 1)}-01`];
    const { rows: [{ code: region }] } = await api.pool.query(`SELECT code FROM region ORDER BY code LIMIT 1`);
    const figures = async (qs: string) => {
      const { body } = await api.http().get(`/api/reports/key-figures?from=${from}&to=${to}&${qs}`).set('Authorization', executive).expect(200);
      return Object.fromEntries(body.figures.map((f: { key: string; value: number | null }) => [f.key, f.value]));
    };

    // A region: its subscribers, straight from the subscriber and subscription tables.
    const { rows: [r] } = await api.pool.query(
      `SELECT count(*) FILTER (WHERE connected_on < $2 AND (disconnected_on IS NULL OR disconnected_on >= $2))::int AS start_n,
              count(*) FILTER (WHERE connected_on < $3 AND (disconnected_on IS NULL OR disconnected_on >= $3))::int AS end_n,
              count(*) FILTER (WHERE disconnected_on >= $2 AND disconnected_on < $3 AND connected_on < $2 AND disconnect_kind = 'voluntary')::int AS lost,
              avg((disconnected_on - connected_on) / 30.4375)
                FILTER (WHERE disconnected_on >= $2 AND disconnected_on < $3 AND disconnect_kind IN ('voluntary', 'non_payment'))::float8 AS lifetime,
              (SELECT sum(x.monthly_fee) FROM subscription x JOIN subscriber s2 ON s2.id = x.subscriber_id
                WHERE s2.region_id = (SELECT id FROM region WHERE code = $1) AND x.started_on < $3 AND (x.ended_on IS NULL OR x.ended_on >= $3))::float8 AS mrr
         FROM subscriber s WHERE region_id = (SELECT id FROM region WHERE code = $1)`,
      [region, start, end],
    );
    const byRegion = await figures(`region=${region}`);
    expect(r.start_n).toBeGreaterThan(0);
    expect(byRegion['subscribers_start']).toBe(r.start_n);
    expect(byRegion['subscribers_end']).toBe(r.end_n);
    expect(byRegion['churn_rate']).toBeCloseTo(r.lost / r.start_n, 10);
    expect(byRegion['average_lifetime']).toBeCloseTo(r.lifetime, 1);
    expect(byRegion['mrr_end']).toBeCloseTo(r.mrr, 2);
    expect(byRegion['arpu']).toBeCloseTo(r.mrr / r.end_n, 2);

    // A service: its subscriptions; dropping it counts as leaving, a change of tariff does not (nor a technical
    // closure), and the churn rate counts those running at the start, non-payment apart.
    const { rows: [v] } = await api.pool.query(
      `SELECT count(*) FILTER (WHERE x.started_on < $2 AND (x.ended_on IS NULL OR x.ended_on >= $2))::int AS start_n,
              count(*) FILTER (WHERE x.started_on < $3 AND (x.ended_on IS NULL OR x.ended_on >= $3))::int AS end_n,
              count(*) FILTER (WHERE x.ended_on >= $2 AND x.ended_on < $3 AND x.started_on < $2 AND x.end_reason IN ('disconnected', 'dropped'))::int AS lost,
              avg((x.ended_on - s.connected_on) / 30.4375)
                FILTER (WHERE x.ended_on >= $2 AND x.ended_on < $3 AND x.end_reason IN ('disconnected', 'dropped', 'non_payment'))::float8 AS lifetime,
              sum(x.monthly_fee) FILTER (WHERE x.started_on < $3 AND (x.ended_on IS NULL OR x.ended_on >= $3))::float8 AS mrr
         FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
        WHERE x.service_id = (SELECT id FROM service WHERE code = $1)`,
      ['internet', start, end],
    );
    const byService = await figures('service=internet');
    expect(v.lost).toBeGreaterThan(0);
    expect(byService['subscribers_start']).toBe(v.start_n);
    expect(byService['subscribers_end']).toBe(v.end_n);
    expect(byService['churn_rate']).toBeCloseTo(v.lost / v.start_n, 10);
    expect(byService['average_lifetime']).toBeCloseTo(v.lifetime, 1);
    expect(byService['mrr_end']).toBeCloseTo(v.mrr, 2);
    expect(byService['arpu']).toBeCloseTo(v.mrr / v.end_n, 2);
  });

  it('drills from key figures to the subscribers behind them: who left, who was saved, who answered', async () => {
    const to = addMonthsKey(appClock().now().toISOString().slice(0, 7), -1);
    const from = addMonthsKey(to, -5);
    const { rows: [{ code: region }] } = await api.pool.query(`SELECT code FROM region ORDER BY code LIMIT 1`);
    const qs = `from=${from}&to=${to}`;
    const get = async (path: string) => (await api.http().get(path).set('Authorization', executive).expect(200)).body;
    const figures = async (filter: string) =>
      Object.fromEntries((await get(`/api/reports/key-figures?${qs}${filter}`)).figures.map((f: { key: string; value: number }) => [f.key, f]));
    /** Every row of a drill-down, page by page. */
    const all = async (query: string) => {
      const rows: Record<string, unknown>[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await get(`/api/reports/drill/subscribers?${qs}&${query}&limit=200&offset=${offset}`);
        rows.push(...page.items);
        if (rows.length >= page.total) return { rows, total: page.total };
      }
    };

    // Who left: as many as the churn rate counts, each leaving inside the period, their tenures giving the average lifetime.
    for (const filter of [`region=${region}`, 'service=internet']) {
      const kf = await figures(`&${filter}`);
      const left = await all(`figure=left&${filter}`);
      expect(left.total).toBe(left.rows.length);
      expect(left.total).toBeGreaterThan(0);
      expect(left.total / kf['subscribers_start'].value).toBeCloseTo(kf['churn_rate'].value, 10);
      for (const r of left.rows) expect((r['on'] as string) >= `${from}-01` && (r['on'] as string) < `${addMonthsKey(to, 1)}-01`).toBe(true);
      if (filter.startsWith('region')) expect(new Set(left.rows.map((r) => r['region']))).toEqual(new Set([region]));
      else expect(left.rows.every((r) => ['disconnected', 'dropped'].includes(r['endReason'] as string))).toBe(true);
    }

    // Saves: the count behind the save figures, and each row's state as the domain's saveState has it.
    const kf = await figures('');
    const saves = await all('figure=saves');
    const today = appClock().now().toISOString().slice(0, 10);
    for (const r of saves.rows) {
      const leftOn = r['disconnectedOn'] && (r['disconnectedOn'] as string) <= today ? (r['disconnectedOn'] as string) : null;
      expect(r['saveState']).toBe(saveState(r['on'] as string, today, leftOn));
    }
    expect(saves.rows.filter((r) => r['saveState'] === 'confirmed').length).toBe(kf['saves_confirmed'].value);
    expect((await all('figure=saves&saveState=confirmed')).total).toBe(kf['saves_confirmed'].value);
    expect((await all('figure=saves&saveState=pending')).total).toBe(kf['saves_pending'].value);

    // NPS: the answers behind it give the same score; a class narrows to its scores.
    const answers = await all('figure=nps');
    const scores = answers.rows.map((r) => r['npsScore'] as number);
    const promoters = scores.filter((x) => x >= 9).length;
    const detractors = scores.filter((x) => x <= 6).length;
    expect(Math.round(((promoters - detractors) * 1000) / scores.length) / 10).toBeCloseTo(kf['nps'].value, 1);
    const detractorRows = await all('figure=nps&npsClass=detractor');
    expect(detractorRows.total).toBe(detractors);
    expect(detractorRows.rows.every((r) => (r['npsScore'] as number) <= 6 && r['npsClass'] === 'detractor')).toBe(true);

    // Bad input names the field; operators are refused.
    const bad = await api.http().get(`/api/reports/drill/subscribers?${qs}&figure=everyone`).set('Authorization', executive).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['figure']);
    await api.http().get(`/api/reports/drill/subscribers?${qs}&figure=left`).set('Authorization', op).expect(403);
  });

  it('refuses bad ranges naming the field, and operators', async () => {
    expect((await api.http().get('/api/reports/churn-by-reason?from=2026-05&to=2026-01').set('Authorization', executive).expect(400)).body.fields[0].field).toBe('from');
    expect((await api.http().get('/api/reports/churn-by-reason?from=2026-5&to=2026-06').set('Authorization', executive).expect(400)).body.fields[0].field).toBe('from');
    await api.http().get('/api/reports/churn-to-competitors?from=2026-01&to=2026-02').set('Authorization', op).expect(403);
  });
});
