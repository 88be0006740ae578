import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { freePort, isDatabaseUnavailable, runMigrations } from '@retention/api-core';
import { seedDemoUsers } from '@retention/api-auth';
import { PostgresProcess, spawnEmbeddedPostgres, startApi, TestApi } from '@retention/test-support';

/**
 * The API on a PostgreSQL of its own, which the test stops and starts again: while it is down,
 * health and every call answer 503 in the one error shape; the server keeps running and recovers
 * by itself once the database is back.
 */
describe('while the database is down', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  let pg: PostgresProcess;
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'retention-down-'));
    dataDir = join(root, 'pg');
    port = await freePort();
    pg = await spawnEmbeddedPostgres(dataDir, port);
    await runMigrations(pg.url);
    const pool = new Pool({ connectionString: pg.url, max: 1 });
    await seedDemoUsers(pool).finally(() => pool.end());
    api = await startApi({ DATABASE_URL: pg.url });
    token = await api.token('operator');
  });

  afterAll(async () => {
    await api?.close();
    await pg?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const health = () => api.http().get('/api/health');
  const ready = () => api.http().get('/api/health/ready');
  const live = () => api.http().get('/api/health/live');
  const me = () => api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const regions = () => api.http().get('/api/regions').set('Authorization', `Bearer ${token}`);

  it('answers 503 "database unavailable" on health and on every call, then recovers when it is back', async () => {
    expect((await health()).body).toEqual({ status: 'ok', database: 'up' });
    expect((await ready().expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    expect((await live().expect(200)).body).toEqual({ status: 'ok', pid: process.pid });
    await me().expect(200);

    // A statement running when PostgreSQL goes down fails with what the filter knows as unavailable.
    const inFlight = api.app.get(DataSource).query('SELECT pg_sleep(30)').then(() => undefined, (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    await pg.stop();
    expect(isDatabaseUnavailable(await inFlight)).toBe(true);
    for (const call of [health, ready, me, regions]) {
      const res = await call();
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'service_unavailable',
        message: expect.stringMatching(/^The database is unavailable/),
        requestId: res.headers['x-request-id'],
      });
    }
    // Liveness does not ask the database: the process is up, a restart would not help.
    expect((await live().expect(200)).body).toEqual({ status: 'ok', pid: process.pid });
    // Signing in needs the database too.
    await api.http().post('/api/auth/login').send({ username: 'manager', password: 'manager' }).expect(503);

    pg = await spawnEmbeddedPostgres(dataDir, port);
    await health().expect(200);
    await ready().expect(200);
    expect((await me().expect(200)).body.username).toBe('operator');
    await regions().expect(200);
  });
});
