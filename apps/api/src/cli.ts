import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdmin } from '@retention/api-auth';
import { AppConfig, appClock, backupDatabase, EmbeddedDatabase, pgConfig, restoreDatabase, runMigrations, startEmbeddedPostgres, validateConfig } from '@retention/api-core';
import { IMPORT_KINDS } from '@retention/contracts';
import { Pool } from 'pg';
import { openApiDocumentWithoutServer } from '@retention/api-app';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { checkReportRollups, rebuildReportRollups } from '@retention/api-churn-data';
import { seedDemo, withClient } from './database';
import { bench, BENCH_DATA_DIR } from './bench';
import { importCommand } from './import-command';
import { benchImports } from './bench-imports';
import { benchLoad } from './bench-load';
import { benchSuggestions } from './bench-suggestions';

const USAGE = `Usage: node dist/apps/api/cli.js <command> [options]

Commands:
  migrate                         apply pending migrations
  seed --subscribers N [--seed S] [--demo-users]
                                  generate a synthetic operator into an EMPTY database
  bench [--subscribers N] [--runs R] [--only a,b] [--answers F]
                                  report speed on a large operator: API against the report's own
                                  SQL and against the simplest SQL over the raw tables giving its
                                  headline figure (embedded data kept in .pgdata-bench between runs);
                                  --only: the cases whose name holds a word ("scan" for the
                                  hidden-churn scan); --answers: write the reports' answers to F, or
                                  compare them with F when it exists
  bench-imports [--rows N] [--explain]
                                  import speed: N subscribers and N payments (default 1,000,000)
                                  through the import against a plain COPY of the same files;
                                  --explain prints the plan of each statement over 200 ms
                                  (auto_explain: ANALYZE, BUFFERS, triggers)
  bench-load [--subscribers N] [--seconds S] [--only a,b] [--cpu-prof DIR]
                                  the operators' load (autocannon) against the built server on the
                                  same data: the mix open loop at 100 and 200 req/s, saturation,
                                  search, card, suggest, queue, health and request creates alone, with
                                  the processor time per request (WORKERS passes on); --cpu-prof
                                  writes the server's CPU profile (node --cpu-prof) to DIR
  bench-suggestions [--subscribers N] [--rounds R]
                                  one reason suggestion through the API on the same data, the synonym
                                  table alone against a model trained on the operator's resolutions
  rollups [--rebuild]             check the report roll-ups against a recomputation from the
                                  source tables (exit 1 on drift); --rebuild recomputes them
  create-admin --username U --password P [--display-name D]
                                  create the first administrator of a real database
  backup [--file F]               write a consistent backup of the whole database (one snapshot,
                                  taken while the console runs) to F, by default
                                  retention-<UTC time>.backup in the current folder
  import <kind> <file> [--dry-run] [--mapping map.json]
                                  import a billing CSV (kind: ${IMPORT_KINDS.join(', ')}),
                                  with a progress bar; the same checks as POST /api/imports,
                                  kept in its history
  openapi [--file F]              write the OpenAPI document the server publishes at /api/docs-json
                                  (built without a database) to F, or to standard output
  restore --file F [--clean --yes]
                                  restore a backup into a database without tables; --clean --yes
                                  drops everything in it first

Uses DATABASE_URL, or the embedded PostgreSQL in PGDATA_DIR (default .pgdata) when it is not set
(the one the running server started, if it runs; it keeps running after the command).`;

async function withDatabase<T>(config: AppConfig, fn: (url: string) => Promise<T>): Promise<T> {
  return withServer(config, async (url) => {
    await runMigrations(url);
    await withClient(url, (q) => seedClassifierDefaults(q));
    return fn(url);
  });
}

/** The database as it is (no migrations): DATABASE_URL, or the embedded one. */
async function withServer<T>(config: AppConfig, fn: (url: string) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    // A running server's PostgreSQL for the same folder is used as it is and left running.
    embedded = await startEmbeddedPostgres({
      dataDir: resolve(process.cwd(), config.PGDATA_DIR),
      port: config.PGPORT,
      database: 'retention',
      notice: (line) => process.stderr.write(`${line}\n`),
    });
    url = embedded.url;
  }
  try {
    return await fn(url);
  } finally {
    await embedded?.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      explain: { type: 'boolean' },
      rows: { type: 'string' },
      mapping: { type: 'string' },
      subscribers: { type: 'string' },
      seed: { type: 'string' },
      'demo-users': { type: 'boolean' },
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      runs: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      only: { type: 'string' },
      answers: { type: 'string' },
      'cpu-prof': { type: 'string' },
      rebuild: { type: 'boolean' },
      file: { type: 'string' },
      clean: { type: 'boolean' },
      yes: { type: 'boolean' },
    },
  });
  const config = validateConfig(process.env);
  switch (command) {
    case 'migrate':
      await withDatabase(config, async () => process.stdout.write('Migrations applied.\n'));
      return;
    case 'seed': {
      const subscribers = Number(values.subscribers ?? 20000);
      if (!Number.isInteger(subscribers) || subscribers < 1) throw new Error('--subscribers must be a positive whole number');
      await withDatabase(config, async (url) => {
        const summary = await seedDemo(url, subscribers, { withUsers: !!values['demo-users'], seed: values.seed ? Number(values.seed) : undefined });
        if (!summary) throw new Error('The database already holds subscribers; seed only an empty one.');
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      });
      return;
    }
    case 'bench':
      await bench({
        subscribers: Number(values.subscribers ?? 1_000_000),
        runs: Number(values.runs ?? 5),
        only: values.only?.split(',').filter(Boolean),
        answers: values.answers,
        dataDir: BENCH_DATA_DIR,
      });
      return;
    case 'bench-imports': {
      const rows = Number(values.rows ?? 1_000_000);
      if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive whole number');
      await benchImports({ rows, explain: !!values.explain });
      return;
    }
    case 'bench-load':
      await benchLoad({
        subscribers: Number(values.subscribers ?? 1_000_000),
        seconds: Number(values.seconds ?? 15),
        only: values.only?.split(',').filter(Boolean),
        cpuProfDir: values['cpu-prof'],
        dataDir: BENCH_DATA_DIR,
      });
      return;
    case 'bench-suggestions': {
      const subscribers = Number(values.subscribers ?? 1_000_000);
      const rounds = Number(values.rounds ?? 5);
      if (!Number.isInteger(subscribers) || subscribers < 1) throw new Error('--subscribers must be a positive whole number');
      if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive whole number');
      await benchSuggestions({ subscribers, rounds, dataDir: BENCH_DATA_DIR });
      return;
    }
    case 'rollups':
      await withDatabase(config, (url) =>
        withClient(url, async (q) => {
          if (values.rebuild) {
            await rebuildReportRollups(q);
            process.stdout.write('Report roll-ups rebuilt.\n');
            return;
          }
          const { drifted } = await checkReportRollups(q);
          if (drifted.length) {
            process.stdout.write(`Report roll-ups differ from their recomputation: ${drifted.join(', ')}. Run: rollups --rebuild\n`);
            process.exitCode = 1;
          } else {
            process.stdout.write('Report roll-ups match their recomputation.\n');
          }
        }),
      );
      return;
    case 'create-admin': {
      const { username, password } = values;
      if (!username || !password) throw new Error('--username and --password are required');
      if (password.length < 8) throw new Error('--password must be at least 8 characters');
      await withDatabase(config, async (url) => {
        const pool = new Pool(pgConfig(url, { max: 1 }));
        try {
          const created = await createAdmin(pool, username, password, values['display-name'] ?? username);
          if (!created) throw new Error(`The user name ${username} is already taken.`);
          process.stdout.write(`Administrator ${username} created.\n`);
        } finally {
          await pool.end();
        }
      });
      return;
    }
    case 'backup': {
      const file = values.file ?? `retention-${appClock().now().toISOString().replace(/[:.]/g, '-')}.backup`;
      const header = await withServer(config, (url) => backupDatabase(url, file));
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(`Backup written to ${file}: ${header.tables.length} tables, ${rows} rows.\n`);
      return;
    }
    case 'openapi': {
      const text = `${JSON.stringify(await openApiDocumentWithoutServer(), null, 2)}\n`;
      if (values.file) writeFileSync(values.file, text);
      else process.stdout.write(text);
      return;
    }
    case 'restore': {
      if (!values.file) throw new Error('--file is required');
      if (values.clean && !values.yes) throw new Error('--clean drops every table of the database first: add --yes to confirm.');
      const file = values.file;
      const header = await withServer(config, (url) => restoreDatabase(url, file, { clean: values.clean }));
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(`Restored ${file}: ${header.tables.length} tables, ${rows} rows.\n`);
      return;
    }
    case 'import': {
      const [kind, file] = positionals;
      const code = await withDatabase(config, (url) => importCommand(url, config, { kind, file, dryRun: !!values['dry-run'], mapping: values.mapping }));
      // Exit at once: the embedded PostgreSQL's exit hook would end the process with 0 otherwise.
      if (code) process.exit(code);
      return;
    }
    default:
      process.stdout.write(`${USAGE}\n`);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

main().catch((e) => {
  process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
