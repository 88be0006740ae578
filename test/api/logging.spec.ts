import { Writable } from 'node:stream';
import { chooseLogFormat, validateConfig } from '@retention/api-core';
import { startApi, TestApi } from '@retention/test-support';

interface LogLine {
  msg?: string;
  context?: string;
  err?: Record<string, unknown>;
}

/** What the API logs (JSON lines through pino) must never hold a password, its hash or a failed query's values. */
describe('logs keep no secrets', () => {
  let api: TestApi;
  const lines: string[] = [];
  beforeAll(async () => {
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    api = await startApi({ LOG_LEVEL: 'info' }, { logDestination });
  });
  afterAll(() => api.close());

  it('a failed user insert is logged with its SQL and error, without the password hash or the password', async () => {
    const admin = `Bearer ${await api.token('admin')}`;
    const password = 'Leak-Probe-Passw0rd';
    // A database refusal the validators cannot foresee, whose message detail repeats the row (as PostgreSQL's
    // "Failing row contains (...)" does), for this one user name only.
    await api.pool.query(`
      CREATE FUNCTION test_refuse_leak_probe() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'user refused by the logging test' USING DETAIL = format('Failing row contains %s', NEW); END $$`);
    await api.pool.query(`
      CREATE TRIGGER test_refuse_leak_probe BEFORE INSERT ON app_user
      FOR EACH ROW WHEN (NEW.username = 'leak.probe') EXECUTE FUNCTION test_refuse_leak_probe()`);
    try {
      lines.length = 0;
      await api.http().post('/api/users').set('Authorization', admin)
        .send({ username: 'leak.probe', password, role: 'operator', displayName: 'Leak Probe' }).expect(500);
    } finally {
      await api.pool.query(`DROP TRIGGER test_refuse_leak_probe ON app_user`);
      await api.pool.query(`DROP FUNCTION test_refuse_leak_probe()`);
    }

    const parsed = lines.map((l) => JSON.parse(l) as LogLine);
    // The failure is in the log: the SQL and PostgreSQL's message...
    const failed = parsed.filter((l) => l.msg?.startsWith('Query failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0].context).toBe('Database');
    expect(failed[0].msg).toContain('user refused by the logging test');
    expect(failed[0].msg).toContain('INSERT INTO app_user');
    const unhandled = parsed.find((l) => l.msg === 'Unhandled error');
    expect(unhandled?.err).toMatchObject({ query: expect.stringContaining('INSERT INTO app_user'), parameters: '[Redacted]', detail: '[Redacted]' });
    // ...and nothing of what the statement was given, nor the password itself.
    const all = lines.join('\n');
    expect(all).not.toContain('scrypt$');
    expect(all).not.toContain(password);
    expect(all).not.toContain('Failing row contains');
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'leak.probe'`);
    expect(rows[0].n).toBe(0);
  });

  it('a sign-in logs neither the password nor the token', async () => {
    lines.length = 0;
    const res = await api.http().post('/api/auth/login').send({ username: 'manager', password: 'manager' }).expect(200);
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('/api/auth/me');
    expect(all).not.toContain(res.body.accessToken);
    expect(all).not.toMatch(/"password":"manager"/);
  });

  it("a request's line names the call and its answer, without the headers of either", async () => {
    lines.length = 0;
    const token = await api.token('manager');
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'log-line-probe').expect(200);
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.req?.id === 'log-line-probe');
    expect(line).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/api/auth/me' }, res: { statusCode: 200 } });
    expect(typeof line.responseTime).toBe('number');
    expect(line.req.headers).toBeUndefined();
    expect(line.res.headers).toBeUndefined();
  });
});

describe('LOG_FORMAT', () => {
  it.each([
    // setting, stdout is a terminal, NODE_ENV, format
    [undefined, true, undefined, 'pretty'],
    [undefined, true, 'development', 'pretty'],
    [undefined, false, undefined, 'json'],
    [undefined, true, 'production', 'json'],
    ['json', true, undefined, 'json'],
    ['pretty', false, 'production', 'pretty'],
  ] as const)('LOG_FORMAT=%s, terminal %s, NODE_ENV=%s: %s', (setting, tty, nodeEnv, format) => {
    expect(chooseLogFormat(setting, tty, nodeEnv)).toBe(format);
  });

  it('takes json or pretty, empty is unset, anything else stops the start naming the variable', () => {
    expect(validateConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(validateConfig({ LOG_FORMAT: '' }).LOG_FORMAT).toBeUndefined();
    expect(() => validateConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: /);
  });
});
