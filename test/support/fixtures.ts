import type { Pool } from 'pg';

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
