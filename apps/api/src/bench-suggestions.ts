import { ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { EmbeddedDatabase, freePort, pgConfig, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import type { ReasonModelView } from '@retention/contracts';
import { evalItems, learnedScorer, LearnedScorer, ReasonModel, suggestReasonsDetailed } from '@retention/domain';
import { Pool } from 'pg';
import { signIn, waitFor } from './bench-server';
import { seedDemo, withClient } from './database';

const say = (s: string) => process.stdout.write(`${s}\n`);

export interface SuggestionBenchOptions {
  subscribers: number;
  rounds: number;
  dataDir: string;
}

interface Timing {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
}

function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { calls: sorted.length, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * How long one reason suggestion takes through the API (docs/methodology.md, "Reason suggestions"): the operator
 * generated as `bench` and `bench-load` generate it (default 1,000,000 subscribers with two years of history, kept in
 * .pgdata-bench/ or DATABASE_URL), the built server started as users run it, a model version trained on the
 * operator's own resolutions through the API (the retraining job) and then, round by round, every text of the
 * evaluation set asked of `GET /api/churn-reasons/suggest` one after another with the synonym table alone and with
 * that version switched on (`PUT /api/reason-models/active`), alternating so that both meet the same machine. The same
 * texts are also timed in this process against the domain function (table alone, and with the same model), which is
 * the share of a call that is the suggester itself. The version active before the run is switched back on after it.
 */
export async function benchSuggestions(opts: SuggestionBenchOptions): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env['DATABASE_URL'];
  if (!url) {
    say(`Embedded PostgreSQL for the benchmark in ${opts.dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: await freePort(), database: 'retention_bench', notice: say });
    url = embedded.url;
  }
  let server: ChildProcess | undefined;
  const pool = new Pool(pgConfig(url, { max: 2 }));
  try {
    await runMigrations(url);
    await withClient(url, (q) => seedClassifierDefaults(q));
    if (!(await seedDemo(url, opts.subscribers))) say('Reusing the data already in the database.');
    const [size] = (
      await pool.query(
        `SELECT (SELECT count(*) FROM subscriber)::int AS subscribers,
                (SELECT count(*) FROM disconnect_request)::int AS requests,
                (SELECT count(*) FROM reason_example)::int AS resolutions,
                pg_size_pretty(pg_database_size(current_database())) AS bytes`,
      )
    ).rows;
    const [before] = (await pool.query(`SELECT version FROM reason_model WHERE active`)).rows as { version: number }[];

    const port = await freePort();
    const env = { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO_SUBSCRIBERS: '0', LOG_FORMAT: 'json', JOB_POLL_SECONDS: '0.5' };
    say(`Starting the built server (main.js) on port ${port}`);
    server = spawn(process.execPath, [join(__dirname, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health/live`, server);
    const call = async (token: string, method: string, path: string, body?: unknown): Promise<Response> => {
      try {
        return await fetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (e) {
        throw new Error(`${method} ${path}: ${(e as Error).message} (${String((e as { cause?: unknown }).cause ?? '')})`);
      }
    };
    const manager = await signIn(base, 'manager');
    const operator = await signIn(base, 'operator');

    // A version trained on this operator's resolutions, as a manager asks for one.
    const trainStarted = performance.now();
    const queued = (await (await call(manager, 'POST', '/api/reason-models/retrain')).json()) as ReasonModelView;
    let trained: ReasonModelView | undefined;
    for (const until = Date.now() + 30 * 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      const list = (await (await call(manager, 'GET', '/api/reason-models')).json()) as ReasonModelView[];
      trained = list.find((m) => m.version === queued.version);
      if (trained?.status === 'ready' || trained?.status === 'failed') break;
    }
    if (trained?.status !== 'ready') throw new Error(`The training of version ${queued.version} did not finish: ${trained?.status} ${trained?.error ?? ''}`);
    const trainSeconds = (performance.now() - trainStarted) / 1000;
    const [{ model }] = (await pool.query(`SELECT model FROM reason_model WHERE version = $1`, [trained.version])).rows as { model: ReasonModel }[];

    const switchTo = async (version: number | null): Promise<boolean> => {
      const res = await call(manager, 'PUT', '/api/reason-models/active', { version });
      if (res.status === 409) return false;
      if (!res.ok) throw new Error(`Switching to version ${version}: ${res.status} ${await res.text()}`);
      return true;
    };
    const texts = evalItems().map((i) => i.text);
    const viaApi = async (sink: number[]) => {
      for (const text of texts) {
        const started = performance.now();
        const res = await call(operator, 'GET', `/api/churn-reasons/suggest?text=${encodeURIComponent(text)}&lang=en`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`Suggest "${text}": ${res.status}`);
        sink.push(performance.now() - started);
      }
    };
    const scorer: LearnedScorer = learnedScorer(model, trained.weight ?? 0);
    const inProcess = (sink: number[], learned: LearnedScorer | null) => {
      for (const text of texts) {
        const started = performance.now();
        suggestReasonsDetailed(text, { learned });
        sink.push(performance.now() - started);
      }
    };

    const loadBefore = loadavg();
    // Warm-up: a pass of each (the server's index, the model read once per version; this process's as well).
    await switchTo(null);
    await viaApi([]);
    let blendedOn = await switchTo(trained.version);
    if (blendedOn) await viaApi([]);
    inProcess([], null);
    inProcess([], scorer);
    const api = { table: [] as number[], blended: [] as number[] };
    const local = { table: [] as number[], blended: [] as number[] };
    for (let round = 0; round < opts.rounds; round++) {
      await switchTo(null);
      await viaApi(api.table);
      if (blendedOn) {
        blendedOn = await switchTo(trained.version);
        await viaApi(api.blended);
      }
      inProcess(local.table, null);
      inProcess(local.blended, scorer);
    }
    const loadAfter = loadavg();

    say('');
    say(
      `Data: ${size.subscribers.toLocaleString('en')} subscribers, ${size.requests.toLocaleString('en')} disconnect requests, ` +
        `${size.resolutions.toLocaleString('en')} resolutions with stated words, database ${size.bytes}.`,
    );
    say(
      `Model: version ${trained.version}, trained through the API on ${(trained.examples ?? 0).toLocaleString('en')} resolutions ` +
        `(${(trained.heldOut ?? 0).toLocaleString('en')} held back) plus its seed examples in ${trainSeconds.toFixed(1)} s, ` +
        `${Object.keys(model.counts).length.toLocaleString('en')} features; it ${trained.beatsRules ? 'beats' : 'does not beat'} the table on the held-back resolutions.`,
    );
    say(
      `Machine: ${cpus().length} cores, load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ` +
        `${loadAfter.map((l) => l.toFixed(2)).join(' ')}. ${opts.rounds} rounds of the ${texts.length} texts of the evaluation set, one call at a time.`,
    );
    say('');
    say('| suggestion | via | calls | p50 (ms) | p95 (ms) | p99 (ms) |');
    say('|---|---|---:|---:|---:|---:|');
    const row = (name: string, via: string, t: Timing) =>
      say(`| ${name} | ${via} | ${t.calls} | ${t.p50.toFixed(2)} | ${t.p95.toFixed(2)} | ${t.p99.toFixed(2)} |`);
    const apiTable = timing(api.table);
    row('synonym table alone', 'GET /api/churn-reasons/suggest', apiTable);
    if (api.blended.length) row('blended with the model', 'GET /api/churn-reasons/suggest', timing(api.blended));
    const localTable = timing(local.table);
    const localBlended = timing(local.blended);
    row('synonym table alone', 'in process', localTable);
    row('blended with the model', 'in process', localBlended);
    say('');
    if (api.blended.length) say(`p95 through the API, blended / table alone: ${(timing(api.blended).p95 / apiTable.p95).toFixed(2)}x`);
    else say('The trained version does not beat the table on the held-back resolutions, so it cannot be switched on: no blended figure through the API.');
    say(`p95 in process, blended / table alone: ${(localBlended.p95 / localTable.p95).toFixed(2)}x`);

    await switchTo(before?.version ?? null);
  } finally {
    await pool.end();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await embedded?.stop();
  }
}
