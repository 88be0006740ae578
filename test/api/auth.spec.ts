import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { validateConfig } from '@retention/api-core';
import { startApi, TestApi } from '@retention/test-support';

describe('sign-in and tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_ATTEMPTS_PER_MINUTE: '5' });
  });
  afterAll(() => api.close());

  it('signs in a demo user and returns the token and the user', async () => {
    const res = await api.http().post('/api/auth/login').send({ username: 'manager', password: 'manager' }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toEqual({ username: 'manager', role: 'manager', displayName: expect.any(String) });
    const me = await api.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('manager');
  });

  it('refuses a wrong password with 401 and the one error shape', async () => {
    const res = await api.http().post('/api/auth/login').send({ username: 'operator', password: 'wrong' }).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'invalid_credentials', message: expect.any(String) });
    expect(res.body.stack).toBeUndefined();
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('refuses an unknown user the same way as a wrong password', async () => {
    const res = await api.http().post('/api/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
    expect(res.body.error).toBe('invalid_credentials');
  });

  it('signs out: that token is refused from then on, other sign-ins of the same user go on', async () => {
    const first = await api.signIn('operator');
    const second = await api.signIn('operator');
    const me = (token: string) => api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    await me(first).expect(200);

    const out = await api.http().post('/api/auth/logout').set('Authorization', `Bearer ${first}`).expect(204);
    expect(out.text).toBe('');
    const refused = await me(first).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'unauthorized', requestId: expect.any(String) });
    await api.http().post('/api/auth/logout').set('Authorization', `Bearer ${first}`).expect(401);
    await me(second).expect(200);
    const { rows } = await api.pool.query(
      `SELECT count(*)::int AS n FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'operator'`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a well-signed token that names no session (signed before sessions existed)', async () => {
    const { rows: [u] } = await api.pool.query(`SELECT id FROM app_user WHERE username = 'manager'`);
    const jwt = api.app.get(JwtService);
    const legacy = await jwt.signAsync({ sub: u.id, role: 'manager' });
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${legacy}`).expect(401);
    const unknownSession = await jwt.signAsync({ sub: u.id, role: 'manager' }, { jwtid: randomUUID() });
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${unknownSession}`).expect(401);
  });

  it('answers 401 without a token and with a forged one', async () => {
    await api.http().get('/api/subscribers').expect(401);
    const res = await api.http().get('/api/subscribers').set('Authorization', 'Bearer not.a.token').expect(401);
    expect(res.body.error).toBe('unauthorized');
  });

  it('names the offending fields of an invalid body', async () => {
    const res = await api.http().post('/api/auth/login').send({ username: 42, extra: true }).expect(400);
    expect(res.body.error).toBe('validation_failed');
    const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['extra', 'password', 'username']);
  });

  it('rate-limits sign-in attempts per user name', async () => {
    // A user name of this test's own: a limited name is refused for a minute on every process of the database
    // (every spec's), and a demo user's would lock the other specs out.
    const username = `limited.${Date.now()}`;
    const attempt = () => api.http().post('/api/auth/login').send({ username, password: 'bad' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Its window runs on the wall clock, a minute from now, not on the run's test clock (weeks away from it): a
    // process on another application clock must not stretch it.
    const { rows: [window] } = await api.pool.query(
      `SELECT count(*)::int AS n FROM login_throttle WHERE hits >= 7 AND window_ends BETWEEN now() AND now() + interval '61 seconds'`,
    );
    expect(window.n).toBe(1);
    // Another user from the same address is not locked out.
    await api.http().post('/api/auth/login').send({ username: 'admin', password: 'admin' }).expect(200);
  });

  it('sends secure headers and serves the health check without a token', async () => {
    const res = await api.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document', async () => {
    const res = await api.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/subscribers/{id}']));
  });
});

describe('the sign-in rate limit and X-Forwarded-For (TRUST_PROXY)', () => {
  /** 11 failed sign-ins of one user name (of its own: see above), each claiming the address forwardedFor(i). */
  async function failedSignIns(api: TestApi, forwardedFor: (i: number) => string): Promise<number[]> {
    const statuses: number[] = [];
    const username = `forwarded.${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < 11; i++) {
      const res = await api.http().post('/api/auth/login').set('X-Forwarded-For', forwardedFor(i)).send({ username, password: 'wrong' });
      statuses.push(res.status);
    }
    return statuses;
  }
  const tenRefusalsThenLimited = [...Array<number>(10).fill(401), 429];

  it('trusts no proxy by default', () => {
    expect(validateConfig({}).TRUST_PROXY).toBe(false);
  });

  it('without a trusted proxy, a client that rotates its own X-Forwarded-For is still limited', async () => {
    const api = await startApi({ TRUST_PROXY: 'false', LOGIN_ATTEMPTS_PER_MINUTE: '10' });
    try {
      expect(await failedSignIns(api, (i) => `203.0.113.${i + 1}`)).toEqual(tenRefusalsThenLimited);
    } finally {
      await api.close();
    }
  });

  it('behind a trusted proxy, the forwarded address is the client: each address has its own limit', async () => {
    const api = await startApi({ TRUST_PROXY: 'loopback', LOGIN_ATTEMPTS_PER_MINUTE: '10' });
    try {
      expect(await failedSignIns(api, (i) => `198.51.100.${i + 1}`)).toEqual(Array(11).fill(401));
      // A client behind the proxy that sends its own header: the proxy appends the real address, which counts.
      expect(await failedSignIns(api, (i) => `10.9.9.${i + 1}, 198.51.100.200`)).toEqual(tenRefusalsThenLimited);
    } finally {
      await api.close();
    }
  });

  it.each(['false', '0', '2', 'loopback', 'loopback, 10.0.0.0/8, 192.168.1.7, fd00::/8'])('accepts TRUST_PROXY=%s', (value) => {
    expect(() => validateConfig({ TRUST_PROXY: value })).not.toThrow();
  });

  it.each(['true', 'yes', '10.0.0.0/33', '10.0.0', 'loopback,', '999'])('refuses TRUST_PROXY=%s, naming the variable', (value) => {
    expect(() => validateConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be false, the number of proxies/);
  });
});
