import { appClock, freshSubscribers, startApi, TestApi } from '@retention/test-support';

describe('disconnect requests', () => {
  let api: TestApi;
  let op1: string;
  let op2: string;
  let manager: string;
  let executive: string;

  beforeAll(async () => {
    api = await startApi();
    op1 = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
    executive = `Bearer ${await api.token('executive')}`;
    // A second operator, and nineteen more for the race.
    const admin = `Bearer ${await api.token('admin')}`;
    for (let i = 1; i <= 20; i++) {
      await api.http().post('/api/users').set('Authorization', admin)
        .send({ username: `desk${i}`, password: `desk-pass-${i}`, role: 'operator', displayName: `Desk ${i}` });
    }
    op2 = `Bearer ${(await api.http().post('/api/auth/login').send({ username: 'desk1', password: 'desk-pass-1' })).body.accessToken}`;
  });
  afterAll(() => api.close());

  const create = (auth: string, body: object, key?: string) => {
    const req = api.http().post('/api/disconnect-requests').set('Authorization', auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('searches the queue as subscriber search does: a name in either order and script, a phone in any format, an account from its start', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const tag = String(process.pid).padStart(7, '0').slice(-7);
    const { rows: [before] } = await api.pool.query(`SELECT full_name, phone FROM subscriber WHERE id = $1`, [s.id]);
    await api.pool.query(`UPDATE subscriber SET full_name = 'Zoriana Kvitchenko', phone = $2 WHERE id = $1`, [s.id, `+38 (067) ${tag}`]);
    try {
      const created = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Moving abroad' }).expect(201);
      const found = async (search: string) => {
        const res = await api.http().get(`/api/disconnect-requests?status=new&limit=200&search=${encodeURIComponent(search)}`).set('Authorization', op1).expect(200);
        return (res.body.items as { id: string }[]).map((i) => i.id);
      };
      for (const search of ['Квітченко Зоряна', 'kvitchenko', `067 ${tag.slice(0, 3)}-${tag.slice(3)}`, s.accountNumber, s.accountNumber.slice(0, -1)]) {
        expect({ search, found: await found(search) }).toEqual({ search, found: expect.arrayContaining([created.body.id]) });
      }
      expect(await found('Kvitchenkova')).not.toContain(created.body.id);
    } finally {
      await api.pool.query(`UPDATE subscriber SET full_name = $2, phone = $3 WHERE id = $1`, [s.id, before.full_name, before.phone]);
    }
  });

  it('goes through the whole lifecycle: create, claim, resolve as a save with an offer, audited', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const created = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Too expensive since the price went up' }).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), status: 'new', allServices: true, actions: ['claim'] });
    expect([...created.body.services].sort()).toEqual(s.services);
    expect(created.body.mrrAtRisk).toBeCloseTo(s.monthlyRevenue, 2);
    // The create answers from its insert, not by reading the request back: the same request as reading it shows.
    const read = await api.http().get(`/api/disconnect-requests/${created.body.id}`).set('Authorization', op1).expect(200);
    expect(created.body).toEqual(read.body);
    expect(created.body.events).toEqual([expect.objectContaining({ action: 'create', from: null, to: 'new', actor: expect.any(String) })]);

    const claimed = await api.http().post(`/api/disconnect-requests/${created.body.id}/claim`).set('Authorization', op1).expect(200);
    expect(claimed.body).toMatchObject({ status: 'in_progress', assignee: 'operator', actions: ['release', 'postpone', 'resolve'] });

    const offers = await api.http().get(`/api/disconnect-requests/${created.body.id}/offers?reasonCode=price_increase`).set('Authorization', op1).expect(200);
    const chosen = offers.body.find((o: { eligible: boolean; needsApproval: boolean }) => o.eligible && !o.needsApproval);
    expect(chosen).toBeDefined();

    const resolved = await api.http().post(`/api/disconnect-requests/${created.body.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'retained_with_offer', reasonCode: 'price_increase', offerCode: chosen.code }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', outcome: 'retained_with_offer', reasonCode: 'price_increase', offerCode: chosen.code, saveState: 'pending', actions: [] });
    expect(resolved.body.offerCost).toBeCloseTo(chosen.cost, 2);
    expect(resolved.body.reasonVersion).toBeGreaterThanOrEqual(1);
    expect(resolved.body.statedReason).toBe('Too expensive since the price went up');
    expect(resolved.body.events.map((e: { action: string; from: string | null; to: string }) => `${e.action}:${e.from}->${e.to}`)).toEqual([
      'create:null->new',
      'claim:new->in_progress',
      'resolve:in_progress->resolved',
    ]);
    expect(resolved.body.events[2].actor).toEqual(expect.any(String));

    // A resolved request does not move again.
    const again = await api.http().post(`/api/disconnect-requests/${created.body.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'disconnected', reasonCode: 'price_increase' }).expect(409);
    expect(again.body.message).toMatch(/already resolved/);
  });

  it('a disconnection ends the services and the subscriber, with the competitor recorded', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: competitors } = await api.http().get('/api/competitors').set('Authorization', op1);
    const { body: reasons } = await api.http().get('/api/churn-reasons').set('Authorization', op1);
    const competitorReason = reasons.find((r: { impliesCompetitor: boolean }) => r.impliesCompetitor);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'office' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const done = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'disconnected', reasonCode: competitorReason.code, competitorId: competitors[0].id }).expect(200);
    expect(done.body.competitorId).toBe(competitors[0].id);
    expect(done.body.mrrLost).toBeCloseTo(s.monthlyRevenue, 2);
    const sub = await api.pool.query(`SELECT status, disconnect_kind FROM subscriber WHERE id = $1`, [s.id]);
    expect(sub.rows[0]).toEqual({ status: 'disconnected', disconnect_kind: 'voluntary' });
    // And a new request for a disconnected subscriber is refused.
    await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(409);
  });

  it('keeps the stated reason as the operator refined it, with the original words in the audit trail', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'too expensive' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const refined = 'FastNet offers 500 Mbit for less than we charge';
    const tooLong = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'retained', reasonCode: 'competitor_cheaper', statedReason: 'x'.repeat(2001) }).expect(400);
    expect(tooLong.body.fields.map((f: { field: string }) => f.field)).toEqual(['statedReason']);
    const done = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'retained', reasonCode: 'competitor_cheaper', statedReason: `  ${refined} `, note: 'kept on the current tariff' }).expect(200);
    expect(done.body).toMatchObject({ statedReason: refined, note: 'kept on the current tariff' });
    const resolveEvent = done.body.events.find((e: { action: string }) => e.action === 'resolve');
    expect(resolveEvent.data.statedReason).toEqual({ from: 'too expensive', to: refined });
  });

  it('a partial retention ends only the dropped service', async () => {
    const [s] = await freshSubscribers(api.pool, 1, 2);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: s.services.slice(0, 2), channel: 'phone' }).expect(201);
    expect(req.allServices).toBe(s.services.length === 2);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const done = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'partially_retained', reasonCode: 'price_increase', keptServices: [s.services[0]] }).expect(200);
    expect(done.body.keptServices).toEqual([s.services[0]]);
    const active = await api.pool.query(
      `SELECT DISTINCT v.code FROM subscription x JOIN service v ON v.id = x.service_id
        WHERE x.subscriber_id = $1 AND (x.ended_on IS NULL OR x.ended_on > app_today()) ORDER BY 1`,
      [s.id],
    );
    expect(active.rows.map((r) => r.code)).toContain(s.services[0]);
    expect(active.rows.map((r) => r.code)).not.toContain(s.services[1]);
    const sub = await api.pool.query(`SELECT status FROM subscriber WHERE id = $1`, [s.id]);
    expect(sub.rows[0].status).toBe('active');
  });

  it('a second claim gets 409, and only the holder may resolve', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const second = await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op2).expect(409);
    expect(second.body).toMatchObject({ error: 'illegal_transition', message: expect.stringMatching(/already being handled/) });
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op2)
      .send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(409);
  });

  it('twenty operators claiming one request at once: exactly one wins', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'web' }).expect(201);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        (await api.http().post('/api/auth/login').send({ username: `desk${i + 1}`, password: `desk-pass-${i + 1}` })).body.accessToken,
      ),
    );
    const results = await Promise.all(tokens.map((t) => api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', `Bearer ${t}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body.assignee;
    const events = await api.pool.query(`SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND action = 'claim'`, [req.id]);
    expect(events.rows[0].n).toBe(1);
    const row = await api.pool.query(`SELECT u.username FROM disconnect_request d JOIN app_user u ON u.id = d.assignee_id WHERE d.id = $1`, [req.id]);
    expect(row.rows[0].username).toBe(winner);
  });

  it('the same Idempotency-Key twice gives one request, even when sent at once', async () => {
    const [a, b] = await freshSubscribers(api.pool, 2);
    const first = await create(op1, { accountNumber: a.accountNumber, services: [], channel: 'email' }, 'mail-gw-0001').expect(201);
    const retry = await create(op1, { accountNumber: a.accountNumber, services: [], channel: 'email' }, 'mail-gw-0001').expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const burst = await Promise.all(Array.from({ length: 6 }, () => create(op1, { accountNumber: b.accountNumber, services: [], channel: 'web' }, 'web-form-42')));
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(burst.every((r) => r.status === 201)).toBe(true);
    const count = await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE subscriber_id = $1`, [b.id]);
    expect(count.rows[0].n).toBe(1);
  });

  it('creates for one subscriber sent at once without a key: one request, every other one a 409 naming it', async () => {
    // Each create is one statement that locks the subscriber and reads its open requests after the lock: a create
    // that waited sees the request the one before it committed.
    const [s] = await freshSubscribers(api.pool, 1);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(i % 2 ? op1 : op2, { accountNumber: s.accountNumber, services: [], channel: 'phone' })),
    );
    const made = burst.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    for (const r of burst.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: 'open_request_exists' });
      expect(r.body.message).toContain(made[0].body.id);
    }
    const count = await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE subscriber_id = $1`, [s.id]);
    expect(count.rows[0].n).toBe(1);
  });

  it('an Idempotency-Key is the caller’s own and bound to the body: another user’s key is another key, another body is a 422', async () => {
    const [a, b, c] = await freshSubscribers(api.pool, 3);
    const bodyA = { accountNumber: a.accountNumber, services: [], channel: 'web', statedReason: 'Moving abroad' };
    const mine = await create(op1, bodyA, 'shared-key-7').expect(201);
    expect(mine.headers['idempotent-replayed']).toBeUndefined();

    // The same key and body from another user is that user's own new request, never a replay of mine.
    const theirsOnA = await create(op2, bodyA, 'shared-key-7').expect(409);
    expect(theirsOnA.body).toMatchObject({ error: 'open_request_exists' });
    expect(theirsOnA.headers['idempotent-replayed']).toBeUndefined();
    const theirs = await create(op2, { accountNumber: b.accountNumber, services: [], channel: 'web' }, 'shared-key-7').expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.accountNumber).toBe(b.accountNumber);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();

    // My retry with the same body (keys in another order) replays mine; another body under my key is refused.
    const retry = await create(op1, { statedReason: 'Moving abroad', channel: 'web', services: [], accountNumber: a.accountNumber }, 'shared-key-7').expect(201);
    expect(retry.body.id).toBe(mine.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    for (const other of [{ ...bodyA, statedReason: 'Too expensive' }, { ...bodyA, accountNumber: c.accountNumber }]) {
      const refused = await create(op1, other, 'shared-key-7').expect(422);
      expect(refused.body).toMatchObject({ statusCode: 422, error: 'idempotency_key_reused', fields: [{ field: 'Idempotency-Key' }], requestId: expect.any(String) });
    }
    const onC = await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE subscriber_id = $1`, [c.id]);
    expect(onC.rows[0].n).toBe(0);
    const stated = await api.pool.query(`SELECT stated_reason FROM disconnect_request WHERE id = $1`, [mine.body.id]);
    expect(stated.rows[0].stated_reason).toBe('Moving abroad');
  });

  it('one key sent at once with two different bodies: one request, the same body replays it, the other body gets 422', async () => {
    const [a, b] = await freshSubscribers(api.pool, 2);
    const bodies = [a, a, a, b, b].map((s) => ({ accountNumber: s.accountNumber, services: [], channel: 'email' }));
    const results = await Promise.all(bodies.map((body) => create(op1, body, 'gateway-race-1')));
    const won = results.filter((r) => r.status === 201);
    expect(new Set(won.map((r) => r.body.id)).size).toBe(1);
    const winner = won[0].body.accountNumber;
    // Every call with the winner's body got its request; every call with the other body was refused.
    results.forEach((r, i) => expect(r.status).toBe(bodies[i].accountNumber === winner ? 201 : 422));
    const rows = await api.pool.query(
      `SELECT count(*)::int AS n FROM disconnect_request d JOIN app_user u ON u.id = d.created_by WHERE u.username = 'operator' AND d.idempotency_key = 'gateway-race-1'`,
    );
    expect(rows.rows[0].n).toBe(1);
    const loser = winner === a.accountNumber ? b : a;
    const onLoser = await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE subscriber_id = $1`, [loser.id]);
    expect(onLoser.rows[0].n).toBe(0);
  });

  it('invalid bodies give 400 naming the field; an unknown account gives 404', async () => {
    const bad = await create(op1, { accountNumber: '', services: 'internet', channel: 'pigeon', extra: 1 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['accountNumber', 'channel', 'extra', 'services']);
    const unknown = await create(op1, { accountNumber: 'A0000000', services: [], channel: 'phone' }).expect(404);
    expect(unknown.body.error).toBe('not_found');
    const [s] = await freshSubscribers(api.pool, 1);
    const wrongService = await create(op1, { accountNumber: s.accountNumber, services: ['satellite'], channel: 'phone' }).expect(400);
    expect(wrongService.body.fields[0].field).toBe('services');
  });

  it('a resolution is checked: reason, offer, competitor and date', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const resolve = (body: object) => api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1).send(body);
    expect((await resolve({ outcome: 'retained', reasonCode: 'no_such_reason' }).expect(400)).body.fields[0].field).toBe('reasonCode');
    expect((await resolve({ outcome: 'retained_with_offer', reasonCode: 'price_increase' }).expect(400)).body.fields[0].field).toBe('offerCode');
    expect((await resolve({ outcome: 'disconnected', reasonCode: 'price_increase', effectiveDate: '2020-01-01' }).expect(400)).body.fields[0].field).toBe('effectiveDate');
    expect((await resolve({ outcome: 'sold', reasonCode: 'price_increase' }).expect(400)).body.fields[0].field).toBe('outcome');
    // Nothing was half-written: still in progress, no resolve event.
    const { body } = await api.http().get(`/api/disconnect-requests/${req.id}`).set('Authorization', op1).expect(200);
    expect(body.status).toBe('in_progress');
    expect(body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'claim']);
  });

  it('a disconnection on a future date keeps the subscriber connected until then', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const future = new Date(appClock().nowMs() + 14 * 86_400_000).toISOString().slice(0, 10);
    const done = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'disconnected', reasonCode: 'move_out_of_coverage', effectiveDate: future }).expect(200);
    expect(done.body.effectiveDate).toBe(future);
    const sub = await api.pool.query(`SELECT status, disconnected_on::text AS d FROM subscriber WHERE id = $1`, [s.id]);
    expect(sub.rows[0]).toEqual({ status: 'active', d: future });
  });

  it('postpones with a call-back that comes back to the same operator', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/postpone`).set('Authorization', op1).send({ callbackAt: '2001-01-01T10:00:00Z' }).expect(400);
    const callbackAt = new Date(appClock().nowMs() + 3_600_000).toISOString();
    const postponed = await api.http().post(`/api/disconnect-requests/${req.id}/postpone`).set('Authorization', op1).send({ callbackAt, note: 'Call after the husband is home' }).expect(200);
    expect(postponed.body).toMatchObject({ status: 'postponed', callbackAt, assignee: 'operator' });
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op2).expect(409);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
  });

  it('puts call-backs due now on top of the queue, then the oldest new requests, with SLA breaches', async () => {
    const [a, b] = await freshSubscribers(api.pool, 2);
    const { body: due } = await create(op1, { accountNumber: a.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${due.id}/claim`).set('Authorization', op1).expect(200);
    await api.http().post(`/api/disconnect-requests/${due.id}/postpone`).set('Authorization', op1)
      .send({ callbackAt: new Date(appClock().nowMs() + 60_000).toISOString() }).expect(200);
    await api.pool.query(`UPDATE disconnect_request SET callback_at = app_now() - interval '5 minutes' WHERE id = $1`, [due.id]);
    const { body: old } = await create(op1, { accountNumber: b.accountNumber, services: [], channel: 'web' }).expect(201);
    await api.pool.query(`UPDATE disconnect_request SET created_at = app_now() - interval '3 hours' WHERE id = $1`, [old.id]);

    const queue = await api.http().get('/api/disconnect-requests?status=new,postponed,in_progress').set('Authorization', op1).expect(200);
    // Call-backs due to me lead the queue (the demo data may hold more of them), before anything new.
    const dueFirst = queue.body.items.findIndex((i: { callbackDue: boolean }) => !i.callbackDue);
    expect(queue.body.items[0].callbackDue).toBe(true);
    expect(queue.body.items.slice(0, dueFirst).map((i: { id: string }) => i.id)).toContain(due.id);
    const oldItem = queue.body.items.find((i: { id: string }) => i.id === old.id);
    expect(oldItem).toMatchObject({ slaBreached: true });
    expect(oldItem.waitingMinutes).toBeGreaterThanOrEqual(180);
    const news = queue.body.items.filter((i: { status: string }) => i.status === 'new');
    const created = news.map((i: { createdAt: string }) => i.createdAt);
    expect(created).toEqual([...created].sort());
  });

  it('marks a request from a subscriber connected under 6 months ago as new-subscriber churn', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await api.pool.query(`UPDATE subscriber SET connected_on = app_today() - 40 WHERE id = $1`, [s.id]);
    const { body } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    expect(body.isNewSubscriber).toBe(true);
  });

  it('a discount above the operator limit needs a manager approval first', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await api.pool.query(`UPDATE subscriber SET connected_on = app_today() - 800 WHERE id = $1`, [s.id]);
    // 45% is above every operator tier, whatever the subscriber's lifetime value.
    await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 45 }).expect(200);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
    const offers = await api.http().get(`/api/disconnect-requests/${req.id}/offers?reasonCode=price_increase`).set('Authorization', op1).expect(200);
    const big = offers.body.find((o: { code: string; needsApproval: boolean; eligible: boolean }) => o.code === 'discount_20_3m' && o.needsApproval && o.eligible);
    if (!big) throw new Error(`No offer needing approval for ${JSON.stringify(offers.body.map((o: { code: string }) => o.code))}`);
    const resolve = () => api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'retained_with_offer', reasonCode: 'price_increase', offerCode: big.code });
    expect((await resolve().expect(409)).body.error).toBe('approval_required');
    const approvalOf = async () => {
      const { body } = await api.http().get(`/api/disconnect-requests/${req.id}/offers?reasonCode=price_increase`).set('Authorization', op1).expect(200);
      const o = body.find((x: { code: string }) => x.code === big.code);
      return { approval: o.approval, approved: o.approved };
    };
    expect(await approvalOf()).toEqual({ approval: null, approved: false });
    // Asked, declined, asked again: the desk sees each state after a reload.
    const first = await api.http().post(`/api/disconnect-requests/${req.id}/approvals`).set('Authorization', op1).send({ offerCode: big.code }).expect(201);
    expect(await approvalOf()).toEqual({ approval: 'pending', approved: false });
    await api.http().post(`/api/approvals/${first.body.id}/decision`).set('Authorization', manager).send({ decision: 'rejected' }).expect(200);
    expect(await approvalOf()).toEqual({ approval: 'rejected', approved: false });
    const approval = await api.http().post(`/api/disconnect-requests/${req.id}/approvals`).set('Authorization', op1).send({ offerCode: big.code }).expect(201);
    expect(await approvalOf()).toEqual({ approval: 'pending', approved: false });
    await api.http().post(`/api/approvals/${approval.body.id}/decision`).set('Authorization', op1).send({ decision: 'approved' }).expect(403);
    await api.http().post(`/api/approvals/${approval.body.id}/decision`).set('Authorization', manager).send({ decision: 'approved' }).expect(200);
    expect(await approvalOf()).toEqual({ approval: 'approved', approved: true });
    await api.http().post(`/api/approvals/${approval.body.id}/decision`).set('Authorization', manager).send({ decision: 'rejected' }).expect(409);
    await resolve().expect(200);
    await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 20 }).expect(200);
  });

  it('ten asks at once for a manager’s approval of the same offer create one pending approval', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await api.pool.query(`UPDATE subscriber SET connected_on = app_today() - 800 WHERE id = $1`, [s.id]);
    await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 45 }).expect(200);
    try {
      const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op1).expect(200);
      const ask = () => api.http().post(`/api/disconnect-requests/${req.id}/approvals`).set('Authorization', op1).send({ offerCode: 'discount_20_3m' });
      const count = async (sql: string) => (await api.pool.query(sql, [req.id])).rows[0].n as number;
      const pending = `SELECT count(*)::int AS n FROM offer_approval WHERE request_id = $1 AND offer_code = 'discount_20_3m' AND status = 'pending'`;
      const asked = `SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND action = 'approval_requested'`;

      const burst = await Promise.all(Array.from({ length: 10 }, ask));
      expect(burst.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
      expect(await count(pending)).toBe(1);
      expect(await count(asked)).toBe(1);
      const pendingList = await api.http().get('/api/approvals?status=pending').set('Authorization', manager).expect(200);
      expect(pendingList.body.filter((x: { requestId: string }) => x.requestId === req.id)).toHaveLength(1);

      // Declined, then asked again by ten at once: one new pending approval beside the declined one.
      await api.http().post(`/api/approvals/${burst[0].body.id}/decision`).set('Authorization', manager).send({ decision: 'rejected' }).expect(200);
      const again = await Promise.all(Array.from({ length: 10 }, ask));
      expect(new Set(again.map((r) => r.body.id)).size).toBe(1);
      expect(again[0].body.id).not.toBe(burst[0].body.id);
      expect(await count(pending)).toBe(1);
      expect(await count(asked)).toBe(2);
      // Granted: asking again returns the granted approval, it does not open another.
      await api.http().post(`/api/approvals/${again[0].body.id}/decision`).set('Authorization', manager).send({ decision: 'approved' }).expect(200);
      const afterGrant = await ask().expect(201);
      expect(afterGrant.body).toMatchObject({ id: again[0].body.id, status: 'approved' });
      expect(await count(`SELECT count(*)::int AS n FROM offer_approval WHERE request_id = $1`)).toBe(2);
    } finally {
      await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 20 }).expect(200);
    }
  });

  it('an executive reads requests but cannot claim or resolve', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().get(`/api/disconnect-requests/${req.id}`).set('Authorization', executive).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', executive).expect(403);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', executive).send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(403);
    await create(executive, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(403);
  });

  it('shows our tariffs beside the competitor’s in the subscriber’s region', async () => {
    // A subscriber one of whose services a competitor sells in their region (not every one has such a rival).
    let s: Awaited<ReturnType<typeof freshSubscribers>>[number] | undefined;
    let rows: { competitor_id: string }[] = [];
    for (const candidate of await freshSubscribers(api.pool, 10)) {
      ({ rows } = await api.pool.query(
        `SELECT ct.competitor_id FROM competitor_tariff ct JOIN service v ON v.id = ct.service_id JOIN subscriber sub ON sub.region_id = ct.region_id
          WHERE sub.id = $1 AND v.code = ANY($2) ORDER BY ct.competitor_id LIMIT 1`,
        [candidate.id, candidate.services],
      ));
      if (rows.length) {
        s = candidate;
        break;
      }
    }
    if (!s) throw new Error('No fresh subscriber has a competitor selling one of their services in their region');
    const { body: req } = await create(op1, { accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    const p = await api.http().get(`/api/disconnect-requests/${req.id}/presentation?competitorId=${rows[0].competitor_id}`).set('Authorization', op1).expect(200);
    expect(p.body.competitor.id).toBe(rows[0].competitor_id);
    const withTheirs = p.body.rows.filter((r: { theirs: unknown[] }) => r.theirs.length > 0);
    expect(withTheirs.length).toBeGreaterThan(0);
    expect(withTheirs[0].ours.length).toBeGreaterThan(0);
  });
});
