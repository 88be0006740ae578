import type { ChildProcess } from 'node:child_process';
import pgGlobalTeardown from './pg-global-teardown';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>)['__API_SERVER__'] as ChildProcess | undefined;
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await pgGlobalTeardown();
}
