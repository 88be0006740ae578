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
