import { Client, type Pool } from 'pg';

export interface FreshSubscriber {
  id: string;
  accountNumber: string;
  services: string[];
  monthlyRevenue: number;
}

/**
 * Active subscribers that no request has touched yet, with at least `minServices` running
 * services: each test works on its own, whatever ran before it.
 */
export async function freshSubscribers(pool: Pool, count: number, minServices = 1): Promise<FreshSubscriber[]> {
  const { rows } = await pool.query(
    `SELECT s.id, s.account_number AS "accountNumber", array_agg(DISTINCT v.code ORDER BY v.code) AS services,
            sum(x.monthly_fee)::float8 AS "monthlyRevenue"
       FROM subscriber s
       JOIN subscription x ON x.subscriber_id = s.id AND x.started_on <= app_today() AND (x.ended_on IS NULL OR x.ended_on > app_today())
       JOIN service v ON v.id = x.service_id
      WHERE s.status = 'active' AND s.disconnected_on IS NULL
        AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        AND NOT EXISTS (SELECT 1 FROM hidden_churn_case c WHERE c.subscriber_id = s.id)
        AND s.id NOT IN (SELECT unnest($3::uuid[]))
      GROUP BY s.id
     HAVING count(DISTINCT v.code) >= $2
      ORDER BY s.account_number
      LIMIT $1`,
    [count, minServices, taken],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} fresh subscribers with ${minServices}+ services are left`);
  taken.push(...rows.map((r) => r.id));
  return rows;
}

const taken: string[] = [];

let accounts = 0;

export interface OwnSubscription {
  service: string;
  fee: number;
  start: string;
  end?: string;
  endReason?: 'disconnected' | 'non_payment' | 'technical' | 'downgrade' | 'upgrade' | 'dropped';
}
export interface OwnSubscriber {
  connected: string;
  disconnected?: string;
  kind?: 'voluntary' | 'non_payment' | 'technical';
  subscriptions: OwnSubscription[];
}

/**
 * A region of the test's own with subscribers and subscriptions written straight into the tables
 * (as an import would; the roll-up triggers keep up): a report filtered by it counts only them.
 */
export async function ownRegion(pool: Pool, code: string, subscribers: OwnSubscriber[]): Promise<string[]> {
  const { rows: [region] } = await pool.query(`INSERT INTO region (code, name) VALUES ($1, $1) RETURNING id`, [code]);
  const ids: string[] = [];
  for (const s of subscribers) {
    const { rows: [sub] } = await pool.query(
      `INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status,
                               disconnected_on, disconnect_kind, temperament, activity_segment)
       VALUES ($1, 'Own Subscriber', '+100', 'Street 1', $2, $3, 'month_to_month', $4, $5, $6, 'sanguine', 'active') RETURNING id`,
      [`OWN-${code}-${++accounts}`.slice(0, 32), region.id, s.connected, s.disconnected ? 'disconnected' : 'active', s.disconnected ?? null,
        s.disconnected ? (s.kind ?? 'voluntary') : null],
    );
    for (const x of s.subscriptions) {
      await pool.query(
        `INSERT INTO subscription (subscriber_id, service_id, tariff_id, monthly_fee, started_on, ended_on, end_reason)
         SELECT $1, v.id, (SELECT t.id FROM tariff t WHERE t.service_id = v.id ORDER BY t.code LIMIT 1), $3, $4, $5, $6
           FROM service v WHERE v.code = $2`,
        [sub.id, x.service, x.fee, x.start, x.end ?? null, x.end ? (x.endReason ?? 'disconnected') : null],
      );
    }
    ids.push(sub.id);
  }
  return ids;
}

/**
 * Reads until `done` holds or `timeoutMs` has passed, every `everyMs`, and returns the last value read: the
 * caller's expectation on it says what was wrong when time ran out. For state another process or a job writes.
 */
export async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The session lock the specs that train or switch reason model versions take turns on (oneReasonModelSpecAtATime). */
const REASON_MODEL_SPECS_LOCK = 7_301_003;

/** How long a reason-model spec's setup may wait for the others (each takes 10–20 s, up to a minute under load). */
export const REASON_MODEL_SPEC_WAIT_MS = 240_000;

/**
 * The specs that train or switch reason model versions share the test database's one active version and its training
 * jobs (whichever spec's API process takes a job runs it, and hands it back when that spec closes): run at once, one
 * spec's switch-off or shutdown landed in another's checks. Each takes its turn before it starts its API (in a
 * `beforeAll` given REASON_MODEL_SPEC_WAIT_MS) and releases it after it closes it, so they run one at a time;
 * `release` ends the lock's session, which frees it.
 */
export async function oneReasonModelSpecAtATime(): Promise<{ release: () => Promise<void> }> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [REASON_MODEL_SPECS_LOCK]);
  return { release: () => client.end() };
}

/** Serialises writers of reason_model versions (the classifier service's own advisory lock). */
const REASON_MODEL_LOCK = 7_301_002;

/**
 * Stores a trained reason model as the training job would: a `ready` version measured as beating the synonym
 * table (so the switch-on gate lets it through), numbered under the service's own lock. Returns its version.
 */
export async function plantReasonModel(pool: Pool, model: unknown): Promise<number> {
  const accuracy = (top1: number) => ({ n: 10, top1, top3: top1 });
  const metrics = { heldOut: { rules: accuracy(0.5), blended: accuracy(0.9) }, evaluation: { rules: accuracy(0.9), blended: accuracy(0.9) }, beatsRules: true };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [REASON_MODEL_LOCK]);
    const { rows } = await client.query(
      `INSERT INTO reason_model (version, status, cause, finished_at, examples, held_out, weight, metrics, model)
       VALUES ((SELECT COALESCE(max(version), 0) + 1 FROM reason_model), 'ready', 'manual', app_now(), 5, 0, 0.35, $1, $2)
       RETURNING version`,
      [JSON.stringify(metrics), JSON.stringify(model)],
    );
    await client.query('COMMIT');
    return rows[0].version;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
