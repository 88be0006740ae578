import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { freePort } from '@retention/api-core';
import { apiCall, apiToken } from '@retention/test-support';
import { Pool } from 'pg';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

/** One request on a connection of its own (the cluster hands each new connection to a worker). */
function call(port: number, path: string, body?: unknown, token?: string): Promise<{ status: number; body: { pid?: number; accessToken?: string } }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = { ...(data ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = request(
      { host: '127.0.0.1', port, path, method: data ? 'POST' : 'GET', agent: false, headers },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    // A connection handed to a worker as it died is lost with it: give up rather than wait.
    req.setTimeout(5_000, () => req.destroy(new Error(`${path}: no answer within 5 s`)));
    req.end(data);
  });
}

const METRICS_TOKEN = 'workers-metrics-token-0123456789';

/** A scrape of /metrics on a connection of its own: it lands on either worker. */
function scrape(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', agent: false, headers: { authorization: `Bearer ${METRICS_TOKEN}` } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`/metrics answered ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('/metrics: no answer within 15 s')));
    req.end();
  });
}

/** One sample's value by metric name and its exact label text, e.g. `{method="GET",route="/api/health/live",status="200"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

/**
 * The built server with WORKERS=2 on the run's PostgreSQL: two processes answer on one port, and
 * what must hold across them does (the sign-in limit is counted in PostgreSQL, not per process).
 */
describe('the built server with WORKERS=2', () => {
  let server: ChildProcess;
  let port: number;
  let output = '';

  beforeAll(async () => {
    port = await freePort();
    server = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), WORKERS: '2', LOG_LEVEL: 'warn', LOGIN_ATTEMPTS_PER_MINUTE: '6', METRICS_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 120_000;
    while (!output.includes('Processes:')) {
      if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`The server did not start within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited(server);
    }
  });

  async function pids(n: number): Promise<Set<number>> {
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const res = await call(port, '/api/health/live');
      expect(res.status).toBe(200);
      seen.add(res.body.pid as number);
    }
    return seen;
  }

  it('answers from two worker processes, neither of them the supervising one', async () => {
    expect(output).toContain('2 workers');
    const seen = await pids(12);
    expect(seen.size).toBe(2);
    expect(seen.has(server.pid as number)).toBe(false);
  });

  it('serves the metrics of every worker on any scrape, added up (a scrape lands on either process)', async () => {
    const live = 'http_requests_total{method="GET",route="/api/health/live",status="200"}';
    const before = sample(await scrape(port), live) ?? 0;
    // Ten answers, from both workers.
    expect((await pids(10)).size).toBe(2);
    // Whichever worker each scrape reaches, it reads the ten of both.
    for (let i = 0; i < 4; i++) expect(sample(await scrape(port), live)).toBe(before + 10);
    // A gauge of the database's state is read once, not added up over the workers: the requests waiting are
    // those in the table (read before and after the scrape, until no other test created one in between).
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    const waiting = async () => (await pool.query(`SELECT count(*)::int AS n FROM disconnect_request WHERE status = 'new'`)).rows[0].n as number;
    try {
      for (let attempt = 0; ; attempt++) {
        const n = await waiting();
        const text = await scrape(port);
        if (n !== (await waiting()) && attempt < 5) continue;
        expect(n).toBeGreaterThan(0);
        expect((sample(text, 'disconnect_requests_waiting{sla="within"}') ?? 0) + (sample(text, 'disconnect_requests_waiting{sla="breached"}') ?? 0)).toBe(n);
        break;
      }
    } finally {
      await pool.end();
    }
  });

  it('holds one sign-in limit across the processes', async () => {
    const username = `nobody-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(port, '/api/auth/login', { username, password: 'wrong' })).status);
    // Counted per process, each of the two would have allowed six.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('refuses a signed-out token on both workers, though each kept the session it had checked', async () => {
    // A user of this test's own: sign-in attempts are counted per address and user name in the run's database,
    // and this server's limit of six would otherwise count (and block for a minute) the whole run's sign-ins as "operator".
    const username = `workers.session.${Date.now()}`;
    const admin = await apiToken('admin');
    const created = await apiCall(admin, 'POST', '/api/users', { username, password: `${username}-pass`, role: 'operator', displayName: 'Workers Session' });
    expect(created.status).toBe(201);
    const { body: { accessToken } } = await call(port, '/api/auth/login', { username, password: `${username}-pass` });
    const me = async () => (await call(port, '/api/auth/me', undefined, accessToken)).status;
    // Twelve calls on connections of their own reach both workers, and each keeps the session (SESSION_CACHE_SECONDS).
    for (let i = 0; i < 12; i++) expect(await me()).toBe(200);
    expect((await call(port, '/api/auth/logout', {}, accessToken)).status).toBe(204);
    // PostgreSQL announces the ended session to every process when the sign-out commits: milliseconds, not the 5 s kept.
    await new Promise((r) => setTimeout(r, 250));
    const after: number[] = [];
    for (let i = 0; i < 12; i++) after.push(await me());
    expect(after).toEqual(Array(12).fill(401));
  });

  it('replaces a worker that dies, and stops every process on SIGTERM', async () => {
    const before = await pids(8);
    const victim = [...before][0];
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let after = new Set<number>();
    while (Date.now() < deadline) {
      after = await pids(8).catch(() => new Set<number>());
      if (after.size === 2 && !after.has(victim)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(after.size).toBe(2);
    expect(after.has(victim)).toBe(false);

    server.kill('SIGTERM');
    await exited(server);
    expect(server.exitCode).toBe(0);
    await expect(call(port, '/api/health/live')).rejects.toThrow();
  });
});
