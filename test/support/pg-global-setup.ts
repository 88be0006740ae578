import './register-paths';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { seedDemoUsers } from '@retention/api-auth';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { generateDemoData } from '@retention/api-demo-data';
import { Pool } from 'pg';

import { installTestClock, TEST_TODAY } from './clock';

export const TEST_SUBSCRIBERS = 400;

/**
 * One real PostgreSQL for the whole run: embedded, in a temporary folder, migrated and filled
 * with a small deterministic operator and the demo users. Tests find it through DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  const offset = installTestClock();
  if (process.env['TEST_DATABASE_URL']) {
    process.env['DATABASE_URL'] = process.env['TEST_DATABASE_URL'];
    await setDatabaseClock(process.env['DATABASE_URL'], offset);
    return;
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), 'retention-test-')), 'pg');
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'retention_test', ephemeral: true });
  (globalThis as Record<string, unknown>)['__EMBEDDED_PG__'] = db;
  process.env['DATABASE_URL'] = db.url;
  await runMigrations(db.url);
  await setDatabaseClock(db.url, offset);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  try {
    const client = await pool.connect();
    try {
      await seedClassifierDefaults(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
    } finally {
      client.release();
    }
    await seedDemoUsers(pool);
    await generateDemoData(pool, { subscribers: TEST_SUBSCRIBERS, asOf: TEST_TODAY });
  } finally {
    await pool.end();
  }
}

/** Every session of the test database (the tests' own pools included) reads the test clock in SQL. */
async function setDatabaseClock(url: string, offsetMs: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET app.clock_offset_ms = %L', current_database(), '${offsetMs}'); END $$`);
  } finally {
    await pool.end();
  }
}
