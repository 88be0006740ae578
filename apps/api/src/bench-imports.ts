import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { EmbeddedDatabase, freePort, pgConfig, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { runImport } from '@retention/api-imports';
import type { ImportKind } from '@retention/contracts';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { seedDemo, withClient } from './database';

const say = (s: string) => process.stdout.write(`${s}\n`);

/** Writes `rows` lines made by `line(i)` after `header` into a file; returns its size in bytes. */
async function writeCsv(path: string, header: string, rows: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return statSync(path).size;
}

/** The same file loaded by a plain COPY (CSV, header) into a table of text columns: the floor an import is measured against. */
async function plainCopy(pool: Pool, path: string, columns: string[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMPORARY TABLE plain_copy (${columns.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`);
    const started = performance.now();
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY plain_copy FROM STDIN (FORMAT csv, HEADER true)`)));
    const ms = performance.now() - started;
    await client.query('ROLLBACK');
    return ms;
  } finally {
    client.release();
  }
}

async function timedImport(pool: Pool, kind: ImportKind, path: string): Promise<{ ms: number; rowsRead: number; rowsWritten: number; status: string }> {
  const started = performance.now();
  const phases: string[] = [];
  const o = await runImport(pool, () => createReadStream(path, { highWaterMark: 1 << 20 }), {
    kind,
    dryRun: false,
    userId: null,
    newSubscriberMonths: 6,
    onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(1)} s`),
  });
  const ms = performance.now() - started;
  if (o.status !== 'completed') throw new Error(`the ${kind} file was rejected: ${JSON.stringify(o.errors.slice(0, 3))}`);
  say(`  ${kind}: ${phases.join(', ')}`);
  return { ms, rowsRead: o.rowsRead, rowsWritten: o.rowsWritten, status: o.status };
}

/**
 * Import speed: `rows` subscribers, then as many payments, each file imported through the import
 * pipeline (parse, checks, staging, set-based checks, merge with the roll-up triggers) and, in the same
 * run, loaded by a plain COPY of the same file; prints times, rows/s and the ratio. Uses DATABASE_URL
 * (which must hold the reference data: regions) or a throw-away embedded PostgreSQL.
 */
export async function benchImports(opts: { rows: number; explain?: boolean }): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env['DATABASE_URL'];
  const dir = mkdtempSync(join(tmpdir(), 'retention-bench-imports-'));
  try {
    if (!url) {
      embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), database: 'retention_bench_imports', ephemeral: true, notice: say });
      url = embedded.url;
      await runMigrations(url);
      await withClient(url, (q) => seedClassifierDefaults(q));
      await seedDemo(url, 200);
    }
    // --explain: every statement of the import over 200 ms prints its plan with the time and buffers of each
    // node and of each trigger (auto_explain, which ships with PostgreSQL; the connection must be a superuser's).
    const explain = opts.explain
      ? '-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=200 -c auto_explain.log_analyze=on ' +
        '-c auto_explain.log_buffers=on -c auto_explain.log_triggers=on -c auto_explain.log_nested_statements=on -c auto_explain.log_level=notice'
      : undefined;
    const config = pgConfig(url, { max: 4 });
    const pool = new Pool({ ...config, options: [config.options, explain].filter(Boolean).join(' ') || undefined });
    if (explain) pool.on('connect', (c) => c.on('notice', (m) => say(`  ${m.message}`)));
    // pool.end() resolves once its clients are told to end, before their sockets close: the embedded server stopping
    // right after may still reach one ("terminating connection due to administrator command"), which is no failure.
    pool.on('error', (e: Error & { code?: string }) => {
      if (e.code !== '57P01') throw e;
    });
    try {
      const regions = (await pool.query<{ code: string }>('SELECT code FROM region ORDER BY code')).rows.map((r) => r.code);
      const run = `B${Date.now().toString(36)}`;
      const account = (i: number) => `${run}-${i}`;
      const day = (i: number) => `20${String(10 + (i % 15)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

      const subscribersFile = join(dir, 'subscribers.csv');
      const subscriberColumns = ['account_number', 'full_name', 'region', 'connected_on', 'contract_type', 'status', 'phone', 'address'];
      const subscriberBytes = await writeCsv(subscribersFile, subscriberColumns.join(','), opts.rows, (i) =>
        `${account(i)},Subscriber ${i},${regions[i % regions.length]},${day(i)},${['month_to_month', '12m', '24m'][i % 3]},active,+38050${String(i).padStart(7, '0')},"${i} Long Street, Flat ${i % 90}"`);
      const paymentsFile = join(dir, 'payments.csv');
      const paymentBytes = await writeCsv(paymentsFile, 'account_number,paid_on,amount', opts.rows, (i) => `${account(i)},${day(i + 7)},${(100 + (i % 900)).toFixed(2)}`);

      say(`Import benchmark: ${opts.rows.toLocaleString('en')} rows per file (subscribers ${(subscriberBytes / 1e6).toFixed(1)} MB, payments ${(paymentBytes / 1e6).toFixed(1)} MB)`);
      const rows: string[] = [];
      for (const [kind, file, columns] of [
        ['subscribers', subscribersFile, subscriberColumns],
        ['payments', paymentsFile, ['account_number', 'paid_on', 'amount']],
      ] as [ImportKind, string, string[]][]) {
        const copyMs = await plainCopy(pool, file, columns);
        const imported = await timedImport(pool, kind, file);
        rows.push(
          `${kind.padEnd(12)} rows read ${imported.rowsRead.toLocaleString('en').padStart(10)}, written ${imported.rowsWritten.toLocaleString('en').padStart(10)} | ` +
            `import ${(imported.ms / 1000).toFixed(1).padStart(6)} s (${Math.round(imported.rowsRead / (imported.ms / 1000)).toLocaleString('en')} rows/s) | ` +
            `plain COPY ${(copyMs / 1000).toFixed(1).padStart(5)} s (${Math.round(imported.rowsRead / (copyMs / 1000)).toLocaleString('en')} rows/s) | ratio ${(imported.ms / copyMs).toFixed(1)}x`,
        );
        say(rows[rows.length - 1]);
      }
    } finally {
      await pool.end();
    }
  } finally {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
