import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { AppModule, configureApp } from '@retention/api-app';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { appClock, EmbeddedDatabase, pgConfig, freePort, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { CoreQuery, ReportsService } from '@retention/api-reports';
import { activeHiddenChurnRules, HIDDEN_CHURN_SIGNALS_SQL } from '@retention/api-hidden-churn';
import { addMonths, monthKeyOf, monthStart, nextMonthStart, reportPeriodAsOf } from '@retention/domain';
import { Client, Pool } from 'pg';
import { seedDemo, withClient } from './database';
import {
  type Baseline,
  type BaselineFilter,
  competitorDrillBaseline,
  competitorsBaseline,
  keyFiguresBaseline,
  npsBaseline,
  planBaseline,
  reasonsBaseline,
  subscriberDrillBaseline,
  together,
} from './bench-baselines';

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
 * Report speed on a large operator: each report through the API (HTTP, JSON, auth included) against the
 * report's own core statements run directly in PostgreSQL, and against the baseline, the simplest hand-written
 * SQL over the raw tables that gives its headline figure (bench-baselines.ts), in the same run, on the same
 * data. The baseline's numbers are checked against the API's answer first; a mismatch is printed.
 * `only` keeps the cases whose name holds one of its words (the hidden-churn scan runs when one is "scan");
 * `answers` is a file of the reports' JSON answers for several filters: written when it does not exist,
 * else compared with today's answers (a change of a report's speed must not change what it answers).
 */
export async function bench(opts: { subscribers: number; runs: number; dataDir: string; only?: string[]; answers?: string }): Promise<void> {
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

    process.env['DATABASE_URL'] = url;
    const app = configureApp(await NestFactory.create(AppModule.register({ ...process.env, LOG_LEVEL: 'warn', DEMO_SUBSCRIBERS: '0', JOB_POLL_SECONDS: '0.5', HIDDEN_CHURN_SCAN_CRON: 'off' }), { logger: false }));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'manager' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = async (path: string): Promise<unknown> => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return body;
    };
    if (opts.answers) await compareAnswers(opts.answers, get, size.region);
    const reports = app.get(ReportsService);
    const to = monthKeyOf(appClock().now());
    const from = addMonths(to, -11);
    const filter = { from, to };
    const qs = `from=${from}&to=${to}`;
    const asOfEnd = reportPeriodAsOf(from, to, appClock().today()).current.end;
    const period: BaselineFilter = { fromDate: monthStart(from), toDate: nextMonthStart(to), asOfEnd };
    const internetInRegion = { ...period, service: 'internet', region: size.region };

    // A case's paths are fetched at once (as a page does), its core statements one after another, its baseline's
    // statements at once (one connection each).
    const all: { name: string; paths: string[]; cores: CoreQuery[]; baseline: Baseline }[] = [
      {
        name: 'executive dashboard: key figures and three reports at once',
        paths: ['key-figures', 'churn-to-competitors', 'churn-by-reason', 'plan-vs-actual'].map((r) => `/reports/${r}?${qs}`),
        cores: [reports.keyCore(filter), reports.competitorsCore(filter), reports.reasonsCore(filter), reports.planCore(filter)],
        baseline: together([keyFiguresBaseline(period), competitorsBaseline(period), reasonsBaseline(period), planBaseline(period)]),
      },
      ...[
      { name: 'churn to competitors', path: `/reports/churn-to-competitors?${qs}`, core: reports.competitorsCore(filter), baseline: competitorsBaseline(period) },
      { name: 'churn by reason', path: `/reports/churn-by-reason?${qs}`, core: reports.reasonsCore(filter), baseline: reasonsBaseline(period) },
      { name: 'plan versus actual', path: `/reports/plan-vs-actual?${qs}`, core: reports.planCore(filter), baseline: planBaseline(period) },
      { name: 'key figures', path: `/reports/key-figures?${qs}`, core: reports.keyCore(filter), baseline: keyFiguresBaseline(period) },
      {
        name: `key figures, internet in ${size.region}`,
        path: `/reports/key-figures?${qs}&service=internet&region=${size.region}`,
        core: reports.keyCore({ ...filter, service: 'internet', region: size.region }),
        baseline: keyFiguresBaseline(internetInRegion),
      },
      {
        name: 'drill: went to a competitor, first page',
        path: `/reports/drill?${qs}&toCompetitor=true&limit=50`,
        core: reports.drillCore({ ...filter, toCompetitor: true, limit: 50 }),
        baseline: competitorDrillBaseline(period, 50),
      },
      ].map((c) => ({ name: c.name, paths: [c.path], cores: [c.core], baseline: c.baseline })),
      {
        // Its two statements: the credited answers per person (the headline) and every answer for the overall figure.
        name: 'NPS per operator',
        paths: [`/reports/nps-by-operator?${qs}`],
        cores: [reports.npsByOperatorCore(filter), reports.npsOverallCore(filter)],
        baseline: npsBaseline(period),
      },
      ...(['left', 'saves', 'nps'] as const).map((figure) => {
        const core = reports.subscriberDrillCore({ ...filter, figure, limit: 50 });
        return {
          name: `drill: subscribers behind key figures (${figure}), first page`,
          paths: [`/reports/drill/subscribers?${qs}&figure=${figure}&limit=50`],
          cores: [core.page, core.count],
          baseline: subscriberDrillBaseline(period, figure, 50),
        };
      }),
    ];
    const cases = all.filter((c) => !opts.only?.length || opts.only.some((w) => c.name.includes(w)));
    const direct = new Client(pgConfig(url));
    await direct.connect();
    const runBaseline = (b: Baseline) => Promise.all(b.statements.map(async (s) => (await pool.query(s.sql, s.params)).rows as Record<string, unknown>[]));
    say('');
    say(`Data: ${size.subscribers.toLocaleString('en')} subscribers, ${size.payments.toLocaleString('en')} payments, ` +
      `${size.requests.toLocaleString('en')} requests (${size.year_requests.toLocaleString('en')} in the last 12 months); report range ${from}..${to}; ${opts.runs} runs after one warm-up; ` +
      `load average ${load()} (1, 5, 15 min) at the start.`);
    say('');
    say('| report | API p50 (HTTP, ms) | API p95 | own SQL p50 | own SQL p95 | baseline SQL p50 | baseline p95 | API / own SQL (p50) | API / baseline p50 | API / baseline p95 | < 150 ms and <= 1.5x baseline (p50) |');
    say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    const mismatches: string[] = [];
    for (const c of cases) {
      const api: number[] = [];
      const sql: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i <= opts.runs; i++) {
        let t = performance.now();
        const answers = await Promise.all(c.paths.map(get));
        const apiMs = performance.now() - t;
        t = performance.now();
        for (const core of c.cores) await direct.query(core.sql, core.params);
        const sqlMs = performance.now() - t;
        t = performance.now();
        const rows = await runBaseline(c.baseline);
        const rawMs = performance.now() - t;
        if (i === 0) mismatches.push(...c.baseline.check(answers, rows).map((m) => `${c.name}: ${m}`));
        else {
          api.push(apiMs);
          sql.push(sqlMs);
          raw.push(rawMs);
        }
      }
      const ratio = median(api) / median(raw);
      const meets = median(api) < 150 && ratio <= 1.5 ? 'yes' : `no (${[median(api) >= 150 ? '>= 150 ms' : '', ratio > 1.5 ? '> 1.5x' : ''].filter(Boolean).join(', ')})`;
      say(`| ${c.name} | ${median(api).toFixed(0)} | ${p95(api).toFixed(0)} | ${median(sql).toFixed(0)} | ${p95(sql).toFixed(0)} | ${median(raw).toFixed(0)} | ${p95(raw).toFixed(0)} | ` +
        `${(median(api) / median(sql)).toFixed(2)} | ${ratio.toFixed(2)} | ${(p95(api) / p95(raw)).toFixed(2)} | ${meets} |`);
    }
    say('');
    say(mismatches.length ? `Baseline against the API, MISMATCH:\n${mismatches.map((m) => `  ${m}`).join('\n')}` : 'Baseline against the API: every headline figure equal.');
    say(`Load average ${load()} (1, 5, 15 min) after the reports.`);
    await pool.end();
    if (!opts.only?.length || opts.only.includes('scan')) await benchHiddenChurnScan(base, accessToken, direct, opts.runs);
    await direct.end();
    await app.close();
  } finally {
    await embedded?.stop();
  }
}

/**
 * The reports' answers for several filters (whole base, one region, one service; 3 and 12 months), written to
 * `file` when it does not exist, else compared with it answer by answer.
 */
async function compareAnswers(file: string, get: (path: string) => Promise<unknown>, region: string): Promise<void> {
  const to = monthKeyOf(appClock().now());
  const paths: string[] = [];
  for (const months of [3, 12]) {
    for (const slice of ['', `&region=${region}`, '&service=internet', `&service=tv&region=${region}`]) {
      const qs = `from=${addMonths(to, 1 - months)}&to=${to}${slice}`;
      for (const r of ['key-figures', 'churn-to-competitors', 'churn-by-reason', 'plan-vs-actual', 'nps-by-operator']) paths.push(`/reports/${r}?${qs}`);
      paths.push(`/reports/drill?${qs}&toCompetitor=true&limit=50`, `/reports/drill?${qs}&churnType=managed&limit=50&offset=100`);
      for (const figure of ['left', 'saves', 'nps']) paths.push(`/reports/drill/subscribers?${qs}&figure=${figure}&limit=50`);
    }
  }
  const now: Record<string, unknown> = {};
  for (const p of paths) now[p] = await get(p);
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify(now));
    say(`Answers of ${paths.length} report requests written to ${file}.`);
    return;
  }
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const differ = paths.filter((p) => JSON.stringify(before[p]) !== JSON.stringify(now[p]));
  say(differ.length ? `Answers DIFFER from ${file} for ${differ.length} of ${paths.length} requests:\n${differ.map((p) => `  ${p}`).join('\n')}` : `Answers of ${paths.length} report requests equal to ${file}.`);
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
