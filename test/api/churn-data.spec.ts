import { isSaveSql, saveStateSql, sourceDays, subscriptionEndKindSql, tenureRatingSql } from '@retention/api-churn-data';
import {
  addDays, churnedServices, churnKind, endingCounts, isSave, lifetimeRating, REQUEST_OUTCOMES, type RequestKind, type RequestOutcome, SAVE_CONFIRMATION_DAYS, saveState,
  SUBSCRIPTION_END_REASONS, tenureMonths,
} from '@retention/domain';
import { appClock, freshSubscribers, startApi, TestApi } from '@retention/test-support';

/**
 * Churn data's outcome rules: each is stated once in the domain, and the SQL that plans and reports
 * count with is checked against it in PostgreSQL; then the rules through HTTP: a kept service is not
 * churn, a manager's decision on an approval is audited, a save is confirmed on its 30th day.
 */
describe('churn data', () => {
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

  const today = () => appClock().today();
  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => (await api.pool.query(text, params)).rows;

  async function claimed(accountNumber: string, services: string[]) {
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber, services, channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    return req.id as string;
  }
  const resolve = async (id: string, body: Record<string, unknown>) =>
    (await api.http().post(`/api/disconnect-requests/${id}/resolve`).set('Authorization', op).send(body).expect(200)).body;

  describe('the SQL of each outcome rule agrees with the domain', () => {
    it('the save state: confirmed on the 30th day after the save, lost when the subscriber leaves before it', async () => {
      const resolvedOn = '2026-10-01';
      const cases: { asOf: string; leftOn: string | null }[] = [];
      for (let a = 25; a <= 35; a++) {
        const asOf = addDays(resolvedOn, a);
        cases.push({ asOf, leftOn: null });
        for (let l = 0; l <= 36; l += 1) cases.push({ asOf, leftOn: addDays(resolvedOn, l) });
      }
      const rows = await sql<{ state: string }>(
        `SELECT ${saveStateSql('$1::date', 'c.left_on', String(SAVE_CONFIRMATION_DAYS), 'c.as_of')} AS state
           FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS c(as_of, left_on, i) ORDER BY c.i`,
        [resolvedOn, cases.map((c) => c.asOf), cases.map((c) => c.leftOn)],
      );
      expect(rows.map((r) => r.state)).toEqual(cases.map((c) => saveState(resolvedOn, c.asOf, c.leftOn)));
      // The boundary, counted by hand: day 29 is pending, day 30 confirmed; leaving on day 29 loses the save, on day 30 not.
      expect(saveState(resolvedOn, '2026-10-30', null)).toBe('pending');
      expect(saveState(resolvedOn, '2026-10-31', null)).toBe('confirmed');
      expect(saveState(resolvedOn, '2026-11-05', '2026-10-30')).toBe('lost');
      expect(saveState(resolvedOn, '2026-11-05', '2026-10-31')).toBe('confirmed');
    });

    it('a save: the outcomes the domain counts as saves, in SQL too', async () => {
      const rows = await sql<{ saved: boolean }>(
        `SELECT ${isSaveSql('o.outcome')} AS saved FROM unnest($1::text[]) WITH ORDINALITY AS o(outcome, i) ORDER BY o.i`, [[...REQUEST_OUTCOMES]]);
      expect(rows.map((r) => r.saved)).toEqual(REQUEST_OUTCOMES.map(isSave));
      // By hand: retained and retained with an offer are saves; a partial retention is churn.
      expect(REQUEST_OUTCOMES.filter(isSave)).toEqual(['retained', 'retained_with_offer']);
    });

    it('how a subscription’s ending counts', async () => {
      const rows = await sql<{ counts: string }>(
        `SELECT ${subscriptionEndKindSql('r.reason')} AS counts FROM unnest($1::text[]) WITH ORDINALITY AS r(reason, i) ORDER BY r.i`,
        [[...SUBSCRIPTION_END_REASONS]],
      );
      expect(rows.map((r) => r.counts)).toEqual(SUBSCRIPTION_END_REASONS.map(endingCounts));
    });

    it('the tenure band: the lifetime rating of the whole months since connection, month ends included', async () => {
      const asOf = ['2026-03-01', '2026-02-28', '2026-08-31', '2026-07-15'];
      const connected = ['2024-08-31', '2024-09-01', '2025-02-28', '2025-02-01', '2025-08-31', '2025-09-01', '2025-06-15', '2025-01-15', '2025-12-31', '2026-02-01'];
      const cases = asOf.flatMap((a) => connected.filter((c) => c <= a).map((c) => ({ a, c })));
      const rows = await sql<{ rating: string }>(
        `SELECT ${tenureRatingSql('c.connected', 'c.as_of')} AS rating FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS c(connected, as_of, i) ORDER BY c.i`,
        [cases.map((x) => x.c), cases.map((x) => x.a)],
      );
      expect(rows.map((r) => r.rating)).toEqual(cases.map((x) => lifetimeRating(tenureMonths(x.c, x.a))));
    });

    it('churn facts, kept by the database whoever writes, are the domain’s churned services with the domain’s kind of ending', async () => {
      const subs = await freshSubscribers(api.pool, 8, 2);
      const ids: string[] = [];
      for (const s of subs) {
        const { body } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
          .send({ accountNumber: s.accountNumber, services: s.services, channel: 'phone' }).expect(201);
        ids.push(body.id);
      }
      const [{ version }] = await sql<{ version: number }>(`SELECT max(version_id) AS version FROM churn_reason WHERE code = 'duplicate_account'`);
      const groups = Object.fromEntries((await sql<{ code: string; reason_group: string }>(
        `SELECT code, reason_group FROM churn_reason WHERE version_id = $1`, [version])).map((r) => [r.code, r.reason_group]));
      const reasons = ['price_increase', 'duplicate_account', 'other_unknown', 'competitor_cheaper'];
      type Case = { outcome: RequestOutcome; kind: RequestKind; reason: string; kept: string[] | null };
      /** Resolves every request at once, straight in the table (one statement, as an import or a correction writes). */
      async function write(cases: Case[]) {
        await api.pool.query(
          `UPDATE disconnect_request d SET status = 'resolved', outcome = c.outcome, kind = c.kind, reason_code = c.reason, reason_version_id = $2,
                  kept_services = CASE WHEN c.kept = '' THEN NULL ELSE string_to_array(c.kept, ',') END,
                  destination = CASE WHEN c.outcome IN ('disconnected', 'partially_retained') THEN 'unknown' END, resolved_at = app_now()
             FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(id, outcome, kind, reason, kept)
            WHERE d.id = c.id`,
          [ids, version, cases.map((c) => c.outcome), cases.map((c) => c.kind), cases.map((c) => c.reason), cases.map((c) => (c.kept ?? []).join(','))],
        );
      }
      const facts = async () => (await sql<{ request_id: string; service: string; kind: string }>(
        `SELECT request_id, service, kind FROM churn_fact WHERE request_id = ANY($1) ORDER BY request_id, service`, [ids]));
      const expected = (cases: Case[]) => cases
        .flatMap((c, i) => churnedServices(c.outcome, subs[i].services, c.kept)
          .map((service) => ({ request_id: ids[i], service, kind: churnKind(c.kind, groups[c.reason]) })))
        .sort((a, b) => (a.request_id + a.service < b.request_id + b.service ? -1 : 1));

      const first: Case[] = subs.map((s, i) => ({
        outcome: REQUEST_OUTCOMES[i % REQUEST_OUTCOMES.length],
        kind: i % 3 === 0 ? 'non_payment' : 'voluntary',
        reason: reasons[i % reasons.length],
        kept: REQUEST_OUTCOMES[i % REQUEST_OUTCOMES.length] === 'partially_retained' ? [s.services[0]] : null,
      }));
      await write(first);
      // Counted by hand: the disconnections (requests 4 and 8) lose every service, the partial retentions (3 and 7) all but the first; saves lose none.
      expect(new Set((await facts()).map((f) => f.request_id))).toEqual(new Set([ids[2], ids[3], ids[6], ids[7]]));
      expect(await facts()).toEqual(expected(first));

      // A correction: each request gets another outcome, kind and reason; the facts follow in the same statement.
      const second: Case[] = first.map((_, i) => {
        const outcome = REQUEST_OUTCOMES[(i + 1) % REQUEST_OUTCOMES.length];
        return { outcome, kind: i === 1 ? 'voluntary' : 'non_payment', reason: reasons[(i + 3) % reasons.length],
          kept: outcome === 'partially_retained' ? [subs[i].services[subs[i].services.length - 1]] : null };
      });
      await write(second);
      expect(await facts()).toEqual(expected(second));
      expect(new Set((await facts()).map((f) => f.kind))).toEqual(new Set(['voluntary', 'non_payment', 'technical']));

      // Reopened, a request has no churn facts; a deleted one neither.
      await api.pool.query(`UPDATE disconnect_request SET status = 'in_progress', outcome = NULL WHERE id = ANY($1)`, [ids.slice(0, 4)]);
      await api.pool.query(`DELETE FROM disconnect_request WHERE id = ANY($1)`, [ids.slice(4, 6)]);
      expect(await facts()).toEqual(expected(second).filter((f) => ids.indexOf(f.request_id) >= 6));
    });
  });

  it('a kept service is not churn: only the services a partial retention lets go are churn facts, drilled and lost', async () => {
    const [s] = await freshSubscribers(api.pool, 1, 2);
    const [kept, ...gone] = s.services;
    const fees = Object.fromEntries(
      (await sql<{ code: string; fee: number }>(
        `SELECT v.code, x.monthly_fee::float8 AS fee FROM subscription x JOIN service v ON v.id = x.service_id
          WHERE x.subscriber_id = $1 AND x.ended_on IS NULL`, [s.id])).map((r) => [r.code, r.fee]),
    );
    const id = await claimed(s.accountNumber, s.services);
    await resolve(id, { outcome: 'partially_retained', reasonCode: 'price_increase', keptServices: [kept] });

    const facts = await sql<{ service: string }>(`SELECT service FROM churn_fact WHERE request_id = $1 ORDER BY service`, [id]);
    expect(facts.map((f) => f.service)).toEqual([...gone].sort());
    const month = today().slice(0, 7);
    const drill = (await api.http().get(`/api/reports/drill?from=${month}&to=${month}&limit=1000`).set('Authorization', executive).expect(200)).body;
    const row = drill.items.find((r: { requestId: string }) => r.requestId === id);
    expect(row.services).toEqual([...gone].sort());
    expect(row.monthlyRevenueLost).toBeCloseTo(gone.reduce((sum, g) => sum + fees[g], 0), 2);
    // The kept service runs on and the subscriber stays.
    const running = await sql<{ code: string }>(
      `SELECT v.code FROM subscription x JOIN service v ON v.id = x.service_id WHERE x.subscriber_id = $1 AND x.ended_on IS NULL`, [s.id]);
    expect(running.map((r) => r.code)).toContain(kept);
    const [sub] = await sql<{ status: string }>(`SELECT status FROM subscriber WHERE id = $1`, [s.id]);
    expect(sub.status).toBe('active');
  });

  it('a manager’s decision on an approval is audited with the manager and the offer, and a refused decision writes nothing', async () => {
    const [s] = await freshSubscribers(api.pool, 1);
    await api.pool.query(`UPDATE subscriber SET connected_on = app_today() - 800 WHERE id = $1`, [s.id]);
    await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 45 }).expect(200);
    try {
      const id = await claimed(s.accountNumber, []);
      const ask = async () => (await api.http().post(`/api/disconnect-requests/${id}/approvals`).set('Authorization', op).send({ offerCode: 'discount_20_3m' }).expect(201)).body.id;
      const decide = (approval: string, decision: string) =>
        api.http().post(`/api/approvals/${approval}/decision`).set('Authorization', manager).send({ decision });
      await decide(await ask(), 'rejected').expect(200);
      const granted = await ask();
      await decide(granted, 'approved').expect(200);
      await decide(granted, 'rejected').expect(409);

      const events = await sql<{ action: string; actor: string; offer: string }>(
        `SELECT e.action, u.username AS actor, e.data ->> 'offerCode' AS offer FROM request_event e JOIN app_user u ON u.id = e.actor_id
          WHERE e.request_id = $1 AND e.action LIKE 'approval%' ORDER BY e.at, e.id`, [id]);
      expect(events).toEqual([
        { action: 'approval_requested', actor: 'operator', offer: 'discount_20_3m' },
        { action: 'approval_rejected', actor: 'manager', offer: 'discount_20_3m' },
        { action: 'approval_requested', actor: 'operator', offer: 'discount_20_3m' },
        { action: 'approval_approved', actor: 'manager', offer: 'discount_20_3m' },
      ]);
    } finally {
      await api.http().put('/api/offers/discount_20_3m').set('Authorization', manager).send({ discountPercent: 20 }).expect(200);
    }
  });

  it('a save is pending for 29 days and confirmed on the 30th, through the save drill-down', async () => {
    const subs = await freshSubscribers(api.pool, 2);
    const ids: string[] = [];
    for (const [i, s] of subs.entries()) {
      const id = await claimed(s.accountNumber, []);
      await resolve(id, { outcome: 'retained', reasonCode: 'price_increase' });
      const days = [SAVE_CONFIRMATION_DAYS - 1, SAVE_CONFIRMATION_DAYS][i];
      await api.pool.query(`UPDATE disconnect_request SET resolved_at = (app_today() - $2::int) + time '12:00' WHERE id = $1`, [id, days]);
      ids.push(id);
    }
    const from = addDays(today(), -SAVE_CONFIRMATION_DAYS).slice(0, 7);
    const to = today().slice(0, 7);
    const { body } = await api.http().get(`/api/reports/drill/subscribers?figure=saves&from=${from}&to=${to}&limit=1000`).set('Authorization', executive).expect(200);
    const stateOf = (id: string) => body.items.find((r: { requestId: string }) => r.requestId === id)?.saveState;
    expect([stateOf(ids[0]), stateOf(ids[1])]).toEqual(['pending', 'confirmed']);
  });
});

describe('the part months the base and revenue read day by day (sourceDays)', () => {
  it('reads the fewer days: before the cut early in a month, after it late in one, and today’s month from tomorrow on', () => {
    // The key figures of this year to 16 November against last year's to the same day: last year's November cut on the
    // 16th reads its first 15 days (the 15 after count as many: the first side wins a tie); this year's reads from the
    // 16th on, after the report's latest date (none but a disconnection set for later).
    expect(sourceDays(['2025-01-01', '2025-11-16', '2026-01-01', '2026-11-16'])).toEqual([
      { month: '2025-11-01', at: '2025-11-16', from: '2025-11-01', to: '2025-11-16' },
      { month: '2026-11-01', at: '2026-11-01', from: '2026-11-16', to: '2026-12-01' },
    ]);
    // Late in the month, last year's November is read from its 26th to its end, its roll-up row at its first day.
    expect(sourceDays(['2025-01-01', '2025-11-26', '2026-01-01', '2026-11-26'])[0]).toEqual({ month: '2025-11-01', at: '2025-11-01', from: '2025-11-26', to: '2025-12-01' });
    // Two dates in one month: the days before the latest, or from the earliest on.
    expect(sourceDays(['2025-11-03', '2025-11-05', '2026-01-01'])).toEqual([{ month: '2025-11-01', at: '2025-11-05', from: '2025-11-01', to: '2025-11-05' }]);
    expect(sourceDays(['2025-11-25', '2025-11-28', '2026-01-01'])).toEqual([{ month: '2025-11-01', at: '2025-11-01', from: '2025-11-25', to: '2025-12-01' }]);
    // Whole months: nothing read day by day.
    expect(sourceDays(['2025-01-01', '2026-01-01'])).toEqual([]);
  });
});
