import { JobQueue, validateConfig } from '@retention/api-core';
import { eventually, freshSubscribers, startApi, TestApi } from '@retention/test-support';

const METRICS_TOKEN = 'metrics-test-token-0123456789';

/** One sample's value from Prometheus's text format, by metric name and its exact labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (have.length === want.length && want.every((l) => have.includes(l))) return Number(m[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ METRICS_TOKEN, JOB_POLL_SECONDS: '0.5' });
  });
  afterAll(() => api.close());

  const scrape = async () =>
    (await api.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200).expect('Content-Type', /^text\/plain/)).text;

  it('needs the metrics token: none, a wrong one or a user token is a 401 in the one error shape', async () => {
    for (const auth of [undefined, `Bearer ${METRICS_TOKEN}x`, `Bearer ${await api.token('admin')}`, METRICS_TOKEN]) {
      const req = api.http().get('/metrics');
      if (auth) req.set('Authorization', auth);
      const res = await req.expect(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN'), requestId: res.headers['x-request-id'] });
    }
    // Outside the /api prefix only.
    await api.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(404);
  });

  it('counts requests by route template (never the raw URL) and status, with a latency histogram', async () => {
    const token = await api.token('operator');
    const id = '00000000-0000-4000-8000-00000000abcd';
    const labels = { method: 'GET', route: '/api/subscribers/:id', status: '404' };
    const before = sample(await scrape(), 'http_requests_total', labels) ?? 0;
    await api.http().get(`/api/subscribers/${id}`).set('Authorization', `Bearer ${token}`).expect(404);
    await api.http().get(`/api/subscribers/${id.replace('abcd', 'abce')}`).set('Authorization', `Bearer ${token}`).expect(404);
    const text = await scrape();
    expect(sample(text, 'http_requests_total', labels)).toBe(before + 2);
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBe(before + 2);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(before + 2);
    expect(text).not.toContain(id);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/api/health', status: '200' })).toBeUndefined();
    await api.http().get('/api/health').expect(200);
    expect(sample(await scrape(), 'http_requests_total', { method: 'GET', route: '/api/health', status: '200' })).toBe(1);
  });

  it('counts refused sign-ins and shows the pool, the process and the request queue against the SLA', async () => {
    const failures = sample(await scrape(), 'login_failures_total') ?? 0;
    await api.http().post('/api/auth/login').send({ username: 'operator', password: 'not-the-password' }).expect(401);
    await api.http().post('/api/auth/login').send({ username: 'nobody-at-all', password: 'whatever' }).expect(401);

    // A new request waiting longer than REQUEST_SLA_MINUTES (30) and one just taken.
    const [late, fresh] = await freshSubscribers(api.pool, 2);
    const operator = `Bearer ${await api.token('operator')}`;
    const ids: string[] = [];
    for (const s of [late, fresh]) {
      const res = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
        .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Moving abroad' }).expect(201);
      ids.push(res.body.id);
    }
    await api.pool.query(`UPDATE disconnect_request SET created_at = app_now() - interval '45 minutes' WHERE id = $1`, [ids[0]]);

    const text = await scrape();
    expect(sample(text, 'login_failures_total')).toBe(failures + 2);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    const total = sample(text, 'db_pool_connections', { state: 'total' });
    expect(total).toBeGreaterThan(0);
    expect(sample(text, 'db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(total as number);
    expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);

    // The same rule as a request's slaBreached, read from the API.
    const slaBreached = async (id: string) =>
      (await api.http().get(`/api/disconnect-requests/${id}`).set('Authorization', operator).expect(200)).body.slaBreached;
    expect(await slaBreached(ids[0])).toBe(true);
    expect(await slaBreached(ids[1])).toBe(false);
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE status = 'new'`);
    const breached = sample(text, 'disconnect_requests_waiting', { sla: 'breached' }) as number;
    expect(breached).toBeGreaterThanOrEqual(1);
    expect(breached + (sample(text, 'disconnect_requests_waiting', { sla: 'within' }) as number)).toBe(rows[0].n);
  });

  it('shows the job queue: jobs waiting per queue and failed attempts per queue', async () => {
    // A queue of this test's own, so that no other spec's jobs are counted.
    const jobs = api.app.get(JobQueue);
    const queue = `metrics-test-${process.pid}`;
    await jobs.define<{ fail?: boolean }>({
      name: queue,
      retryLimit: 0,
      handle: async (data) => {
        if (data.fail) throw new Error('a planned failure');
      },
    });
    // Two jobs due tomorrow wait; pg-boss schedules by PostgreSQL's own clock (the wall clock, not the application's).
    const tomorrow = new Date(Date.now() + 86_400_000);
    await jobs.send(queue, {}, { startAfter: tomorrow });
    await jobs.send(queue, {}, { startAfter: tomorrow });
    let text = await scrape();
    expect(sample(text, 'job_queue_depth', { queue, state: 'waiting' })).toBe(2);
    expect(sample(text, 'job_queue_depth', { queue, state: 'active' })).toBe(0);
    expect(sample(text, 'job_failures_total', { queue })).toBeUndefined();

    const failing = await jobs.send(queue, { fail: true });
    await eventually(() => jobs.state(queue, failing as string), (s) => expect(s?.state).toBe('failed'), 20_000);
    text = await scrape();
    expect(sample(text, 'job_failures_total', { queue })).toBe(1);
    expect(sample(text, 'job_queue_depth', { queue, state: 'waiting' })).toBe(2);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ METRICS_TOKEN: '' });
  });
  afterAll(() => api.close());

  it('is off: 404 in the one error shape', async () => {
    const res = await api.http().get('/metrics').set('Authorization', 'Bearer anything-at-all-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'not_found' });
  });
});

describe('METRICS_TOKEN', () => {
  it('is off when unset or empty, and refused when shorter than 16 characters, naming the variable', () => {
    expect(validateConfig({}).METRICS_TOKEN).toBe('');
    expect(validateConfig({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBe('');
    expect(() => validateConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: .*16/);
  });
});
