import { spawnSync } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@retention/api-core';
import { isRunning, postmasterPid, PostgresProcess, spawnEmbeddedPostgres, startApi } from '@retention/test-support';

/** Sign in as `user` with `password` to the server behind `url`; the error when refused. */
async function signInError(url: string, user: string, password: string | undefined): Promise<{ code?: string; message: string } | undefined> {
  const { hostname, port, pathname } = new URL(url);
  const client = new Client({ host: hostname, port: Number(port), database: pathname.slice(1), user, password });
  try {
    await client.connect();
    return undefined;
  } catch (e) {
    return e as { code?: string; message: string };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

// An external TEST_DATABASE_URL is not the embedded database: its logins are its owner's business.
(process.env['TEST_DATABASE_URL'] ? describe.skip : describe)('the embedded test database refuses the default logins', () => {
  it('refuses postgres:postgres and postgres without a password, so the signing secret cannot be read through them', async () => {
    // The application creates its signing secret at start; its own login reads it.
    const api = await startApi();
    await api.close();
    const url = process.env['DATABASE_URL'] as string;
    const [secret] = await query<{ value: string }>(url, `SELECT value #>> '{}' AS value FROM app_setting WHERE key = 'jwt_secret'`);
    expect(secret.value.length).toBeGreaterThanOrEqual(32);

    expect(await signInError(url, 'postgres', 'postgres')).toMatchObject({ code: '28P01' });
    expect(await signInError(url, 'postgres', '')).toBeDefined();
    expect(await signInError(url, 'postgres', undefined)).toBeDefined();
  });
});

describe('the embedded PostgreSQL of a data folder', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  const started: PostgresProcess[] = [];
  const start = async (atPort = port) => {
    const pg = await spawnEmbeddedPostgres(dataDir, atPort);
    started.push(pg);
    return pg;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'retention-embedded-'));
    dataDir = join(root, 'pg');
    port = await freePort();
    // The first start creates the cluster; every test starts from it, stopped.
    await (await start()).stop();
  });

  afterAll(async () => {
    for (const pg of started) await pg.stop();
    const pid = postmasterPid(dataDir);
    if (pid && isRunning(pid)) process.kill(pid, 'SIGINT');
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps a generated password in the data folder, readable by its owner only', async () => {
    const file = join(dataDir, 'retention.password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    const pg = await start();
    expect(decodeURIComponent(new URL(pg.url).password)).toBe(password);
    expect(await signInError(pg.url, 'postgres', 'postgres')).toMatchObject({ code: '28P01' });
    await pg.stop();
  });

  it('secures a data folder of an earlier version (fixed password, no password file, trust in pg_hba) at its next start', async () => {
    let pg = await start();
    await query(pg.url, `ALTER ROLE postgres PASSWORD 'postgres'`);
    await pg.stop();
    rmSync(join(dataDir, 'retention.password'));
    writeFileSync(join(dataDir, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');

    pg = await start();
    const password = readFileSync(join(dataDir, 'retention.password'), 'utf8').trim();
    expect(password).not.toBe('postgres');
    expect(statSync(join(dataDir, 'retention.password')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'pg_hba.conf'), 'utf8')).not.toContain('trust');
    expect(await signInError(pg.url, 'postgres', 'postgres')).toMatchObject({ code: '28P01' });
    expect(await signInError(pg.url, 'postgres', password)).toBeUndefined();
    await pg.stop();
  });

  it('shares a running PostgreSQL with a second process and leaves it running when that one ends', async () => {
    const owner = await start();
    const pid = postmasterPid(dataDir) as number;
    // The second process is asked for another port: it connects to the running one instead.
    const second = await start(await freePort());
    expect(second.shared).toBe(true);
    expect(new URL(second.url).port).toBe(String(port));
    await second.stop();
    expect(isRunning(pid)).toBe(true);
    expect(await query(owner.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await owner.stop();
    expect(isRunning(pid)).toBe(false);
  });

  it('stops the PostgreSQL a killed process left running and starts afresh', async () => {
    const killed = await start();
    const orphan = postmasterPid(dataDir) as number;
    await killed.kill();
    expect(isRunning(orphan)).toBe(true);

    const pg = await start();
    expect(pg.shared).toBe(false);
    expect(isRunning(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect(await query(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await pg.stop();
  });

  it.each([
    ['now belongs to another process', () => process.pid],
    ['belongs to no process', () => spawnSync(process.execPath, ['-e', '']).pid as number],
  ])('is not blocked by a lock file left behind whose pid %s', async (_, stalePid) => {
    // As after a crash: postmaster.pid left behind, its pid reused (here by this test process) or free.
    const pid = stalePid();
    writeFileSync(join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n     0         0\nready   \n`);
    const pg = await start();
    expect(postmasterPid(dataDir)).not.toBe(pid);
    expect(await query(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await pg.stop();
  });

  it('says in one sentence that the port is taken when something else listens on it', async () => {
    const taken = await freePort();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(taken, '127.0.0.1', resolve));
    try {
      await expect(start(taken)).rejects.toThrow(`Port ${taken} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start.`);
    } finally {
      server.close();
    }
  });
});
