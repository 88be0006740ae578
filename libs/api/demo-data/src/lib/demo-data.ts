import { DemoPeople, insertDemoBonusScheme, insertDemoTeam } from './demo-motivation';
import { seedHiddenChurnCases } from '@retention/api-hidden-churn';
import { generateDemoPlans } from './demo-plans';
import { appClock } from '@retention/api-core';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { formatDay, parseDay } from './calendar';
import { Rng, streamSeed } from './prng';
import { COMPETITORS, NAME_TRANSLATIONS, REGIONS, SERVICES } from './reference-data';
import { APPROVAL_COLUMNS, CompetitorCoverage, EVENT_COLUMNS, REQUEST_COLUMNS, RequestModel, RequestRows } from './request-model';
import { insertStaff } from './staff';
import { ReferenceIds, SubscriberModel, SubscriberPlan } from './subscriber-model';

export interface DemoDataOptions {
  /** 20000 for the demo, 1000000 for benchmarks. */
  subscribers: number;
  /** Default 20261122; the same seed and asOf give identical data. */
  seed?: number;
  /** 'YYYY-MM-DD', default today (UTC); the history covers the 24 months before it. */
  asOf?: string;
  /**
   * The moment today's open work (requests waiting, in progress, call-backs) is relative to: an ISO
   * timestamp on asOf. Default: asOf at 12:00 UTC when asOf is given (deterministic), the current
   * time (to the minute) when it is not, so that a demo started now finds a live queue.
   */
  now?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface DemoDataSummary {
  subscribers: number;
  subscriptions: number;
  payments: number;
  usageRows: number;
  surveys: number;
  /** Generated operators (app_user rows with role 'operator'). */
  operators: number;
  /** Disconnect requests: two years resolved, and today's open ones. */
  requests: number;
  /** Their audit records (request_event rows). */
  events: number;
  /** Offer approvals waiting for a manager. */
  approvals: number;
  /** Churn plan lines: one per service for each of the last 24 months and the current one. */
  planLines: number;
  /** Hidden-churn cases the first scan opened (and the demo operator's call list got up to ten of them). */
  hiddenChurnCases: number;
  millis: number;
}

export const DEFAULT_DEMO_SEED = 20261122;
/** Subscribers simulated and written per round of COPY statements (bounds memory). */
const BATCH = 10_000;
/** Characters per chunk handed to a COPY stream. */
const CHUNK = 1 << 18;
const MAX_SUBSCRIBERS = 9_000_000;
const STREAM_REFERENCE = 100;
const MS_PER_DAY = 86_400_000;

/** No subscribers and no regions: a database the generator (or an import) may fill. */
export async function isDatabaseEmpty(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ empty: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM subscriber) AND NOT EXISTS (SELECT 1 FROM region) AS empty`,
  );
  return rows[0].empty;
}

/**
 * Fills an empty database with a fictional operator: reference data, subscribers with two years of
 * subscriptions, payments, monthly usage and survey answers, the retention team, two years of
 * resolved disconnect requests with their audit trail, and today's open work. Deterministic for a
 * given seed and asOf. Needs classifier version 1 and the offers (seedClassifierDefaults) first.
 * Everything is written in one transaction: a failure leaves the database as it was.
 */
export async function generateDemoData(pool: Pool, options: DemoDataOptions): Promise<DemoDataSummary> {
  const started = Date.now();
  const subscribers = options.subscribers;
  if (!Number.isInteger(subscribers) || subscribers < 0 || subscribers > MAX_SUBSCRIBERS) {
    throw new RangeError(`subscribers must be a whole number from 0 to ${MAX_SUBSCRIBERS}, got ${subscribers}`);
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const { asOf, now } = resolveClock(options);
  const progress = options.onProgress ?? (() => undefined);
  const summary: DemoDataSummary = {
    subscribers: 0, subscriptions: 0, payments: 0, usageRows: 0, surveys: 0, operators: 0, requests: 0, events: 0, approvals: 0, planLines: 0, hiddenChurnCases: 0, millis: 0,
  };

  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE region, service, competitor, subscriber IN SHARE ROW EXCLUSIVE MODE');
    await assertEmpty(client);
    const classifier = await loadClassifier(client);

    progress('reference', 0, 1);
    const { ids, competitors } = await insertReferenceData(client, seed);
    progress('reference', 1, 1);

    const model = new SubscriberModel({ seed, asOf, subscribers, ids });
    progress('staff', 0, 1);
    const hiredAt = `${model.calendar.format(model.windowStart - 60)}T08:00:00Z`;
    const operators = await insertStaff(client, seed, hiredAt);
    summary.operators = operators.filter((o) => o.generated).length;
    const people = new DemoPeople(await insertDemoTeam(client, hiredAt), asOf);
    progress('staff', 1, 1);

    // The history goes in without the derived tables' triggers and, when the role may, without the foreign-key
    // checks; the derived tables are rebuilt once at the end (see BULK_TABLES).
    await setBulkTriggers(client, false);
    const unchecked = await skipForeignKeyTriggersIfSafe(client);
    const requests = new RequestModel({
      seed,
      subscribers,
      model,
      competitors,
      operators,
      reasonVersionId: classifier.versionId,
      reasonCodes: classifier.reasonCodes,
      offerCodes: classifier.offerCodes,
      now,
      withServiceFees: classifier.withServiceFees,
    });
    const requestColumns = classifier.withServiceFees ? [...REQUEST_COLUMNS, 'service_fees'] : REQUEST_COLUMNS;

    progress('subscribers', 0, subscribers);
    for (let first = 0; first < subscribers; first += BATCH) {
      const plans: SubscriberPlan[] = [];
      for (let i = first; i < Math.min(first + BATCH, subscribers); i++) plans.push(model.simulate(i));
      // A subscriber's requests first: their resolutions decide the representative its rows name.
      const rows: RequestRows[] = plans.map((p) => requests.rowsFor(p));
      const written = plans.map((plan, i) => ({ plan, resolutions: rows[i].resolutions }));

      await copy(
        client,
        'subscriber',
        SUBSCRIBER_COLUMNS,
        chunks(written, (w) => [`${w.plan.subscriberRow.slice(0, -1)}${people.subscriberColumns(w.plan, w.resolutions)}\n`, 1]),
      );
      summary.subscribers += plans.length;
      summary.subscriptions += await copy(
        client,
        'subscription',
        SUBSCRIPTION_COLUMNS,
        chunks(plans, (p) => [model.subscriptionRows(p), p.subscriptions.length]),
      );
      summary.payments += await copy(client, 'payment', PAYMENT_COLUMNS, chunks(plans, (p) => model.paymentRows(p)));
      summary.usageRows += await copy(client, 'usage_monthly', USAGE_COLUMNS, chunks(plans, (p) => model.usageRows(p)));
      summary.surveys += await copy(
        client,
        'survey_answer',
        SURVEY_COLUMNS,
        chunks(written, (w) => model.surveyRows(w.plan, people.representativeOn(w.resolutions))),
      );

      // Requests come after the subscribers they refer to; events and approvals after their requests.
      summary.requests += await copy(client, 'disconnect_request', requestColumns, chunks(rows, (r) => [r.requests, r.requestCount]));
      summary.events += await copy(client, 'request_event', EVENT_COLUMNS, chunks(rows, (r) => [r.events, r.eventCount]));
      if (rows.some((r) => r.approvalCount > 0)) {
        summary.approvals += await copy(client, 'offer_approval', APPROVAL_COLUMNS, chunks(rows, (r) => [r.approvals, r.approvalCount]));
      }
      progress('subscribers', summary.subscribers, subscribers);
    }
    progress('requests', summary.requests, summary.requests);
    progress('events', summary.events, summary.events);
    if (unchecked) await client.query('SET LOCAL session_replication_role = origin');
    await setBulkTriggers(client, true);
    progress('derived', 0, 1);
    await client.query('SELECT rebuild_derived_data()');
    progress('derived', 1, 1);
    await insertDemoBonusScheme(client, model.calendar.format(asOf), hiredAt);
    progress('plans', 0, 1);
    summary.planLines = await generateDemoPlans(client, model.calendar.format(asOf));
    progress('plans', 1, 1);
    progress('commit', 0, 1);
    await client.query('COMMIT');
    progress('commit', 1, 1);
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    // A connection that could not even roll back is not given back to the pool.
    client.release(broken);
  }

  progress('analyze', 0, 1);
  // VACUUM as well: a freshly loaded table has no visibility map, so index-only scans would still read the heap.
  await pool.query(`VACUUM (ANALYZE) ${GENERATED_TABLES.join(', ')}`);
  progress('analyze', 1, 1);
  // The first hidden-churn scan, so the cases screens have something to show on the first start.
  progress('hidden churn', 0, 1);
  summary.hiddenChurnCases = (await seedHiddenChurnCases(pool)).cases;
  progress('hidden churn', 1, 1);
  summary.millis = Date.now() - started;
  return summary;
}

const SUBSCRIBER_COLUMNS = [
  'id', 'account_number', 'full_name', 'phone', 'address', 'region_id', 'connected_on', 'contract_type', 'status',
  'disconnected_on', 'disconnect_kind', 'temperament', 'activity_segment', 'balance', 'created_at',
  'sales_agent_id', 'sales_channel', 'representative_id',
];
const SUBSCRIPTION_COLUMNS = [
  'id', 'subscriber_id', 'service_id', 'tariff_id', 'monthly_fee', 'started_on', 'ended_on', 'end_reason',
];
const PAYMENT_COLUMNS = ['subscriber_id', 'paid_on', 'amount'];
const USAGE_COLUMNS = ['subscriber_id', 'service_id', 'month', 'amount'];
const SURVEY_COLUMNS = ['subscriber_id', 'representative_id', 'kind', 'score', 'answered_on', 'comment'];

interface Counted {
  rows: number;
}

/** COPY text rows into a table, respecting the stream's backpressure. Returns the rows written. */
async function copy(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  source: (counter: Counted) => Iterable<string>,
): Promise<number> {
  const counter: Counted = { rows: 0 };
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(source(counter), { objectMode: false }), stream);
  return counter.rows;
}

/** Rows of every item (a plan, say) in a batch, handed out in chunks of about CHUNK characters. */
function chunks<T>(items: readonly T[], rowsOf: (item: T) => [string, number]) {
  return function* (counter: Counted): Generator<string> {
    let buffer = '';
    for (const item of items) {
      const [rows, count] = rowsOf(item);
      buffer += rows;
      counter.rows += count;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer.length > 0) yield buffer;
  };
}

/** Tables the generator writes, in dependency order. */
const GENERATED_TABLES = [
  'region', 'service', 'tariff', 'competitor', 'competitor_tariff', 'app_user',
  'subscriber', 'subscription', 'payment', 'usage_monthly', 'survey_answer',
  'disconnect_request', 'request_event', 'offer_approval', 'churn_fact', 'churn_plan', 'churn_plan_line',
];

/** asOf (a day number) and the moment the open work is relative to (seconds since 1970). */
function resolveClock(options: DemoDataOptions): { asOf: number; now: number } {
  let nowMs: number | undefined;
  if (options.now !== undefined) {
    nowMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(options.now) ? Date.parse(options.now) : NaN;
    if (!Number.isFinite(nowMs)) throw new RangeError(`now must be an ISO timestamp with a zone, got '${options.now}'`);
  }
  let asOf: number;
  if (options.asOf !== undefined) asOf = parseDay(options.asOf);
  else {
    nowMs ??= Math.floor(appClock().nowMs() / 60_000) * 60_000;
    asOf = Math.floor(nowMs / MS_PER_DAY);
  }
  nowMs ??= asOf * MS_PER_DAY + 12 * 3_600_000;
  if (Math.floor(nowMs / MS_PER_DAY) !== asOf) {
    throw new RangeError(`now (${options.now}) must fall on asOf (${formatDay(asOf)}, UTC)`);
  }
  return { asOf, now: Math.floor(nowMs / 1000) };
}

interface Classifier {
  versionId: number;
  reasonCodes: Set<string>;
  offerCodes: Set<string>;
  withServiceFees: boolean;
}

/** Classifier version 1 and the offers, which seedClassifierDefaults writes before the demo data. */
async function loadClassifier(client: PoolClient): Promise<Classifier> {
  const { rows: versions } = await client.query<{ id: number }>(`SELECT id FROM classifier_version WHERE version = 1`);
  if (versions.length === 0) {
    throw new Error('Classifier version 1 is missing: seed the classifier (seedClassifierDefaults) before generating demo data.');
  }
  const versionId = versions[0].id;
  const { rows: reasons } = await client.query<{ code: string }>(`SELECT code FROM churn_reason WHERE version_id = $1`, [versionId]);
  const { rows: offers } = await client.query<{ code: string }>(`SELECT code FROM offer WHERE active`);
  const { rows: columns } = await client.query<{ has: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                      AND table_name = 'disconnect_request' AND column_name = 'service_fees') AS has`,
  );
  return {
    versionId,
    reasonCodes: new Set(reasons.map((r) => r.code)),
    offerCodes: new Set(offers.map((o) => o.code)),
    withServiceFees: columns[0].has,
  };
}

/**
 * The tables the history is loaded into. Their user triggers keep derived tables (report roll-ups, churn_fact,
 * subscriber search terms, reason examples) or fill a column the generator writes itself (a survey answer's
 * representative): they are disabled for the load (ALTER TABLE is transactional and needs only ownership)
 * and rebuild_derived_data() recomputes every derived table once, set-based, at the end. Per statement they
 * cost more than the load itself (at 20,000 subscribers the load took 625 s, 533 s of it in UPDATEs of
 * already loaded rows behind these triggers; docs/methodology.md, "Generating the benchmark data").
 */
const BULK_TABLES = [
  'subscriber', 'subscription', 'payment', 'usage_monthly', 'survey_answer', 'disconnect_request', 'request_event', 'offer_approval',
];

async function setBulkTriggers(client: PoolClient, enabled: boolean): Promise<void> {
  for (const table of BULK_TABLES) await client.query(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
}

/**
 * Every referenced id is one the generator has just written, so the per-row foreign-key triggers
 * (half of the load time at a million subscribers) only repeat what is true by construction. When
 * the role may (a superuser, as with the embedded database) and the loaded tables carry no enabled
 * trigger but foreign-key ones (their user triggers are disabled for the load, and the few rows of
 * the other tables are written before), they are skipped until the load ends (the caller sets the
 * role back); otherwise the load runs checked. The tests verify every foreign key of the generated data.
 */
async function skipForeignKeyTriggersIfSafe(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ others: number }>(
    `SELECT count(*)::int AS others
     FROM pg_trigger t LEFT JOIN pg_constraint c ON c.oid = t.tgconstraint
     WHERE t.tgrelid = ANY ($1::regclass[]) AND t.tgenabled <> 'D' AND c.contype IS DISTINCT FROM 'f'`,
    [BULK_TABLES],
  );
  if (rows[0].others > 0) return false;
  await client.query('SAVEPOINT demo_data_replica_role');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query('RELEASE SAVEPOINT demo_data_replica_role');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT demo_data_replica_role');
    return false;
  }
}

async function assertEmpty(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ taken: string | null }>(`
    SELECT CASE
      WHEN EXISTS (SELECT 1 FROM subscriber) THEN 'subscribers'
      WHEN EXISTS (SELECT 1 FROM region) THEN 'regions'
      WHEN EXISTS (SELECT 1 FROM service) THEN 'services'
      WHEN EXISTS (SELECT 1 FROM competitor) THEN 'competitors'
    END AS taken`);
  if (rows[0].taken) {
    throw new Error(
      `The database already has ${rows[0].taken}; demo data is only generated into an empty database.`,
    );
  }
}

async function insertRows(client: PoolClient, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows
    .map((row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
    .join(', ');
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, rows.flat());
}

async function insertReferenceData(
  client: PoolClient,
  seed: number,
): Promise<{ ids: ReferenceIds; competitors: CompetitorCoverage }> {
  const rng = new Rng(streamSeed(seed, STREAM_REFERENCE, 0));
  const regions = REGIONS.map(() => rng.uuid());
  const services = SERVICES.map(() => rng.uuid());
  const tariffs = SERVICES.map((s) => s.tariffs.map(() => rng.uuid()));

  const names = (kind: keyof typeof NAME_TRANSLATIONS, code: string) => JSON.stringify(NAME_TRANSLATIONS[kind][code] ?? {});
  await insertRows(
    client,
    'region',
    ['id', 'code', 'name', 'names'],
    REGIONS.map((r, i) => [regions[i], r.code, r.name, names('region', r.code)]),
  );
  await insertRows(
    client,
    'service',
    ['id', 'code', 'name', 'names', 'usage_unit'],
    SERVICES.map((s, i) => [services[i], s.code, s.name, names('service', s.code), s.usageUnit]),
  );
  await insertRows(
    client,
    'tariff',
    ['id', 'code', 'service_id', 'name', 'names', 'monthly_price', 'speed_mbps', 'channels'],
    SERVICES.flatMap((s, i) =>
      s.tariffs.map((t, j) => [tariffs[i][j], t.code, services[i], t.name, names('tariff', t.code), t.price.toFixed(2), t.speedMbps, t.channels]),
    ),
  );

  const competitorRows: unknown[][] = [];
  const competitorTariffRows: unknown[][] = [];
  const competitorIds: string[] = [];
  const sells = COMPETITORS.map(() => REGIONS.map(() => SERVICES.map(() => false)));
  for (const [c, competitor] of COMPETITORS.entries()) {
    const competitorId = rng.uuid();
    competitorIds.push(competitorId);
    competitorRows.push([competitorId, competitor.code, competitor.name, competitor.strengths, competitor.weaknesses]);
    for (const regionCode of competitor.regions) {
      const region = REGIONS.findIndex((r) => r.code === regionCode);
      competitor.tariffs.forEach((t, k) => {
        // Not every tariff is sold everywhere (the first one always is); prices vary a little by region.
        if (k > 0 && rng.chance(0.2)) return;
        const ours = SERVICES[t.service].tariffs[Math.min(t.comparableTier, SERVICES[t.service].tariffs.length - 1)];
        const price = Math.round((ours.price * t.priceFactor * (0.95 + 0.1 * rng.next())) / 5) * 5;
        competitorTariffRows.push([
          rng.uuid(), competitorId, regions[region], services[t.service], t.name, price.toFixed(2),
          t.speedMbps ?? null, t.channels ?? null,
        ]);
        sells[c][region][t.service] = true;
      });
    }
  }
  await insertRows(client, 'competitor', ['id', 'code', 'name', 'strengths', 'weaknesses'], competitorRows);
  await insertRows(
    client,
    'competitor_tariff',
    ['id', 'competitor_id', 'region_id', 'service_id', 'name', 'monthly_price', 'speed_mbps', 'channels'],
    competitorTariffRows,
  );
  return { ids: { regions, services, tariffs }, competitors: { ids: competitorIds, sells } };
}
