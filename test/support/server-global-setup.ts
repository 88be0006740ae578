import './register-paths';
import { spawn, ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@retention/api-core';
import pgGlobalSetup from './pg-global-setup';

const ROOT = join(__dirname, '..', '..');

/** The built application, as `npm start` runs it, on the run's PostgreSQL and a free port. */
export default async function globalSetup(): Promise<void> {
  const main = join(ROOT, 'dist/apps/api/main.js');
  const consoleDir = join(ROOT, 'dist/apps/console/browser');
  if (!existsSync(main) || !existsSync(join(consoleDir, 'index.html'))) {
    throw new Error('Build first: npx nx run-many -t build -p api console');
  }
  await pgGlobalSetup();
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', STATIC_DIR: consoleDir, LOGIN_ATTEMPTS_PER_MINUTE: '100' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  (globalThis as Record<string, unknown>)['__API_SERVER__'] = server;
  process.env['BASE_URL'] = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${process.env['BASE_URL']}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The server did not answer /api/health within 60 s');
}
