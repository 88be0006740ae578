import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@retention/api-core';
import { isRunning, postmasterPid } from '@retention/test-support';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const CLI = join(ROOT, 'dist/apps/api/cli.js');

interface Started {
  proc: ChildProcess;
  output: () => string;
}

/**
 * The built server as `npm start` runs it, with an embedded PostgreSQL of its own (its own data
 * folder and ports, a small demo operator): killed with -9 while its PostgreSQL runs, it starts
 * again; the commands work next to it.
 */
describe('restarting the built server on its embedded PostgreSQL', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let server: Started | undefined;
  const pgData = () => env['PGDATA_DIR'] as string;

  function spawnServer(overrides: NodeJS.ProcessEnv = {}): Started {
    let output = '';
    const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...env, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (d) => (output += d));
    proc.stderr?.on('data', (d) => (output += d));
    return { proc, output: () => output };
  }

  async function startServer(): Promise<Started> {
    const started = spawnServer();
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (started.proc.exitCode !== null) throw new Error(`The server exited with code ${started.proc.exitCode}:\n${started.output()}`);
      const res = await fetch(`${base}/api/health`).catch(() => undefined);
      if (res?.ok) return started;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The server did not answer /api/health within 120 s:\n${started.output()}`);
  }

  const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

  async function call(path: string, token?: string, init: RequestInit = {}) {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status, body: await res.json() };
  }

  async function signIn(username: string): Promise<string> {
    const res = await call('/api/auth/login', undefined, { method: 'POST', body: JSON.stringify({ username, password: username }) });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  }

  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) =>
      execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'retention-restart-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      PORT: String(port),
      PGDATA_DIR: join(root, 'pg'),
      PGPORT: String(await freePort()),
      DEMO_SUBSCRIBERS: '50',
      LOG_LEVEL: 'warn',
    };
    // Its own embedded database, not the run's shared one.
    delete env['DATABASE_URL'];
    server = await startServer();
    expect(server.output()).toContain('Seeding the demo operator: 50 subscribers');
  });

  afterAll(async () => {
    if (server && server.proc.exitCode === null && server.proc.signalCode === null) {
      server.proc.kill('SIGTERM');
      await Promise.race([exited(server.proc), new Promise((r) => setTimeout(r, 15_000))]);
    }
    const pid = postmasterPid(pgData());
    if (pid && isRunning(pid)) {
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('starts again after a kill -9 left its PostgreSQL running, with the data still there', async () => {
    const token = await signIn('manager');
    const before = await call('/api/subscribers', token);
    expect(before.status).toBe(200);
    expect(before.body.total).toBeGreaterThan(0);

    const orphan = postmasterPid(pgData()) as number;
    const killed = server as Started;
    killed.proc.kill('SIGKILL');
    await exited(killed.proc);
    expect(isRunning(orphan)).toBe(true);

    server = await startServer();
    expect(server.output()).toContain('was left running by a process that is gone: stopping it');
    expect(server.output()).not.toContain('Seeding');
    expect(isRunning(orphan)).toBe(false);
    // Same data, and the signing secret kept in the database still accepts the earlier token.
    const after = await call('/api/subscribers', token);
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('runs the commands while the server runs, on its PostgreSQL, and leaves that running', async () => {
    const pid = postmasterPid(pgData()) as number;
    const rollups = await cli('rollups');
    expect(rollups).toMatchObject({ code: 0, stdout: 'Report roll-ups match their recomputation.\n' });
    expect(rollups.stderr).toContain('Using the embedded PostgreSQL already running');
    expect(await cli('migrate')).toMatchObject({ code: 0, stdout: 'Migrations applied.\n' });

    expect(isRunning(pid)).toBe(true);
    expect((await call('/api/health')).status).toBe(200);
    const token = await signIn('operator');
    expect((await call('/api/auth/me', token)).body.username).toBe('operator');
  });

  it('refuses to start in one sentence when another process holds the PostgreSQL port', async () => {
    const holder = createServer();
    const taken = await freePort();
    await new Promise<void>((r) => holder.listen(taken, '127.0.0.1', r));
    try {
      const other = spawnServer({ PORT: String(await freePort()), PGDATA_DIR: join(root, 'other'), PGPORT: String(taken) });
      await exited(other.proc);
      expect(other.proc.exitCode).toBe(1);
      expect(other.output()).toContain(
        `\nCannot start: Port ${taken} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start. Stop what uses it, or choose another port with PGPORT.\n`,
      );
      expect(other.output()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      holder.close();
    }
  });
});
