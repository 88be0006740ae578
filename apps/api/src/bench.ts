import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { AppModule, configureApp } from '@retention/api-app';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { appClock, EmbeddedDatabase, pgConfig, freePort, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { CoreQuery, ReportsService } from '@retention/api-reports';
import { activeHiddenChurnRules, HIDDEN_CHURN_SIGNALS_SQL } from '@retention/api-hidden-churn';
import { addMonths, monthKeyOf } from '@retention/domain';
import { Client, Pool } from 'pg';
import { seedDemo, withClient } from './database';

const say = (s: string) => process.stdout.write(`${s}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The 95th percentile by nearest rank (with few runs, the slowest but one or the slowest). */
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * Report speed on a large operator: each report through the API (HTTP, JSON, auth included)
 * against its core query run directly in PostgreSQL, in the same run, on the same data.
 */
export async function bench(opts: { subscribers: number; runs: number; dataDir: string }): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env['DATABASE_URL'];
  if (!url) {
    say(`Embedded PostgreSQL for the benchmark in ${opts.dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: await freePort(), database: 'retention_bench', notice: say });
    url = embedded.url;
  }
  try {
    await runMigrations(url);
    await withClient(url, (q) => seedClassifierDefaults(q));
    const summary = await seedDemo(url, opts.subscribers);
    if (!summary) say('Reusing the data already in the database.');
    const pool = new Pool(pgConfig(url, { max: 4 }));
    const [size] = (await pool.query(
      `SELECT (SELECT count(*) FROM subscriber)::int AS subscribers,
              (SELECT count(*) FROM disconnect_request)::int AS requests,
              (SELECT count(*) FROM disconnect_request WHERE resolved_at > app_now() - interval '12 months')::int AS year_requests,
              (SELECT count(*) FROM payment)::int AS payments,
              (SELECT min(code) FROM region) AS region`,
    )).rows;
    await pool.end();

    process.env['DATABASE_URL'] = url;
    const app = configureApp(await NestFactory.create(AppModule.register({ ...process.env, LOG_LEVEL: 'warn', DEMO_SUBSCRIBERS: '0', JOB_POLL_SECONDS: '0.5', HIDDEN_CHURN_SCAN_CRON: 'off' }), { logger: false }));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'manager' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const reports = app.get(ReportsService);
    const to = monthKeyOf(appClock().now());
    const from = addMonths(to, -11);
    const filter = { from, to };
    const qs = `from=${from}&to=${to}`;

    // A case's paths are fetched at once (as a page does), its core statements one after another.
    const cases: { name: string; paths: string[]; cores: CoreQuery[] }[] = [
      {
        name: 'executive dashboard: key figures and three reports at once',
        paths: ['key-figures', 'churn-to-competitors', 'churn-by-reason', 'plan-vs-actual'].map((r) => `/reports/${r}?${qs}`),
        cores: [reports.keyCore(filter), reports.competitorsCore(filter), reports.reasonsCore(filter), reports.planCore(filter)],
      },
      ...[
      { name: 'churn to competitors', path: `/reports/churn-to-competitors?${qs}`, core: reports.competitorsCore(filter) },
      { name: 'churn by reason', path: `/reports/churn-by-reason?${qs}`, core: reports.reasonsCore(filter) },
      { name: 'NPS per operator', path: `/reports/nps-by-operator?${qs}`, core: reports.npsByOperatorCore(filter) },
      { name: 'plan versus actual', path: `/reports/plan-vs-actual?${qs}`, core: reports.planCore(filter) },
      { name: 'key figures', path: `/reports/key-figures?${qs}`, core: reports.keyCore(filter) },
      {
        name: `key figures, internet in ${size.region}`,
        path: `/reports/key-figures?${qs}&service=internet&region=${size.region}`,
        core: reports.keyCore({ ...filter, service: 'internet', region: size.region }),
      },
      { name: 'drill: went to a competitor, first page', path: `/reports/drill?${qs}&toCompetitor=true&limit=50`, core: reports.drillCore({ ...filter, toCompetitor: true, limit: 50 }) },
      ].map((c) => ({ name: c.name, paths: [c.path], cores: [c.core] })),
      ...(['left', 'saves', 'nps'] as const).map((figure) => {
        const core = reports.subscriberDrillCore({ ...filter, figure, limit: 50 });
        return { name: `drill: subscribers behind key figures (${figure}), first page`, paths: [`/reports/drill/subscribers?${qs}&figure=${figure}&limit=50`], cores: [core.page, core.count] };
      }),
    ];
    const direct = new Client(pgConfig(url));
    await direct.connect();
    say('');
    say(`Data: ${size.subscribers.toLocaleString('en')} subscribers, ${size.payments.toLocaleString('en')} payments, ` +
      `${size.requests.toLocaleString('en')} requests (${size.year_requests.toLocaleString('en')} in the last 12 months); report range ${from}..${to}; ${opts.runs} runs after one warm-up; ` +
      `load average ${load()} (1, 5, 15 min) at the start.`);
    say('');
    say('| report | API p50 (HTTP, ms) | API p95 | core query in PostgreSQL p50 (ms) | core p95 | ratio API / SQL (p50) |');
    say('|---|---:|---:|---:|---:|---:|');
    for (const c of cases) {
      const api: number[] = [];
      const sql: number[] = [];
      for (let i = 0; i <= opts.runs; i++) {
        let t = performance.now();
        await Promise.all(
          c.paths.map(async (path) => {
            const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
            await res.arrayBuffer();
            if (!res.ok) throw new Error(`${path}: ${res.status}`);
          }),
        );
        const apiMs = performance.now() - t;
        t = performance.now();
        for (const core of c.cores) await direct.query(core.sql, core.params);
        const sqlMs = performance.now() - t;
        if (i > 0) {
          api.push(apiMs);
          sql.push(sqlMs);
        }
      }
      say(`| ${c.name} | ${median(api).toFixed(0)} | ${p95(api).toFixed(0)} | ${median(sql).toFixed(0)} | ${p95(sql).toFixed(0)} | ${(median(api) / median(sql)).toFixed(2)} |`);
    }
    say('');
    say(`Load average ${load()} (1, 5, 15 min) after the reports.`);
    await benchHiddenChurnScan(base, accessToken, direct, opts.runs);
    await direct.end();
    await app.close();
  } finally {
    await embedded?.stop();
  }
}

/**
 * The hidden-churn scan over the whole base: through the API (POST, then GET until completed: the job queue's pick-up
 * included), the scan itself (the job's start to its end: signals, closings, upserts, audit, in one transaction), and
 * its core statement alone (the signals of every subscriber into a temporary table, rolled back).
 */
async function benchHiddenChurnScan(base: string, token: string, direct: Client, runs: number): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  const { rules } = await activeHiddenChurnRules(direct);
  const api: number[] = [];
  const job: number[] = [];
  const sql: number[] = [];
  let counts: Record<string, number> = {};
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    const started = await fetch(`${base}/hidden-churn/scans`, { method: 'POST', headers: auth });
    if (started.status !== 202) throw new Error(`POST /hidden-churn/scans: ${started.status}`);
    const { id } = (await started.json()) as { id: string };
    let scan: { status: string; startedAt: string; finishedAt: string; counts: Record<string, number> };
    for (;;) {
      scan = (await (await fetch(`${base}/hidden-churn/scans/${id}`, { headers: auth })).json()) as typeof scan;
      if (scan.status === 'completed' || scan.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (scan.status !== 'completed') throw new Error(`scan ${id} failed`);
    const apiMs = performance.now() - t;
    t = performance.now();
    await direct.query('BEGIN');
    await direct.query(`CREATE TEMP TABLE hc_core ON COMMIT DROP AS ${HIDDEN_CHURN_SIGNALS_SQL}`, [JSON.stringify(rules)]);
    await direct.query('ROLLBACK');
    const sqlMs = performance.now() - t;
    if (i > 0) {
      api.push(apiMs);
      job.push(Date.parse(scan.finishedAt) - Date.parse(scan.startedAt));
      sql.push(sqlMs);
    }
    counts = scan.counts;
  }
  say('');
  say(`Hidden-churn scan (median of ${runs} runs after one warm-up; last run: ${counts['subscribersScanned']?.toLocaleString('en')} subscribers scanned, ` +
    `${counts['flagged']?.toLocaleString('en')} flagged, ${counts['opened']} opened, ${counts['updated']?.toLocaleString('en')} updated, ${counts['returned']} returned, ${counts['lost']} lost):`);
  say('');
  say('| hidden-churn scan | ms | ratio to the core SQL |');
  say('|---|---:|---:|');
  say(`| core SQL alone (signals of the whole base into a temporary table) | ${median(sql).toFixed(0)} | 1.00 |`);
  say(`| the scan as the job runs it (signals, closings, upserts, audit; one transaction) | ${median(job).toFixed(0)} | ${(median(job) / median(sql)).toFixed(2)} |`);
  say(`| through the API: POST, queue pick-up, scan, GET until completed | ${median(api).toFixed(0)} | ${(median(api) / median(sql)).toFixed(2)} |`);
}

export const BENCH_DATA_DIR = join(process.cwd(), '.pgdata-bench');
