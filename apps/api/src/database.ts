import { resolve } from 'node:path';
import { AppConfig, EmbeddedDatabase, pgConfig, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { seedDemoUsers } from '@retention/api-auth';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { DemoDataSummary, generateDemoData, isDatabaseEmpty } from '@retention/api-demo-data';
import type { Query } from '@retention/api-churn-data';
import { Client, Pool } from 'pg';

export interface PreparedDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL whose data stays in the project
 * folder. Then every pending migration runs, and an empty embedded database gets the demo.
 */
export async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = resolve(process.cwd(), config.PGDATA_DIR);
    say(`Starting the embedded PostgreSQL (data in ${config.PGDATA_DIR}, port ${config.PGPORT})...`);
    embedded = await startEmbeddedPostgres({ dataDir, port: config.PGPORT, database: 'retention', notice: say });
    url = embedded.url;
  }
  try {
    const ran = await runMigrations(url);
    if (ran.length) say(`Applied ${ran.length} migration(s): ${ran.join(', ')}`);
    await withClient(url, (q) => seedClassifierDefaults(q));
    if (embedded && config.DEMO_SUBSCRIBERS > 0) await seedDemo(url, config.DEMO_SUBSCRIBERS);
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return { url, embedded };
}

/** One connection for a job that needs a transaction, closed afterwards. */
export async function withClient<T>(url: string, fn: (query: Query) => Promise<T>): Promise<T> {
  const client = new Client(pgConfig(url));
  await client.connect();
  try {
    return await fn(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
  } finally {
    await client.end();
  }
}

/**
 * Fills an EMPTY database with the demo operator, printing progress; returns null when the
 * database already holds data. The one seeding path for npm start, the seed command and the bench.
 */
export async function seedDemo(
  url: string,
  subscribers: number,
  options: { withUsers?: boolean; seed?: number } = {},
): Promise<DemoDataSummary | null> {
  const pool = new Pool(pgConfig(url, { max: 4 }));
  try {
    if (!(await isDatabaseEmpty(pool))) return null;
    say(`Seeding the demo operator: ${subscribers.toLocaleString('en')} subscribers with two years of history...`);
    const started = Date.now();
    if (options.withUsers ?? true) await seedDemoUsers(pool);
    let lastStage = '';
    let lastPrint = 0;
    const summary = await generateDemoData(pool, {
      subscribers,
      seed: options.seed,
      onProgress: (stage, done, total) => {
        const now = Date.now();
        if (stage !== lastStage || now - lastPrint > 2000 || done === total) {
          say(`  ${stage}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
          lastStage = stage;
          lastPrint = now;
        }
      },
    });
    say(
      `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.subscribers} subscribers, ` +
        `${summary.subscriptions} subscriptions, ${summary.payments} payments, ${summary.usageRows} usage rows, ` +
        `${summary.requests} requests.`,
    );
    return summary;
  } finally {
    await pool.end();
  }
}
