import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HiddenChurnService } from '@retention/api-hidden-churn';
import { startApi, TEST_TODAY, TestApi, until } from '@retention/test-support';
import { DEFAULT_HIDDEN_CHURN_RULES, hiddenChurnRiskScore } from '@retention/domain';

/**
 * Hidden churn through HTTP on the run's PostgreSQL: subscribers planted for each rule (dates relative to the test
 * clock's today) are found by a scan and healthy ones are not; a second scan duplicates nothing; a subscriber who
 * pays again closes `returned`, one disconnected for non-payment `lost`; concurrent scan requests share one scan;
 * call lists share new cases among operators, who work them.
 */
const FAST = { JOB_POLL_SECONDS: '0.5', HIDDEN_CHURN_SCAN_CRON: 'off' };
const tag = `HC${process.pid}`;

interface Plant {
  status?: 'active' | 'suspended';
  balance?: number;
  /** internet; iptv as a second service */
  subs?: { service: 'internet' | 'iptv'; fee: number; startedDaysAgo: number; endedDaysAgo?: number; endReason?: string }[];
  /** days ago of each payment; default: every 30 days from 5 days ago, a year back */
  payments?: number[];
  /** complete months back (1 = last month) with usage amounts, per service; default 100 for 6 months */
  usage?: Record<number, number>;
  usageService?: 'internet' | 'iptv';
  nps?: { daysAgo: number; score: number }[];
}

const monthly = (from: number) => Array.from({ length: 12 }, (_, i) => from + 30 * i);
const steadyUsage = { 1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 100 };

describe('hidden churn', () => {
  let api: TestApi;
  let manager: string;
  let operator: string;
  let operatorId: string;
  const planted = new Map<string, string>();

  async function plant(label: string, p: Plant): Promise<string> {
    const db = api.pool;
    const { rows: [s] } = await db.query(
      `INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status,
                               temperament, activity_segment, balance)
       VALUES ($1, $2, '+380000000000', 'Test street 1', (SELECT id FROM region WHERE code = 'centre'), app_today() - 720,
               'month_to_month', $3, 'phlegmatic', 'passive', $4) RETURNING id`,
      [`${tag}-${label}`, `Planted ${label}`, p.status ?? 'active', p.balance ?? 0],
    );
    const subs = p.subs ?? [{ service: 'internet', fee: 300, startedDaysAgo: 700 }];
    for (const x of subs) {
      await db.query(
        `INSERT INTO subscription (subscriber_id, service_id, tariff_id, monthly_fee, started_on, ended_on, end_reason)
         SELECT $1, v.id, (SELECT t.id FROM tariff t WHERE t.service_id = v.id ORDER BY t.code LIMIT 1), $3,
                app_today() - $4::int, app_today() - $5::int, $6
           FROM service v WHERE v.code = $2`,
        [s.id, x.service, x.fee, x.startedDaysAgo, x.endedDaysAgo ?? null, x.endReason ?? null],
      ).then((r) => expect(r.rowCount).toBe(1));
    }
    for (const d of p.payments ?? monthly(5)) {
      await db.query(`INSERT INTO payment (subscriber_id, paid_on, amount) VALUES ($1, app_today() - $2::int, 300)`, [s.id, d]);
    }
    for (const [back, amount] of Object.entries(p.usage ?? steadyUsage)) {
      await db.query(
        `INSERT INTO usage_monthly (subscriber_id, service_id, month, amount)
         SELECT $1, v.id, (date_trunc('month', app_today()) - make_interval(months => $3::int))::date, $4 FROM service v WHERE v.code = $2`,
        [s.id, p.usageService ?? 'internet', Number(back), amount],
      );
    }
    for (const a of p.nps ?? [{ daysAgo: 300, score: 9 }, { daysAgo: 30, score: 10 }]) {
      await db.query(`INSERT INTO survey_answer (subscriber_id, kind, score, answered_on) VALUES ($1, 'nps', $2, app_today() - $3::int)`, [
        s.id,
        a.score,
        a.daysAgo,
      ]);
    }
    planted.set(label, s.id);
    return s.id;
  }

  async function scan(): Promise<{ id: string; body: Record<string, unknown> }> {
    const started = await api.http().post('/api/hidden-churn/scans').set('Authorization', `Bearer ${manager}`).send({});
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const res = await until(
      () => api.http().get(`/api/hidden-churn/scans/${id}`).set('Authorization', `Bearer ${manager}`),
      (r) => ['completed', 'failed'].includes(r.body.status),
    );
    expect(res.body).toMatchObject({ status: 'completed', progress: 100 });
    return { id, body: res.body };
  }

  async function casesOf(subscriberId: string) {
    const { rows } = await api.pool.query(`SELECT id, status, signal_codes, risk_score, revenue_at_stake::float8 AS revenue FROM hidden_churn_case WHERE subscriber_id = $1 ORDER BY opened_at`, [subscriberId]);
    return rows as { id: string; status: string; signal_codes: string[]; risk_score: number; revenue: number }[];
  }

  beforeAll(async () => {
    api = await startApi(FAST);
    manager = await api.token('manager');
    operator = await api.token('operator');
    operatorId = (await api.pool.query(`SELECT id FROM app_user WHERE username = 'operator'`)).rows[0].id;
    // Healthy: pays every month, steady usage, content.
    await plant('healthy', {});
    await plant('healthy2', { subs: [{ service: 'internet', fee: 300, startedDaysAgo: 700 }, { service: 'iptv', fee: 200, startedDaysAgo: 600 }] });
    await plant('no_payment', { payments: monthly(50), balance: -300 });
    await plant('balance_falling', { payments: monthly(100), balance: -900 });
    await plant('downgrade', {
      subs: [
        { service: 'internet', fee: 500, startedDaysAgo: 700, endedDaysAgo: 21, endReason: 'downgrade' },
        { service: 'internet', fee: 250, startedDaysAgo: 20 },
      ],
    });
    await plant('service_dropped', {
      subs: [
        { service: 'internet', fee: 300, startedDaysAgo: 700 },
        { service: 'iptv', fee: 200, startedDaysAgo: 600, endedDaysAgo: 15, endReason: 'dropped' },
      ],
    });
    await plant('usage_drop', { usage: { 1: 10, 2: 100, 3: 110, 4: 90, 5: 100 } });
    await plant('long_suspension', { status: 'suspended', payments: monthly(130), usage: { 5: 100, 6: 100, 7: 100 } });
    await plant('nps_fall', { nps: [{ daysAgo: 200, score: 9 }, { daysAgo: 10, score: 4 }] });
    await plant('to_be_lost', { payments: monthly(50), balance: -300 });
  });
  afterAll(() => api.close());

  it('the demo data comes with a completed first scan and cases', async () => {
    const { rows } = await api.pool.query(`SELECT status, (counts->>'opened')::int AS opened FROM hidden_churn_scan WHERE trigger = 'demo'`);
    expect(rows).toEqual([{ status: 'completed', opened: expect.any(Number) }]);
    expect(rows[0].opened).toBeGreaterThan(0);
  });

  it('finds the planted subscriber of each rule, and not the healthy ones', async () => {
    const first = await scan();
    expect(first.body['counts']).toMatchObject({ subscribersScanned: expect.any(Number), opened: expect.any(Number) });
    for (const signal of ['no_payment', 'balance_falling', 'downgrade', 'service_dropped', 'usage_drop', 'long_suspension', 'nps_fall']) {
      const cases = await casesOf(planted.get(signal) as string);
      expect({ signal, count: cases.length, status: cases[0]?.status }).toEqual({ signal, count: 1, status: 'new' });
      expect(cases[0].signal_codes).toContain(signal);
      const weights = cases[0].signal_codes.map((s) => DEFAULT_HIDDEN_CHURN_RULES[s as keyof typeof DEFAULT_HIDDEN_CHURN_RULES].weight);
      expect(cases[0].risk_score).toBe(hiddenChurnRiskScore(weights));
    }
    // The silent payer alone: one sign, no other.
    expect((await casesOf(planted.get('no_payment') as string))[0].signal_codes).toEqual(['no_payment']);
    expect((await casesOf(planted.get('usage_drop') as string))[0].signal_codes).toEqual(['usage_drop']);
    expect((await casesOf(planted.get('downgrade') as string))[0].revenue).toBe(250);
    expect(await casesOf(planted.get('healthy') as string)).toEqual([]);
    expect(await casesOf(planted.get('healthy2') as string)).toEqual([]);

    // The list filters by signal, region, service and risk, sorted by risk.
    const list = await api.http().get('/api/hidden-churn/cases').query({ signal: 'usage_drop', region: 'centre', minRisk: 10, limit: 500 })
      .set('Authorization', `Bearer ${manager}`).expect(200);
    expect(list.body.items.map((c: { subscriberId: string }) => c.subscriberId)).toContain(planted.get('usage_drop'));
    expect(list.body.items.every((c: { signals: { signal: string }[]; region: string }) => c.region === 'centre' && c.signals.some((s) => s.signal === 'usage_drop'))).toBe(true);
    const risks = list.body.items.map((c: { riskScore: number }) => c.riskScore);
    expect(risks).toEqual([...risks].sort((a: number, b: number) => b - a));
    const tv = await api.http().get('/api/hidden-churn/cases').query({ service: 'iptv', limit: 500 }).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(tv.body.items.every((c: { services: string[] }) => c.services.includes('iptv'))).toBe(true);
  });

  it('a second scan duplicates nothing; paying again closes returned, a non-payment disconnection lost', async () => {
    const before = new Map<string, string>();
    for (const [label, id] of planted) for (const c of await casesOf(id)) before.set(label, c.id);
    const month = TEST_TODAY.slice(0, 7);
    const hiddenFigures = async () => {
      const { body } = await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}`).set('Authorization', `Bearer ${manager}`).expect(200);
      const byKey = Object.fromEntries(body.figures.map((f: { key: string; value: number | null }) => [f.key, f.value]));
      return { hidden: byKey['hidden_churn'] as number, share: byKey['hidden_churn_share'] as number | null };
    };
    const figuresBefore = await hiddenFigures();
    const payer = planted.get('no_payment') as string;
    await api.pool.query(`INSERT INTO payment (subscriber_id, paid_on, amount) VALUES ($1, app_today(), 600)`, [payer]);
    await api.pool.query(`UPDATE subscriber SET balance = 0 WHERE id = $1`, [payer]);
    const leaver = planted.get('to_be_lost') as string;
    await api.pool.query(`UPDATE subscription SET ended_on = app_today(), end_reason = 'non_payment' WHERE subscriber_id = $1`, [leaver]);
    await api.pool.query(`UPDATE subscriber SET status = 'disconnected', disconnected_on = app_today(), disconnect_kind = 'non_payment' WHERE id = $1`, [leaver]);

    const second = await scan();
    expect(second.body['counts']).toMatchObject({ returned: expect.any(Number), lost: expect.any(Number) });
    for (const [label, id] of planted) {
      const cases = await casesOf(id);
      if (label.startsWith('healthy')) expect(cases).toEqual([]);
      else expect({ label, ids: cases.map((c) => c.id) }).toEqual({ label, ids: [before.get(label)] });
    }
    expect((await casesOf(payer))[0].status).toBe('returned');
    expect((await casesOf(leaver))[0].status).toBe('lost');
    // Counting it: the leaver is hidden churn once (a non-payment disconnection whose case closed lost), apart from announced churn.
    const figuresAfter = await hiddenFigures();
    expect(figuresAfter.hidden).toBe(figuresBefore.hidden + 1);
    expect(figuresAfter.share).toBeGreaterThan(figuresBefore.share ?? 0);
    expect(figuresAfter.share).toBeLessThanOrEqual(1);
    expect((await casesOf(planted.get('usage_drop') as string))[0].status).toBe('new');
    const detail = await api.http().get(`/api/hidden-churn/cases/${before.get('no_payment')}`).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(detail.body.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['new', 'returned']);
    expect(detail.body.closeCause).toBe('paid_again');
  });

  it('runs one scan for concurrent and repeated requests, from two processes', async () => {
    const other = await startApi(FAST);
    try {
      const otherManager = await other.token('manager');
      const [a, b, c] = await Promise.all([
        api.http().post('/api/hidden-churn/scans').set('Authorization', `Bearer ${manager}`).send({}),
        other.http().post('/api/hidden-churn/scans').set('Authorization', `Bearer ${otherManager}`).send({}),
        api.http().post('/api/hidden-churn/scans').set('Authorization', `Bearer ${manager}`).send({}),
      ]);
      expect([a.status, b.status, c.status]).toEqual([202, 202, 202]);
      expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
      const done = await until(
        () => api.http().get(`/api/hidden-churn/scans/${a.body.id}`).set('Authorization', `Bearer ${manager}`),
        (r) => r.body.status === 'completed',
      );
      expect(done.body.status).toBe('completed');
      const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM hidden_churn_scan WHERE created_at >= (SELECT created_at FROM hidden_churn_scan WHERE id = $1)`, [a.body.id]);
      expect(rows[0].n).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('keeps the rules versioned: a change is a new version, the same body none', async () => {
    const now = await api.http().get('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`).expect(200);
    const rules = { ...now.body.rules, no_payment: { ...now.body.rules.no_payment, days: 40 } };
    const changed = await api.http().put('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`).send({ rules, note: 'sooner' }).expect(200);
    expect(changed.body.version).toBe(now.body.version + 1);
    expect(changed.body.rules.no_payment.days).toBe(40);
    const again = await api.http().put('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`).send({ rules }).expect(200);
    expect(again.body.version).toBe(changed.body.version);
    const bad = await api.http().put('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`)
      .send({ rules: { ...rules, usage_drop: { ...rules.usage_drop, share: 2 } } }).expect(400);
    expect(bad.body.fields).toEqual([{ field: 'rules.usage_drop.share', problems: [expect.stringContaining('share')] }]);
    // Each bad parameter is named where the editor shows it, and nothing is saved.
    const worse = await api.http().put('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`)
      .send({ rules: { ...rules, no_payment: { ...rules.no_payment, days: 0, weight: 96 }, nps_fall: { ...rules.nps_fall, points: 2.5 } } }).expect(400);
    expect(worse.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['rules.no_payment.days', 'rules.no_payment.weight', 'rules.nps_fall.points']);
    const after = await api.http().get('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`).expect(200);
    expect(after.body.version).toBe(changed.body.version);
    await api.http().put('/api/hidden-churn/rules').set('Authorization', `Bearer ${manager}`).send({ rules: now.body.rules, note: 'back' }).expect(200);
  });

  it('builds a call list, assigns it, and the operator works a case', async () => {
    const operators = await api.http().get('/api/hidden-churn/operators').set('Authorization', `Bearer ${manager}`).expect(200);
    expect(operators.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: operatorId, openCases: expect.any(Number) })]));
    const built = await api.http().post('/api/hidden-churn/call-lists').set('Authorization', `Bearer ${manager}`)
      .send({ name: 'Usage fell', filter: { signal: 'usage_drop', region: 'centre' }, size: 3, operatorIds: [operatorId] });
    expect(built.status).toBe(201);
    expect(built.body.progress.total).toBeGreaterThan(0);
    expect(built.body.progress.total).toBeLessThanOrEqual(3);
    expect(built.body.operators).toEqual([expect.objectContaining({ id: operatorId, cases: built.body.progress.total })]);

    const mine = await api.http().get('/api/hidden-churn/cases').query({ status: 'assigned' }).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((c: { assigneeId: string }) => c.assigneeId === operatorId)).toBe(true);
    const id = mine.body.items.find((c: { callListId: string }) => c.callListId === built.body.id).id;
    // The desk's offers and presentation module, for the case's subscriber: ranked as for a disconnect request.
    const offers = await api.http().get(`/api/hidden-churn/cases/${id}/offers`).query({ reasonCode: 'price_increase', lang: 'en' })
      .set('Authorization', `Bearer ${operator}`).expect(200);
    expect(offers.body.length).toBeGreaterThan(0);
    expect(offers.body[0]).toMatchObject({ code: expect.any(String), title: expect.any(String), eligible: expect.any(Boolean), approval: null });
    expect(offers.body.some((o: { inReasonChain: boolean }) => o.inReasonChain)).toBe(true);
    const competitor = (await api.pool.query(`SELECT id FROM competitor ORDER BY name LIMIT 1`)).rows[0].id;
    const shown = await api.http().get(`/api/hidden-churn/cases/${id}/presentation`).query({ competitorId: competitor })
      .set('Authorization', `Bearer ${operator}`).expect(200);
    expect(shown.body).toMatchObject({ competitor: { id: competitor }, regionCode: 'centre' });
    expect(shown.body.rows.map((r: { service: string }) => r.service)).toEqual(mine.body.items.find((c: { id: string }) => c.id === id).services);
    const badReason = await api.http().get(`/api/hidden-churn/cases/${id}/offers`).query({ reasonCode: 'BAD CODE' }).set('Authorization', `Bearer ${operator}`);
    expect(badReason.status).toBe(400);
    expect(badReason.body.fields[0].field).toBe('reasonCode');
    // Another operator's case is not theirs to work.
    const admin = await api.token('admin');
    const otherName = `hcop${process.pid}`;
    await api.http().post('/api/users').set('Authorization', `Bearer ${admin}`)
      .send({ username: otherName, password: `${otherName}-pass`, role: 'operator', displayName: 'Other Operator' });
    const other = (await api.http().post('/api/auth/login').send({ username: otherName, password: `${otherName}-pass` }).expect(200)).body.accessToken;
    await api.http().get(`/api/hidden-churn/cases/${id}/offers`).query({ reasonCode: 'price_increase' }).set('Authorization', `Bearer ${other}`).expect(404);
    await api.http().get(`/api/hidden-churn/cases/${id}/presentation`).set('Authorization', `Bearer ${other}`).expect(404);
    await api.http().post(`/api/hidden-churn/cases/${id}/contact`).set('Authorization', `Bearer ${operator}`).send({ note: 'called' }).expect(200);
    const noReason = await api.http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', `Bearer ${operator}`).send({ outcome: 'returned' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0].field).toBe('reasonCode');
    const reason = 'price_increase';
    const givable = offers.body.find((o: { eligible: boolean; needsApproval: boolean }) => o.eligible && !o.needsApproval).code;
    const notInChain = (await api.pool.query(`SELECT code FROM offer WHERE code <> ALL ($1) ORDER BY code LIMIT 1`, [offers.body.map((o: { code: string }) => o.code)])).rows;
    for (const [body, field] of [
      [{ outcome: 'lost', reasonCode: reason, offerCode: givable }, 'offerCode'],
      ...(notInChain.length ? [[{ outcome: 'returned', reasonCode: reason, offerCode: notInChain[0].code }, 'offerCode']] : []),
    ] as const) {
      const refused = await api.http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', `Bearer ${operator}`).send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0].field).toBe(field);
    }
    const closed = await api.http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', `Bearer ${operator}`)
      .send({ outcome: 'returned', reasonCode: reason, offerCode: givable, note: 'offer taken' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'returned', reasonCode: reason, offerCode: givable, closeCause: 'operator' });
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual(['scan_open', 'assign', 'contact', 'resolve']);
    await api.http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', `Bearer ${operator}`).send({ outcome: 'lost', reasonCode: reason }).expect(409);
    // The case list names the true reason of a closed case too (the manager's list shows it beside the status).
    const listed = await api.http().get('/api/hidden-churn/cases').query({ status: 'returned', limit: 200 }).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ status: 'returned', reasonCode: reason });

    const progress = await api.http().get(`/api/hidden-churn/call-lists/${built.body.id}`).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(progress.body.progress.returned).toBe(1);

    const notOperator = (await api.pool.query(`SELECT id FROM app_user WHERE username = 'manager'`)).rows[0].id;
    const refused = await api.http().post('/api/hidden-churn/call-lists').set('Authorization', `Bearer ${manager}`)
      .send({ name: 'x', filter: {}, size: 1, operatorIds: [notOperator] });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].field).toBe('operatorIds');
  });

  it("sends an offer above the operator's limit on a case to the managers' approvals: approved, the case returns with it; rejected, it stays refused", async () => {
    // A subscriber of small value (20 a month): their lifetime value stays under the first authority tier whatever the
    // base's expected lifetime (at most ten years, 2,400), so a 20% or larger discount is above the operator's limit.
    // (At 100 a month it crossed the tier when the base's expected lifetime passed 80 months.)
    async function caseFor(label: string): Promise<string> {
      const subscriberId = await plant(label, { subs: [{ service: 'internet', fee: 20, startedDaysAgo: 700 }] });
      const { rows: [c] } = await api.pool.query(
        `INSERT INTO hidden_churn_case (subscriber_id, status, risk_score, revenue_at_stake, region_id, services, assignee_id, contacted_at)
         SELECT id, 'contacted', 45, 20, region_id, '{internet}', $2, app_now() FROM subscriber WHERE id = $1 RETURNING id`,
        [subscriberId, operatorId],
      );
      return c.id;
    }
    const reason = 'price_increase';
    const offersOf = async (id: string) =>
      (await api.http().get(`/api/hidden-churn/cases/${id}/offers`).query({ reasonCode: reason }).set('Authorization', `Bearer ${operator}`).expect(200)).body as
        { code: string; eligible: boolean; needsApproval: boolean; approved: boolean; approval: string | null }[];
    const ask = (id: string, offerCode: string) =>
      api.http().post(`/api/hidden-churn/cases/${id}/approvals`).set('Authorization', `Bearer ${operator}`).send({ offerCode, note: 'stays for 20%' });
    const resolve = (id: string, offerCode: string) =>
      api.http().post(`/api/hidden-churn/cases/${id}/resolve`).set('Authorization', `Bearer ${operator}`).send({ outcome: 'returned', reasonCode: reason, offerCode });
    const decide = (approvalId: string, decision: 'approved' | 'rejected') =>
      api.http().post(`/api/approvals/${approvalId}/decision`).set('Authorization', `Bearer ${manager}`).send({ decision });

    const approvedCase = await caseFor('approval_granted');
    const big = (await offersOf(approvedCase)).find((o) => o.eligible && o.needsApproval);
    if (!big) throw new Error('no offer above the operator\'s limit for a subscriber paying 20 a month');
    expect(big.approval).toBeNull();
    // Without an approval the offer is refused, as on a disconnect request.
    expect((await resolve(approvedCase, big.code).expect(409)).body.error).toBe('approval_required');

    const asked = await ask(approvedCase, big.code).expect(201);
    expect(asked.body).toMatchObject({ caseId: approvedCase, requestId: null, offerCode: big.code, status: 'pending', subscriberName: 'Planted approval_granted', monthlyRevenue: 20 });
    // Asking again answers the one open approval.
    expect((await ask(approvedCase, big.code).expect(201)).body.id).toBe(asked.body.id);
    // It waits in the managers' one list, beside the requests' approvals; the case waits as it is.
    const pending = await api.http().get('/api/approvals').query({ status: 'pending' }).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(pending.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: asked.body.id, caseId: approvedCase, requestId: null })]));
    expect((await offersOf(approvedCase)).find((o) => o.code === big.code)).toMatchObject({ approval: 'pending', approved: false });
    await resolve(approvedCase, big.code).expect(409);
    const waiting = await api.http().get(`/api/hidden-churn/cases/${approvedCase}`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(waiting.body.status).toBe('contacted');

    expect((await decide(asked.body.id, 'approved').expect(200)).body).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    await decide(asked.body.id, 'rejected').expect(409);
    expect((await offersOf(approvedCase)).find((o) => o.code === big.code)).toMatchObject({ approval: 'approved', approved: true });
    const returned = await resolve(approvedCase, big.code).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', offerCode: big.code, reasonCode: reason });
    expect(returned.body.events.map((e: { action: string }) => e.action)).toEqual(['approval_requested', 'approval_approved', 'resolve']);
    // A closed case asks for nothing more.
    await ask(approvedCase, big.code).expect(409);

    const rejectedCase = await caseFor('approval_refused');
    const second = await ask(rejectedCase, big.code).expect(201);
    expect((await decide(second.body.id, 'rejected').expect(200)).body.status).toBe('rejected');
    expect((await offersOf(rejectedCase)).find((o) => o.code === big.code)).toMatchObject({ approval: 'rejected', approved: false });
    expect((await resolve(rejectedCase, big.code).expect(409)).body.error).toBe('approval_required');
    const detail = await api.http().get(`/api/hidden-churn/cases/${rejectedCase}`).set('Authorization', `Bearer ${operator}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'contacted' });
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual(['approval_requested', 'approval_rejected']);
    // Only the operator the case is assigned to asks for it.
    await api.http().post(`/api/hidden-churn/cases/${rejectedCase}/approvals`).set('Authorization', `Bearer ${manager}`).send({ offerCode: big.code }).expect(403);
    const badOffer = await ask(rejectedCase, 'BAD CODE').expect(400);
    expect(badOffer.body.fields[0].field).toBe('offerCode');
    // Lost after all: closes without the offer.
    await api.http().post(`/api/hidden-churn/cases/${rejectedCase}/resolve`).set('Authorization', `Bearer ${operator}`).send({ outcome: 'lost', reasonCode: reason }).expect(200);
  });

  it('announces each case a scan opens to the webhooks: one case.opened event per opened case, none again for an open one', async () => {
    const received: { type: string; data: Record<string, unknown> }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cases-${process.pid}`;
    const admin = await api.token('admin');
    const endpoint = (await api.http().post('/api/webhooks/endpoints').set('Authorization', `Bearer ${admin}`)
      .send({ url, description: 'hidden churn cases', eventTypes: ['case.opened'], active: true }).expect(201)).body;
    try {
      const subscriberId = await plant('webhook', { payments: monthly(60), balance: -400 });
      const account = `${tag}-webhook`;
      const first = await scan();
      const opened = (first.body['counts'] as { opened: number }).opened;
      expect(opened).toBeGreaterThan(0);
      const [theCase] = await casesOf(subscriberId);

      // Set-based and exact: the scan's events are its opened cases, one each.
      const { rows: events } = await api.pool.query(
        `SELECT e.id, e.payload, (SELECT count(*)::int FROM webhook_delivery d WHERE d.event_id = e.id AND d.endpoint_id = $2) AS deliveries
           FROM outbox_event e WHERE e.type = 'case.opened' AND e.payload->>'scanId' = $1`,
        [first.id, endpoint.id],
      );
      expect(events).toHaveLength(opened);
      expect(new Set(events.map((e) => e.payload.caseId)).size).toBe(opened);
      expect(events.every((e) => e.deliveries === 1)).toBe(true);
      const mine = events.filter((e) => e.payload.accountNumber === account);
      expect(mine).toHaveLength(1);
      expect(mine[0].payload).toMatchObject({
        caseId: theCase.id, region: 'centre', services: ['internet'], signals: expect.arrayContaining(['no_payment']),
        riskScore: theCase.risk_score, revenueAtStake: theCase.revenue, scanId: first.id,
      });

      // Delivered to the endpoint, as every webhook event is.
      const got = await until(async () => received.filter((r) => r.data['accountNumber'] === account), (r) => r.length > 0, 30_000);
      expect(got).toEqual([{ id: mine[0].id, type: 'case.opened', occurredAt: expect.any(String), data: mine[0].payload }]);

      // The next scan updates the open case: no second event for it.
      await scan();
      const again = await api.pool.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'case.opened' AND payload->>'accountNumber' = $1`, [account]);
      expect(again.rows[0].n).toBe(1);
    } finally {
      await api.pool.query(`UPDATE webhook_endpoint SET active = false WHERE id = $1`, [endpoint.id]);
      await new Promise((r) => server.close(r));
    }
  });

  it('records when a scan finished, not when its transaction began: the time it took shows', async () => {
    const subscriberId = await plant('timed', { payments: monthly(60), balance: -400 });
    await scan();
    const [open] = await casesOf(subscriberId);
    expect(open).toBeDefined();
    // Another connection holds the case's row, so the scan's upsert waits inside its transaction until it lets go.
    const holder = await api.pool.connect();
    let id: string | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM hidden_churn_case WHERE id = $1 FOR UPDATE', [open.id]);
      const started = await api.http().post('/api/hidden-churn/scans').set('Authorization', `Bearer ${manager}`).send({});
      expect(started.status).toBe(202);
      id = started.body.id as string;
      const waiting = await until(
        async () => (await api.pool.query(`SELECT stage FROM hidden_churn_scan WHERE id = $1`, [id])).rows[0]?.stage,
        (stage) => stage === 'cases',
      );
      expect(waiting).toBe('cases');
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    const done = await until(
      () => api.http().get(`/api/hidden-churn/scans/${id}`).set('Authorization', `Bearer ${manager}`),
      (r) => ['completed', 'failed'].includes(r.body.status),
    );
    expect(done.body.status).toBe('completed');
    expect(Date.parse(done.body.finishedAt) - Date.parse(done.body.startedAt)).toBeGreaterThanOrEqual(1500);
  });

  it('finishes a scan a stopped process left running in the next process that starts, with one set of cases', async () => {
    const subscriberId = await plant('restart', { payments: monthly(70), balance: -500 });
    const managerId = (await api.pool.query(`SELECT id FROM app_user WHERE username = 'manager'`)).rows[0].id;
    // What a process stopped in the middle of a scan leaves: the scan claimed (running), its transaction rolled back
    // with the scan lock released, nothing of it written. One queued or running scan at a time: wait for others.
    let scanId: string | undefined;
    await until(async () => {
      const r = await api.pool.query(
        `INSERT INTO hidden_churn_scan (status, trigger, requested_by, started_at, stage, progress)
         VALUES ('running', 'manual', $1, app_now() - interval '2 minutes', 'cases', 70)
         ON CONFLICT ((true)) WHERE status IN ('queued','running') DO NOTHING RETURNING id`,
        [managerId],
      );
      scanId = r.rows[0]?.id;
      return scanId;
    }, (id) => !!id);
    expect(scanId).toBeDefined();
    expect(await casesOf(subscriberId)).toEqual([]);

    const next = await startApi(FAST);
    try {
      const done = await until(
        () => next.http().get(`/api/hidden-churn/scans/${scanId}`).set('Authorization', `Bearer ${manager}`),
        (r) => ['completed', 'failed'].includes(r.body.status),
      );
      expect(done.body).toMatchObject({ status: 'completed', progress: 100, counts: { opened: expect.any(Number) } });
      const cases = await casesOf(subscriberId);
      expect(cases).toHaveLength(1);
      expect((await api.pool.query(`SELECT first_scan_id FROM hidden_churn_case WHERE id = $1`, [cases[0].id])).rows[0].first_scan_id).toBe(scanId);
      const events = await api.pool.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'case.opened' AND payload->>'accountNumber' = $1`, [`${tag}-restart`]);
      expect(events.rows[0].n).toBe(1);
      // Nothing left running, and running the recovery again finds nothing to do.
      expect(await next.app.get(HiddenChurnService).recoverOrphanedScans()).not.toContain(scanId);
    } finally {
      await next.close();
    }
  });
});
