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

/** Apply every pending migration. Returns the names that ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
