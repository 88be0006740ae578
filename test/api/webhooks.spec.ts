import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshSubscribers, startApi, TestApi, until } from '@retention/test-support';

/**
 * Outbound webhooks against a real HTTP receiver in this process: events written in the transaction of the
 * change (none for a change that failed), signed with the endpoint's secret (checked here with node:crypto,
 * not the server's code), a failing receiver retried with backoff until it answers 2xx, the delivery log,
 * and a replay that sends the same event id again.
 */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
}

/** Stripe's scheme, checked independently: `t=<s>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
function signatureValid(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  if (!parts['t'] || !parts['v1']) return false;
  const expected = createHmac('sha256', secret).update(`${parts['t']}.${body}`).digest();
  const given = Buffer.from(parts['v1'], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('outbound webhooks', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** Per path: how many calls answer 500 before the receiver answers 204. */
  const failFirst = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const path = req.url ?? '';
        received.push({ path, headers: req.headers, body, json: JSON.parse(body) });
        const left = failFirst.get(path) ?? 0;
        if (left > 0) {
          failFirst.set(path, left - 1);
          res.writeHead(500).end('not now');
        } else {
          res.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api = await startApi({ JOB_POLL_SECONDS: '0.5', WEBHOOK_RETRY_SECONDS: '1', WEBHOOK_RETRIES: '4' });
    admin = `Bearer ${await api.token('admin')}`;
    operator = `Bearer ${await api.token('operator')}`;
  });
  afterAll(async () => {
    await api.pool.query(`UPDATE webhook_endpoint SET active = false WHERE url LIKE $1`, [`${base}%`]);
    await api?.close();
    await new Promise((r) => server.close(r));
  });

  const addEndpoint = async (path: string, eventTypes: string[], active = true) =>
    (await api.http().post('/api/webhooks/endpoints').set('Authorization', admin)
      .send({ url: `${base}${path}`, description: path, eventTypes, active }).expect(201)).body;
  const deliveriesOf = async (endpointId: string) =>
    (await api.http().get(`/api/webhooks/deliveries?endpointId=${endpointId}`).set('Authorization', admin).expect(200)).body.items;

  it('delivers a request created and resolved with an offer, signed, with one event id per event', async () => {
    const endpoint = await addEndpoint(`/billing-${process.pid}`, ['request.created', 'request.resolved', 'offer.applied']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = (await api.http().get('/api/webhooks/endpoints').set('Authorization', admin).expect(200)).body;
    expect(listed.find((e: { id: string }) => e.id === endpoint.id)).toEqual(expect.not.objectContaining({ secret: expect.anything() }));
    const idle = await addEndpoint(`/idle-${process.pid}`, ['request.created'], false);

    const [s] = await freshSubscribers(api.pool, 1);
    const created = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${created.body.id}/claim`).set('Authorization', operator).expect(200);
    const offers = await api.http().get(`/api/disconnect-requests/${created.body.id}/offers?reasonCode=price_increase`).set('Authorization', operator).expect(200);
    const offer = offers.body.find((o: { eligible: boolean; needsApproval: boolean }) => o.eligible && !o.needsApproval);
    await api.http().post(`/api/disconnect-requests/${created.body.id}/resolve`).set('Authorization', operator)
      .send({ outcome: 'retained_with_offer', reasonCode: 'price_increase', offerCode: offer.code }).expect(200);

    const mine = () => received.filter((r) => r.path === `/billing-${process.pid}`);
    await until(mine, (r) => r.length >= 3, 30_000);
    const byType = Object.fromEntries(mine().map((r) => [r.json.type, r]));
    expect(Object.keys(byType).sort()).toEqual(['offer.applied', 'request.created', 'request.resolved']);
    expect(byType['request.created'].json.data).toMatchObject({ requestId: created.body.id, accountNumber: s.accountNumber, channel: 'phone' });
    expect(byType['request.resolved'].json.data).toMatchObject({ requestId: created.body.id, outcome: 'retained_with_offer', disconnectedServices: [], offerCode: offer.code });
    expect(byType['offer.applied'].json.data).toMatchObject({ requestId: created.body.id, offerCode: offer.code });
    for (const r of mine()) {
      expect(signatureValid(endpoint.secret, r.headers['retention-signature'] as string, r.body)).toBe(true);
      expect(signatureValid('whsec_wrong', r.headers['retention-signature'] as string, r.body)).toBe(false);
      expect(r.headers['retention-event-id']).toBe(r.json.id);
      expect(r.headers['retention-event-type']).toBe(r.json.type);
    }
    expect(new Set(mine().map((r) => r.json.id)).size).toBe(3);

    const log = await until(() => deliveriesOf(endpoint.id), (d) => d.length === 3 && d.every((x: { status: string }) => x.status === 'delivered'), 30_000);
    expect(log.map((d: { status: string; attempts: number; lastStatusCode: number }) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['delivered', 1, 204], ['delivered', 1, 204], ['delivered', 1, 204],
    ]);
    // The inactive endpoint got nothing.
    expect(await deliveriesOf(idle.id)).toEqual([]);
  });

  it('writes no event for a change that was refused', async () => {
    // Counted for these accounts only: other specs (and hidden-churn scans) write events at the same time.
    const [s] = await freshSubscribers(api.pool, 1);
    const accounts = ['NO-SUCH-ACCOUNT', s.accountNumber];
    const count = async () =>
      (await api.pool.query(`SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'accountNumber' = ANY ($1)`, [accounts])).rows[0].n;
    const before = await count();
    await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: 'NO-SUCH-ACCOUNT', services: [], channel: 'phone' }).expect(404);
    await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: ['no_such_service'], channel: 'phone' }).expect(400);
    expect(await count()).toBe(before);
  });

  it('retries a failing receiver with backoff until it answers, then replays the delivery with the same event id', async () => {
    const path = `/flaky-${process.pid}`;
    failFirst.set(path, 2);
    const endpoint = await addEndpoint(path, ['request.created']);
    const [s] = await freshSubscribers(api.pool, 1);
    await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'web' }).expect(201);

    const [delivery] = await until(() => deliveriesOf(endpoint.id), (d) => d[0]?.status === 'delivered', 45_000);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204, eventType: 'request.created' });
    const calls = received.filter((r) => r.path === path);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.json.id))).toEqual(new Set([delivery.eventId]));
    const attempts = (await api.pool.query(
      `SELECT status_code, error, at FROM webhook_attempt WHERE delivery_id = $1 ORDER BY at`, [delivery.id])).rows;
    expect(attempts.map((a) => a.status_code)).toEqual([500, 500, 204]);
    expect(attempts[0].error).toBe('HTTP 500');
    // Exponential backoff: the second wait is longer than the first (1–2 s, then 2–4 s).
    const gaps = [1, 2].map((i) => new Date(attempts[i].at).getTime() - new Date(attempts[i - 1].at).getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_900);

    const replayed = await api.http().post(`/api/webhooks/deliveries/${delivery.id}/replay`).set('Authorization', admin).expect(200);
    expect(replayed.body).toMatchObject({ id: delivery.id, status: 'pending', replays: 1 });
    await until(() => received.filter((r) => r.path === path), (r) => r.length >= 4, 30_000);
    const again = received.filter((r) => r.path === path);
    expect(again).toHaveLength(4);
    expect(again[3].json.id).toBe(delivery.eventId);
    expect(signatureValid(endpoint.secret, again[3].headers['retention-signature'] as string, again[3].body)).toBe(true);
    const [after] = await until(() => deliveriesOf(endpoint.id), (d) => d[0]?.status === 'delivered', 30_000);
    expect(after).toMatchObject({ status: 'delivered', attempts: 4, replays: 1 });
  });

  it('marks a delivery failed after its last retry, and a replay delivers it once the receiver is back', async () => {
    const path = `/down-${process.pid}`;
    failFirst.set(path, 5); // the first attempt and all four retries fail
    const endpoint = await addEndpoint(path, ['request.created']);
    const [s] = await freshSubscribers(api.pool, 1);
    await api.http().post('/api/disconnect-requests').set('Authorization', operator)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'email' }).expect(201);
    const [failed] = await until(() => deliveriesOf(endpoint.id), (d) => d[0]?.status === 'failed', 90_000);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5, lastStatusCode: 500, lastError: 'HTTP 500' });
    const failedOnly = (await api.http().get(`/api/webhooks/deliveries?status=failed&endpointId=${endpoint.id}`).set('Authorization', admin).expect(200)).body;
    expect(failedOnly.items.map((d: { id: string }) => d.id)).toEqual([failed.id]);

    await api.http().post(`/api/webhooks/deliveries/${failed.id}/replay`).set('Authorization', admin).expect(200);
    const [back] = await until(() => deliveriesOf(endpoint.id), (d) => d[0]?.status === 'delivered', 30_000);
    expect(back).toMatchObject({ status: 'delivered', attempts: 6, lastStatusCode: 204 });
  }, 120_000);

  it('refuses a bad endpoint naming the field, and answers 404 for an unknown delivery', async () => {
    const bad = await api.http().post('/api/webhooks/endpoints').set('Authorization', admin)
      .send({ url: 'ftp://billing.example.net/x', eventTypes: ['request.created'] }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['url']);
    const badType = await api.http().post('/api/webhooks/endpoints').set('Authorization', admin)
      .send({ url: 'https://billing.example.net/x', eventTypes: ['request.deleted'] }).expect(400);
    expect(badType.body.fields.map((f: { field: string }) => f.field)).toEqual(['eventTypes']);
    await api.http().post('/api/webhooks/deliveries/00000000-0000-4000-8000-000000000000/replay').set('Authorization', admin).expect(404);
    await api.http().get('/api/webhooks/deliveries').set('Authorization', operator).expect(403);
  });
});
