import { runMigrations } from '@retention/api-core';
import { Pool } from 'pg';
import { generateDemoData, isDatabaseEmpty, DemoDataSummary } from './demo-data';

/**
 * Runs the generator against a real PostgreSQL (started once in test/global-setup.ts) and checks
 * the data has the shape the console relies on: the churn patterns of DOMAIN.md §3, partial and
 * hidden churn, and determinism.
 */

const SEED = 4242;
const AS_OF = '2026-11-22';
/** asOf's month minus 24 months: where the history starts. */
const WINDOW_START = '2024-11-01';
const SUBSCRIBERS = 3000;

const serverUrl = (): string => {
  const url = process.env['DEMO_DATA_TEST_DATABASE_URL'];
  if (!url) throw new Error('DEMO_DATA_TEST_DATABASE_URL is not set: the global setup did not start PostgreSQL');
  return url;
};

function urlFor(database: string, user?: { name: string; password: string }): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  if (user) {
    url.username = user.name;
    url.password = user.password;
  }
  return url.toString();
}

const admin = new Pool({ connectionString: serverUrl(), max: 1 });
const pools: Pool[] = [];

/** A new, migrated, empty database, owned by `owner` (an ordinary role) when given. */
async function freshDatabase(name: string, owner?: { name: string; password: string }): Promise<Pool> {
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}${owner ? ` OWNER ${owner.name}` : ''}`);
  await runMigrations(urlFor(name, owner));
  const pool = new Pool({ connectionString: urlFor(name, owner), max: 3 });
  pools.push(pool);
  return pool;
}

const TABLES: Record<string, string> = {
  region: 'code',
  service: 'code',
  tariff: 'code',
  competitor: 'code',
  competitor_tariff: 'id',
  subscriber: 'id',
  subscription: 'id',
  payment: 'id',
  usage_monthly: 'subscriber_id, service_id, month',
  survey_answer: 'id',
};

/** md5 over every row of every generated table, in a stable order. */
async function checksums(pool: Pool): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const { rows } = await pool.query<{ sum: string }>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS sum FROM ${table} t`,
    );
    result[table] = rows[0].sum;
  }
  return result;
}

async function one<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query(sql, params);
  return rows[0] as T;
}

async function count(pool: Pool, sql: string): Promise<number> {
  return Number((await one<{ n: string }>(pool, sql)).n);
}

/** Disconnections per subscriber-month inside the window, per group. */
async function monthlyChurn(pool: Pool, groupExpression: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ grp: string; rate: string }>(`
    WITH s AS (
      SELECT s.*,
             greatest(s.connected_on, DATE '${WINDOW_START}') AS f,
             coalesce(s.disconnected_on, DATE '${AS_OF}') AS t
      FROM subscriber s
    ), g AS (
      SELECT s.*, (${groupExpression}) AS grp FROM s
    )
    SELECT grp::text AS grp,
           count(*) FILTER (WHERE disconnected_on IS NOT NULL)::float8 / (sum(t - f) / 30.44) AS rate
    FROM g GROUP BY grp`);
  return new Map(rows.map((r) => [r.grp, Number(r.rate)]));
}

describe('generateDemoData (embedded PostgreSQL)', () => {
  let db: Pool;
  let summary: DemoDataSummary;
  let emptyBefore: boolean;
  const stages = new Set<string>();
  let lastSubscriberProgress = 0;

  beforeAll(async () => {
    db = await freshDatabase('demo_a');
    emptyBefore = await isDatabaseEmpty(db);
    summary = await generateDemoData(db, {
      subscribers: SUBSCRIBERS,
      seed: SEED,
      asOf: AS_OF,
      onProgress: (stage, done, total) => {
        stages.add(stage);
        if (stage === 'subscribers') {
          expect(total).toBe(SUBSCRIBERS);
          lastSubscriberProgress = done;
        }
      },
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await admin.end();
  });

  it('fills an empty database and reports its progress', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(stages).toEqual(new Set(['reference', 'subscribers', 'commit', 'analyze']));
    expect(lastSubscriberProgress).toBe(SUBSCRIBERS);
  });

  it('writes rows into every table, as many as it reports', async () => {
    for (const table of Object.keys(TABLES)) {
      const rows = await count(db, `SELECT count(*) AS n FROM ${table}`);
      expect({ table, empty: rows === 0 }).toEqual({ table, empty: false });
    }
    expect(await count(db, 'SELECT count(*) AS n FROM subscriber')).toBe(SUBSCRIBERS);
    expect(summary.subscribers).toBe(SUBSCRIBERS);
    expect(await count(db, 'SELECT count(*) AS n FROM subscription')).toBe(summary.subscriptions);
    expect(await count(db, 'SELECT count(*) AS n FROM payment')).toBe(summary.payments);
    expect(await count(db, 'SELECT count(*) AS n FROM usage_monthly')).toBe(summary.usageRows);
    expect(await count(db, 'SELECT count(*) AS n FROM survey_answer')).toBe(summary.surveys);
    expect(summary.millis).toBeGreaterThan(0);
    // Two years of monthly payments and usage for most of the base.
    expect(summary.payments).toBeGreaterThan(SUBSCRIBERS * 10);
    expect(summary.usageRows).toBeGreaterThan(summary.payments);
  });

  it('creates the reference data of a fictional operator', async () => {
    const regions = await count(db, 'SELECT count(*) AS n FROM region');
    expect(regions).toBeGreaterThanOrEqual(5);
    expect(regions).toBeLessThanOrEqual(6);
    const { rows: services } = await db.query<{ code: string; usage_unit: string; tariffs: string }>(`
      SELECT s.code, s.usage_unit, count(t.id) AS tariffs
      FROM service s JOIN tariff t ON t.service_id = s.id GROUP BY s.code, s.usage_unit ORDER BY s.code`);
    expect(services.map((s) => [s.code, s.usage_unit])).toEqual([
      ['cable_tv', 'hours'],
      ['internet', 'GB'],
      ['iptv', 'hours'],
      ['mobile', 'GB'],
      ['telephony', 'minutes'],
    ]);
    for (const s of services) {
      expect(Number(s.tariffs)).toBeGreaterThanOrEqual(3);
      expect(Number(s.tariffs)).toBeLessThanOrEqual(4);
    }
    expect(
      await count(db, `SELECT count(*) AS n FROM tariff t JOIN service s ON s.id = t.service_id
                       WHERE s.code = 'internet' AND (t.speed_mbps IS NULL OR t.monthly_price NOT BETWEEN 200 AND 1500)`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM tariff t JOIN service s ON s.id = t.service_id
                       WHERE s.code IN ('cable_tv', 'iptv') AND t.channels IS NULL`),
    ).toBe(0);
    const competitors = await count(db, 'SELECT count(*) AS n FROM competitor');
    expect(competitors).toBeGreaterThanOrEqual(4);
    expect(competitors).toBeLessThanOrEqual(5);
    expect(await count(db, `SELECT count(*) AS n FROM competitor WHERE strengths = '' OR weaknesses = ''`)).toBe(0);
    // Not every competitor everywhere; some of their offers cheaper than ours.
    expect(
      await count(db, `SELECT count(*) AS n FROM competitor c
                       WHERE (SELECT count(DISTINCT region_id) FROM competitor_tariff ct WHERE ct.competitor_id = c.id)
                             < (SELECT count(*) FROM region)`),
    ).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM competitor_tariff ct
                       WHERE ct.monthly_price < (SELECT max(t.monthly_price) FROM tariff t WHERE t.service_id = ct.service_id)
                         AND ct.monthly_price < (SELECT min(t.monthly_price) FROM tariff t WHERE t.service_id = ct.service_id) * 2`),
    ).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed and asOf give identical data, another seed does not', async () => {
    const again = await freshDatabase('demo_b');
    await generateDemoData(again, { subscribers: SUBSCRIBERS, seed: SEED, asOf: AS_OF });
    const [first, second] = [await checksums(db), await checksums(again)];
    expect(second).toEqual(first);

    const other = await freshDatabase('demo_c');
    await generateDemoData(other, { subscribers: 200, seed: SEED + 1, asOf: AS_OF });
    const third = await checksums(other);
    expect(third['subscriber']).not.toEqual(first['subscriber']);
    expect(third['payment']).not.toEqual(first['payment']);

    // An ordinary role cannot skip the foreign-key triggers: the checked load gives the same data.
    const owner = { name: 'demo_owner', password: 'demo-owner-secret' };
    await admin.query(`DROP DATABASE IF EXISTS demo_d`);
    await admin.query(`DROP ROLE IF EXISTS ${owner.name}`);
    await admin.query(`CREATE ROLE ${owner.name} LOGIN NOSUPERUSER PASSWORD '${owner.password}'`);
    const ordinary = await freshDatabase('demo_d', owner);
    await generateDemoData(ordinary, { subscribers: 200, seed: SEED + 1, asOf: AS_OF });
    expect(await checksums(ordinary)).toEqual(third);
  }, 120_000);

  it('refuses a database that already has data and changes nothing there', async () => {
    const before = await checksums(db);
    await expect(generateDemoData(db, { subscribers: 10, seed: SEED, asOf: AS_OF })).rejects.toThrow(/already has/);
    expect(await checksums(db)).toEqual(before);
  });

  it('rejects bad options', async () => {
    await expect(generateDemoData(db, { subscribers: -1 })).rejects.toThrow(RangeError);
    await expect(generateDemoData(db, { subscribers: 10, asOf: '2026-02-30' })).rejects.toThrow(RangeError);
  });

  it('generates plausible subscribers', async () => {
    expect(await count(db, `SELECT count(*) AS n FROM subscriber WHERE account_number !~ '^A[0-9]{7}$'`)).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM subscriber WHERE phone !~ '^\\+(380|7)[0-9]{9,10}$'`)).toBe(0);
    expect(await count(db, `SELECT count(DISTINCT full_name) AS n FROM subscriber`)).toBeGreaterThan(SUBSCRIBERS / 3);
    expect(await count(db, `SELECT count(*) AS n FROM subscriber WHERE connected_on > DATE '${AS_OF}'`)).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscriber WHERE connected_on < DATE '${AS_OF}' - interval '8 years'`),
    ).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscriber WHERE connected_on > DATE '${AS_OF}' - interval '6 months'`),
    ).toBeGreaterThan(SUBSCRIBERS * 0.05);
    const contracts = await db.query<{ contract_type: string; share: string }>(
      `SELECT contract_type, count(*)::float8 / ${SUBSCRIBERS} AS share FROM subscriber GROUP BY 1`,
    );
    const share = new Map(contracts.rows.map((r) => [r.contract_type, Number(r.share)]));
    expect(share.get('month_to_month')).toBeCloseTo(0.5, 1);
    expect(share.get('12m')).toBeCloseTo(0.3, 1);
    expect(share.get('24m')).toBeCloseTo(0.2, 1);
    expect(await count(db, `SELECT count(DISTINCT temperament) AS n FROM subscriber`)).toBe(4);
    expect(await count(db, `SELECT count(DISTINCT activity_segment) AS n FROM subscriber`)).toBe(3);
    // Mostly one to three services at a time; internet the most common.
    expect(
      await count(db, `SELECT count(*) AS n FROM (SELECT subscriber_id FROM subscription WHERE ended_on IS NULL
                       GROUP BY subscriber_id HAVING count(*) > 3) x`),
    ).toBe(0);
    const { rows: popular } = await db.query<{ code: string }>(
      `SELECT s.code FROM subscription x JOIN service s ON s.id = x.service_id GROUP BY s.code ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(popular[0].code).toBe('internet');
  });

  it('satisfies every foreign key (the load may skip the per-row checks)', async () => {
    const { rows: keys } = await db.query<{ child: string; column: string; parent: string; key: string }>(`
      SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent, pa.attname AS key
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const k of keys) {
      const orphans = await count(
        db,
        `SELECT count(*) AS n FROM ${k.child} x WHERE x.${k.column} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${k.parent} p WHERE p.${k.key} = x.${k.column})`,
      );
      expect({ foreignKey: `${k.child}.${k.column}`, orphans }).toEqual({ foreignKey: `${k.child}.${k.column}`, orphans: 0 });
    }
  });

  it('keeps the records consistent with each other', async () => {
    // Disconnected subscribers: a date and a kind, every subscription ended that day with the matching reason.
    expect(
      await count(db, `SELECT count(*) AS n FROM subscriber
                       WHERE (status = 'disconnected') <> (disconnected_on IS NOT NULL AND disconnect_kind IS NOT NULL)`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
                       WHERE s.status = 'disconnected' AND (x.ended_on IS NULL OR x.ended_on > s.disconnected_on)`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
                       WHERE x.ended_on = s.disconnected_on AND x.end_reason IN ('disconnected', 'non_payment')
                         AND x.end_reason <> CASE s.disconnect_kind WHEN 'voluntary' THEN 'disconnected' ELSE 'non_payment' END`),
    ).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM subscription WHERE (ended_on IS NULL) <> (end_reason IS NULL)`)).toBe(0);
    // Active subscribers keep at least one service.
    expect(
      await count(db, `SELECT count(*) AS n FROM subscriber s WHERE s.status <> 'disconnected'
                       AND NOT EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND x.ended_on IS NULL)`),
    ).toBe(0);
    // Nothing before connection, nothing after disconnection or asOf.
    expect(
      await count(db, `SELECT count(*) AS n FROM payment p JOIN subscriber s ON s.id = p.subscriber_id
                       WHERE p.paid_on < s.connected_on OR p.paid_on > coalesce(s.disconnected_on, DATE '${AS_OF}')
                          OR p.paid_on < DATE '${WINDOW_START}' OR p.amount <= 0`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM usage_monthly u JOIN subscriber s ON s.id = u.subscriber_id
                       WHERE u.month < date_trunc('month', s.connected_on) OR u.month > coalesce(s.disconnected_on, DATE '${AS_OF}')
                          OR u.month >= date_trunc('month', DATE '${AS_OF}') OR u.month < DATE '${WINDOW_START}'`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM survey_answer a JOIN subscriber s ON s.id = a.subscriber_id
                       WHERE a.answered_on < s.connected_on OR a.answered_on > coalesce(s.disconnected_on, DATE '${AS_OF}')`),
    ).toBe(0);
    // Usage only for services the subscriber had that month.
    expect(
      await count(db, `SELECT count(*) AS n FROM usage_monthly u WHERE NOT EXISTS (
                         SELECT 1 FROM subscription x WHERE x.subscriber_id = u.subscriber_id AND x.service_id = u.service_id
                           AND x.started_on < u.month + interval '1 month' AND (x.ended_on IS NULL OR x.ended_on >= u.month))`),
    ).toBe(0);
    // Subscriptions of one service never overlap.
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription a JOIN subscription b
                         ON a.subscriber_id = b.subscriber_id AND a.service_id = b.service_id AND a.id < b.id
                       WHERE a.started_on <= coalesce(b.ended_on, 'infinity') AND b.started_on <= coalesce(a.ended_on, 'infinity')`),
    ).toBe(0);
    // Payments are about the fee: the month's payment matches the subscriptions active that day, or rounds it up.
    const { rows } = await db.query<{ share: string }>(`
      SELECT avg((p.amount = (SELECT sum(x.monthly_fee) FROM subscription x WHERE x.subscriber_id = p.subscriber_id
                  AND x.started_on <= p.paid_on AND (x.ended_on IS NULL OR x.ended_on >= p.paid_on)))::int) AS share
      FROM payment p`);
    expect(Number(rows[0].share)).toBeGreaterThan(0.85);
  });

  it('churns about 1.5 to 2.5 % a month', async () => {
    const overall = (await monthlyChurn(db, `'all'`)).get('all') ?? 0;
    expect(overall).toBeGreaterThan(0.015);
    expect(overall).toBeLessThan(0.025);
  });

  it('churns month-to-month contracts about twice as much as 12/24-month ones (DOMAIN.md §3)', async () => {
    const rates = await monthlyChurn(db, `CASE WHEN contract_type = 'month_to_month' THEN 'm2m' ELSE 'term' END`);
    const ratio = (rates.get('m2m') ?? 0) / (rates.get('term') ?? Infinity);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(3);
  });

  it('churns the lowest-paying quartile about twice as much as the top one (DOMAIN.md §3)', async () => {
    // The fee at the start of the window (or at connection), by the subscriptions active that day.
    const rates = await monthlyChurn(
      db,
      `ntile(4) OVER (ORDER BY (SELECT sum(x.monthly_fee) FROM subscription x WHERE x.subscriber_id = s.id
                        AND x.started_on <= s.f AND (x.ended_on IS NULL OR x.ended_on >= s.f)), s.id)`,
    );
    const ratio = (rates.get('1') ?? 0) / (rates.get('4') ?? Infinity);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(3);
  });

  it('has voluntary and non-payment disconnections, kept apart', async () => {
    const kinds = await db.query<{ disconnect_kind: string; n: string }>(
      `SELECT disconnect_kind, count(*) AS n FROM subscriber WHERE status = 'disconnected' GROUP BY 1`,
    );
    const byKind = new Map(kinds.rows.map((r) => [r.disconnect_kind, Number(r.n)]));
    expect(byKind.get('voluntary')).toBeGreaterThan(0);
    expect(byKind.get('non_payment')).toBeGreaterThan(0);
    expect(byKind.get('voluntary') ?? 0).toBeGreaterThan(byKind.get('non_payment') ?? 0);
    // Non-payers stopped paying at least a month before they were cut off, and left a debt.
    expect(
      await count(db, `SELECT count(*) AS n FROM subscriber s WHERE s.disconnect_kind = 'non_payment'
                       AND (s.balance >= 0 OR EXISTS (SELECT 1 FROM payment p WHERE p.subscriber_id = s.id
                                                      AND p.paid_on > s.disconnected_on - 31))`),
    ).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM subscriber WHERE status = 'suspended'`)).toBeGreaterThan(0);
  });

  it('has partial churn: downgrades to a cheaper tariff the next day, dropped services, upgrades', async () => {
    const downgrades = await count(db, `SELECT count(*) AS n FROM subscription WHERE end_reason = 'downgrade'`);
    expect(downgrades).toBeGreaterThan(0);
    // Each downgrade is followed the next day by a cheaper subscription to the same service.
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription o WHERE o.end_reason = 'downgrade' AND NOT EXISTS (
                         SELECT 1 FROM subscription n WHERE n.subscriber_id = o.subscriber_id AND n.service_id = o.service_id
                           AND n.started_on = o.ended_on + 1 AND n.monthly_fee < o.monthly_fee)`),
    ).toBe(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription o WHERE o.end_reason = 'upgrade' AND NOT EXISTS (
                         SELECT 1 FROM subscription n WHERE n.subscriber_id = o.subscriber_id AND n.service_id = o.service_id
                           AND n.started_on = o.ended_on + 1 AND n.monthly_fee > o.monthly_fee)`),
    ).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM subscription WHERE end_reason = 'upgrade'`)).toBeGreaterThan(0);
    // A dropped service leaves the subscriber with another one.
    const dropped = await count(db, `SELECT count(*) AS n FROM subscription WHERE end_reason = 'dropped'`);
    expect(dropped).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*) AS n FROM subscription d WHERE d.end_reason = 'dropped' AND NOT EXISTS (
                         SELECT 1 FROM subscription o WHERE o.subscriber_id = d.subscriber_id AND o.id <> d.id
                           AND o.started_on <= d.ended_on AND (o.ended_on IS NULL OR o.ended_on > d.ended_on))`),
    ).toBe(0);
  });

  it('has hidden churn: silent stoppers with a debt, and usage falling below its own average', async () => {
    const silent = await db.query<{ balance: string }>(`
      SELECT s.balance FROM subscriber s
      WHERE s.status = 'active' AND s.connected_on < DATE '${AS_OF}' - 90
        AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.subscriber_id = s.id AND p.paid_on > DATE '${AS_OF}' - 60)`);
    expect(silent.rows.length).toBeGreaterThan(SUBSCRIBERS * 0.01);
    expect(silent.rows.length).toBeLessThan(SUBSCRIBERS * 0.1);
    expect(silent.rows.every((r) => Number(r.balance) < 0)).toBe(true);

    // Active, paying, but the last two months' usage under half their earlier average.
    const fading = await count(db, `
      WITH u AS (
        SELECT u.subscriber_id, u.service_id,
               avg(u.amount) FILTER (WHERE u.month >= DATE '${AS_OF}' - interval '3 months') AS recent,
               avg(u.amount) FILTER (WHERE u.month < DATE '${AS_OF}' - interval '6 months') AS earlier
        FROM usage_monthly u GROUP BY 1, 2)
      SELECT count(DISTINCT u.subscriber_id) AS n FROM u JOIN subscriber s ON s.id = u.subscriber_id
      WHERE s.status = 'active' AND u.earlier > 0 AND u.recent < 0.5 * u.earlier
        AND EXISTS (SELECT 1 FROM payment p WHERE p.subscriber_id = s.id AND p.paid_on > DATE '${AS_OF}' - 45)`);
    expect(fading).toBeGreaterThan(SUBSCRIBERS * 0.01);
  });

  it('asks NPS of about 30 % of subscribers, lower for those who leave, and some CSAT', async () => {
    const asked = await count(db, `SELECT count(DISTINCT subscriber_id) AS n FROM survey_answer WHERE kind = 'nps'`);
    expect(asked / SUBSCRIBERS).toBeGreaterThan(0.2);
    expect(asked / SUBSCRIBERS).toBeLessThan(0.4);
    expect(
      await count(db, `SELECT count(*) AS n FROM (SELECT subscriber_id FROM survey_answer WHERE kind = 'nps'
                       GROUP BY 1 HAVING count(*) > 3) x`),
    ).toBe(0);
    const scores = await one<{ leaving: string; staying: string }>(
      db,
      `SELECT avg(a.score) FILTER (WHERE s.status = 'disconnected') AS leaving,
              avg(a.score) FILTER (WHERE s.status = 'active' AND s.balance >= 0) AS staying
       FROM survey_answer a JOIN subscriber s ON s.id = a.subscriber_id WHERE a.kind = 'nps'`,
    );
    expect(Number(scores.leaving)).toBeLessThan(Number(scores.staying) - 1);
    // Every score below 9 says what the subscriber disliked (DOMAIN.md §4).
    expect(
      await count(db, `SELECT count(*) AS n FROM survey_answer WHERE kind = 'nps' AND score < 9 AND comment IS NULL`),
    ).toBe(0);
    expect(await count(db, `SELECT count(*) AS n FROM survey_answer WHERE kind = 'csat'`)).toBeGreaterThan(0);
  });
});
