import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { seedClassifierDefaults } from '@retention/api-classifier';
import { EmbeddedDatabase, freePort, pgConfig, runMigrations, startEmbeddedPostgres } from '@retention/api-core';
import { Pool } from 'pg';
import { signIn, waitFor } from './bench-server';
import { seedDemo, withClient } from './database';

const say = (s: string) => process.stdout.write(`${s}\n`);

/** One kind of request the load sends: its label and how to build the next one. */
interface Kind {
  name: string;
  weight: number;
  next: () => { method: 'GET' | 'POST'; path: string; body?: string };
}

interface Sample {
  kind: string;
  ms: number;
  status: number;
}

interface Run {
  name: string;
  kinds: Kind[];
  /** Requests per second, sent on a fixed schedule whatever the answers take (open loop); 0: as fast as the connections go. */
  rate: number;
  connections: number;
}

export interface LoadBenchOptions {
  subscribers: number;
  dataDir: string;
  seconds: number;
  only?: string[];
  /** Where the server writes its CPU profile (node --cpu-prof), read in Chrome's DevTools or by a script. */
  cpuProfDir?: string;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The operators' load on a large operator: the built server started as users run it
 * (node dist/apps/api/main.js with DATABASE_URL; WORKERS passes through), driven by autocannon.
 * A rated run is open loop: each connection sends on its own fixed schedule (spread evenly over
 * the second) and a request's time counts from when it was due, so a slow answer delays the
 * ones behind it on the clock instead of hiding them (no coordinated omission).
 */
export async function benchLoad(opts: LoadBenchOptions): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env['DATABASE_URL'];
  if (!url) {
    say(`Embedded PostgreSQL for the benchmark in ${opts.dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: await freePort(), database: 'retention_bench', notice: say });
    url = embedded.url;
  }
  let server: ChildProcess | undefined;
  try {
    await runMigrations(url);
    await withClient(url, (q) => seedClassifierDefaults(q));
    const summary = await seedDemo(url, opts.subscribers);
    if (!summary) say('Reusing the data already in the database.');

    const pool = new Pool(pgConfig(url, { max: 2 }));
    const [size] = (await pool.query(
      `SELECT (SELECT count(*) FROM subscriber)::int AS subscribers,
              (SELECT count(*) FROM disconnect_request)::int AS requests,
              pg_size_pretty(pg_database_size(current_database())) AS bytes`,
    )).rows;
    // What operators type: account numbers, phones as written and as digits, first names,
    // surnames, both in either order, a street.
    const sample: { account_number: string; full_name: string; phone: string; address: string; active: boolean }[] = (
      await pool.query(`SELECT account_number, full_name, phone, address, status = 'active' AS active FROM subscriber TABLESAMPLE SYSTEM (1) LIMIT 5000`)
    ).rows;
    // Subscribers a create may be made for: active, with services, no open request; each used once, so every
    // create of the run creates (a repeat would be a cheaper 409).
    const creatable: string[] = (
      await pool.query(
        `SELECT s.account_number FROM subscriber s TABLESAMPLE SYSTEM (${Math.min(100, Math.max(8, (6_000_000 / Math.max(1, size.subscribers))))})
          WHERE s.status = 'active'
            AND EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND x.started_on <= app_today() AND (x.ended_on IS NULL OR x.ended_on > app_today()))
            AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id AND d.status <> 'resolved')
          LIMIT 60000`,
      )
    ).rows.map((r: { account_number: string }) => r.account_number);
    let nextCreatable = 0;
    const accounts = sample.map((s) => s.account_number);
    const firstNames = [...new Set(sample.map((s) => s.full_name.split(' ')[0]))];
    const searches: string[] = sample.flatMap((s) => {
      const [first, ...rest] = s.full_name.split(' ');
      const last = rest.join(' ');
      return [
        s.account_number,
        s.phone,
        s.phone.replace(/\D/g, '').slice(-7),
        first,
        last,
        `${first} ${last}`,
        `${last} ${first.slice(0, 3)}`,
        s.address.split(',')[0],
      ];
    });
    const texts = ['too expensive', 'moving to another city', 'internet is slow in the evening', 'competitor offers a cheaper tariff', 'дорого', 'переїжджаю'];

    const port = await freePort();
    const env = { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO_SUBSCRIBERS: '0', LOG_FORMAT: 'json' };
    say(`Starting the built server (main.js${process.env['WORKERS'] ? `, WORKERS=${process.env['WORKERS']}` : ''}) on port ${port}`);
    const profile = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
    server = spawn(process.execPath, [...profile, join(__dirname, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health/live`, server);

    const operator = await signIn(base, 'operator');

    const card: Kind = { name: 'card', weight: 40, next: () => ({ method: 'GET', path: `/api/subscribers/${pick(accounts)}` }) };
    const search: Kind = {
      name: 'search',
      weight: 20,
      next: () => ({ method: 'GET', path: `/api/subscribers?search=${encodeURIComponent(pick(searches))}&limit=25` }),
    };
    const suggest: Kind = {
      name: 'suggest',
      weight: 20,
      next: () => ({ method: 'GET', path: `/api/churn-reasons/suggest?text=${encodeURIComponent(pick(texts))}&lang=en` }),
    };
    const queue: Kind = { name: 'queue', weight: 20, next: () => ({ method: 'GET', path: '/api/disconnect-requests?limit=50' }) };
    const mix = [card, search, suggest, queue];
    const all: Run[] = [
      { name: 'mix at 100 req/s', kinds: mix, rate: 100, connections: 64 },
      { name: 'mix at 200 req/s', kinds: mix, rate: 200, connections: 96 },
      { name: 'mix, saturation (64 connections)', kinds: mix, rate: 0, connections: 64 },
      {
        name: 'search by a first name alone (16 connections)',
        kinds: [{ name: 'search', weight: 1, next: () => ({ method: 'GET', path: `/api/subscribers?search=${encodeURIComponent(pick(firstNames))}&limit=25` }) }],
        rate: 0,
        connections: 16,
      },
      { name: 'search, the mix of what operators type (16 connections)', kinds: [{ ...search, weight: 1 }], rate: 0, connections: 16 },
      { name: 'card alone (16 connections)', kinds: [{ ...card, weight: 1 }], rate: 0, connections: 16 },
      { name: 'suggest alone (16 connections)', kinds: [{ ...suggest, weight: 1 }], rate: 0, connections: 16 },
      { name: 'queue alone (16 connections)', kinds: [{ ...queue, weight: 1 }], rate: 0, connections: 16 },
      { name: '/api/health (16 connections)', kinds: [{ name: 'health', weight: 1, next: () => ({ method: 'GET', path: '/api/health' }) }], rate: 0, connections: 16 },
      {
        name: 'disconnect-request create (16 connections)',
        kinds: [
          {
            name: 'create',
            weight: 1,
            next: () => ({
              method: 'POST',
              path: '/api/disconnect-requests',
              body: JSON.stringify({ accountNumber: creatable[nextCreatable++ % creatable.length], services: [], channel: 'phone', statedReason: pick(texts) }),
            }),
          },
        ],
        rate: 0,
        connections: 16,
      },
    ];
    const runs = all.filter((r) => !opts.only?.length || opts.only.some((o) => r.name.includes(o)));

    say('');
    say(`Data: ${size.subscribers.toLocaleString('en')} subscribers, ${size.requests.toLocaleString('en')} disconnect requests, database ${size.bytes}. ` +
      `Machine: ${cpus().length} cores, load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')}. ${opts.seconds} s a run after 3 s of warm-up.`);
    await drive(base, operator, { name: 'warm-up', kinds: mix, rate: 0, connections: 16 }, 3);
    say('');
    say('| load | endpoint | requests | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | non-2xx | CPU ms/req API | CPU ms/req PostgreSQL |');
    say('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const [{ id: operatorId }] = (await pool.query(`SELECT id FROM app_user WHERE username = 'operator'`)).rows;
    // The processor time a request costs, which a machine shared with other work changes far less than the
    // throughput: the API's processes and PostgreSQL's (when it runs on this machine), before and after a run.
    const postmaster = await postmasterPid(pool);
    for (const run of runs) {
      const [{ started }] = (await pool.query(`SELECT least(now(), app_now()) AS started`)).rows;
      const cpuBefore = { api: treeCpuMs(server.pid), db: treeCpuMs(postmaster) };
      const { samples, seconds } = await drive(base, operator, run, opts.seconds);
      const cpu = { api: treeCpuMs(server.pid) - cpuBefore.api, db: treeCpuMs(postmaster) - cpuBefore.db };
      // Requests still in flight when the run's time was up are answered after it: let them land before the cleanup.
      await new Promise((r) => setTimeout(r, 2000));
      // What a run created goes again (with its audit trail), so every run, and the next benchmark, meets the same data.
      await pool.query(`DELETE FROM disconnect_request WHERE created_by = $1 AND created_at >= $2`, [operatorId, started]);
      const groups = run.kinds.length > 1 ? [...run.kinds.map((k) => k.name), 'all'] : [run.kinds[0].name];
      for (const g of groups) {
        const xs = samples.filter((s) => g === 'all' || s.kind === g);
        const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
        const badStatuses = xs.filter((s) => s.status < 200 || s.status >= 300).map((s) => s.status);
        // Which answers they were (a 401 is the token, a 404 the sample, a 409 a repeated create), not only how many.
        const byStatus = [...new Set(badStatuses)].sort().map((st) => `${badStatuses.filter((b) => b === st).length}×${st}`).join(' ');
        const bad = badStatuses.length ? `${badStatuses.length} (${byStatus})` : '0';
        say(
          `| ${run.name} | ${g} | ${xs.length} | ${(xs.length / seconds).toFixed(0)} | ${percentile(ms, 50).toFixed(1)} | ` +
            `${percentile(ms, 95).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${bad} | ` +
            (g === groups[groups.length - 1] ? `${perRequest(cpu.api, samples.length)} | ${perRequest(cpu.db, samples.length)} |` : ' | |'),
        );
      }
    }
    await pool.end();
    say('');
    say(`Load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await embedded?.stop();
  }
}

const perRequest = (ms: number, n: number) => (Number.isFinite(ms) && n ? (ms / n).toFixed(2) : '-');

/** /proc/<pid>/stat's fields after the command name: [state, ppid, ..., utime (index 11), stime, cutime, cstime]. */
function statOf(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * The processor time, in ms, a process and its descendants have used: their own, and that of the children they
 * have reaped (a PostgreSQL backend that ended counts in the postmaster's). NaN where /proc is not there.
 */
function treeCpuMs(root: number | null | undefined): number {
  if (!root || !statOf(root)) return NaN;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(Number(name));
    if (stat) children.set(Number(stat[1]), [...(children.get(Number(stat[1])) ?? []), Number(name)]);
  }
  const tick = 1000 / 100; // USER_HZ: 100 on Linux
  let ms = 0;
  const visit = (pid: number) => {
    const stat = statOf(pid);
    if (stat) ms += (Number(stat[11]) + Number(stat[12]) + Number(stat[13]) + Number(stat[14])) * tick;
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return ms;
}

/** The PostgreSQL server's main process when it runs on this machine (the parent of its checkpointer), else null. */
async function postmasterPid(pool: Pool): Promise<number | null> {
  const [row] = (await pool.query(`SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`)).rows;
  const ppid = row ? Number(statOf(row.pid)?.[1]) : NaN;
  return Number.isInteger(ppid) && ppid > 1 ? ppid : null;
}

/** Internals of an autocannon client this driver paces (autocannon 9). */
interface PacedClient {
  _doRequest: () => void;
  setRequests: (requests: autocannon.Request[]) => void;
}

async function drive(base: string, token: string, run: Run, seconds: number): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const total = run.kinds.reduce((s, k) => s + k.weight, 0);
  const choose = () => {
    let x = Math.random() * total;
    for (const k of run.kinds) if ((x -= k.weight) < 0) return k;
    return run.kinds[run.kinds.length - 1];
  };
  // Per client: what it sent, and when each request was due, in order (one in flight at a time).
  const pending = new Map<unknown, { kind: string; due: number }[]>();
  let index = 0;
  const period = run.rate ? (run.connections / run.rate) * 1000 : 0;
  const started = performance.now();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  let finished!: (e?: Error | null) => void;
  const done = new Promise<void>((resolve, reject) => (finished = (e) => (e ? reject(e) : resolve())));
  const instance = autocannon({
    url: base,
    connections: run.connections,
    duration: seconds,
    headers,
    setupClient: (c: unknown) => {
      const client = c as PacedClient;
      const mine: { kind: string; due: number }[] = [];
      pending.set(client, mine);
      let due = performance.now() + (period ? ((index++ % run.connections) * period) / run.connections : 0);
      let scheduled = due;
      client.setRequests([
        {
          setupRequest: (req) => {
            const kind = choose();
            const next = kind.next();
            // Open loop: counted from when it was due; closed loop: from when it is sent (now).
            mine.push({ kind: kind.name, due: period ? scheduled : performance.now() });
            return { ...req, method: next.method, path: next.path, body: next.body, headers };
          },
        },
      ]);
      if (period) {
        // Open loop: the next request is due one period after the last was due, sent then or at once if late.
        const send = client._doRequest.bind(client);
        client._doRequest = () => {
          scheduled = due;
          due += period;
          const wait = scheduled - performance.now();
          if (wait > 0) setTimeout(send, wait);
          else send();
        };
      }
    },
  }, (e) => finished(e));
  instance.on('response', (client: unknown, statusCode: number) => {
    const sent = pending.get(client)?.shift();
    if (sent) samples.push({ kind: sent.kind, ms: performance.now() - sent.due, status: statusCode });
  });
  await done;
  return { samples, seconds: (performance.now() - started) / 1000 };
}

export const LOAD_BENCH_DATA_DIR = join(process.cwd(), '.pgdata-bench');
