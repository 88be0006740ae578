import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@retention/migrations';
import { clockConnectionOptions } from '../time/app-clock';
import { QueryLogger } from './query-logger';
import { NotifyAfterCommit } from '../events/notify';

/**
 * The one TypeORM configuration: no synchronize, every schema change is a migration in
 * `migrations/`, run at start. Entities are registered by the feature modules.
 */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    // NOTIFYs queued in a transaction are sent after its commit (see notify()).
    subscribers: [NotifyAfterCommit],
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries with their SQL and error, never their parameters (see QueryLogger).
    logger: new QueryLogger(),
    // A request waits at most 10 s for a connection (an unreachable database, an exhausted pool):
    // then it fails, and ApiErrorFilter answers 503 instead of the request hanging.
    extra: { max: Number(process.env['DB_POOL_SIZE'] ?? 20), connectionTimeoutMillis: 10_000, options: clockConnectionOptions() },
  };
}

/** The oldest PostgreSQL the migrations run on (server_version_num): 18, for a foreign key NOT ENFORCED. */
const MIN_SERVER_VERSION = 180000;

/** Apply every pending migration, on PostgreSQL 18 or later (refused with the reason before). Returns the names that ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const [{ version }] = await ds.query(`SELECT current_setting('server_version_num')::int AS version`);
    if (version < MIN_SERVER_VERSION) {
      throw new Error(`PostgreSQL ${Math.floor(version / 10000)} at DATABASE_URL: the schema needs PostgreSQL ${MIN_SERVER_VERSION / 10000} or later (README, "Against your own PostgreSQL")`);
    }
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
