import type { Pool, PoolClient } from 'pg';
import { churnFactsSql } from '@retention/api-churn-data';
import { monthKeyOf, monthStart } from '@retention/domain';

/**
 * Churn plans for the 24 months before `asOf` and its own month, made from what actually
 * happened: each past month's plan is the actual managed and unmanaged churn per service times a
 * factor from 0.85 to 1.25 (deterministic per month and service), so some lines were met and
 * some exceeded; the current month's plan is the average of the last three months plus 5 %.
 * One statement per table; runs after the request history exists.
 */
export async function generateDemoPlans(db: Pool | PoolClient, asOf: string): Promise<number> {
  const end = monthStart(monthKeyOf(asOf));
  const params: unknown[] = [];
  const facts = churnFactsSql({ fromDate: shiftMonths(end, -24), toDate: shiftMonths(end, 1) }, params);
  params.push(shiftMonths(end, -24), end);
  const from = `$${params.length - 1}`;
  const current = `$${params.length}`;
  const { rows } = await db.query(
    `WITH actual AS (
       SELECT month, service, count(*) FILTER (WHERE managed) AS managed, count(*) FILTER (WHERE NOT managed) AS unmanaged
         FROM (${facts}) f GROUP BY month, service),
     months AS (SELECT to_char(m, 'YYYY-MM') AS month, m::date AS start
                  FROM generate_series(${from}::date, ${current}::date, interval '1 month') AS m),
     grid AS (
       SELECT m.month, m.start, v.id AS service_id, v.code AS service,
              COALESCE(a.managed, 0) AS managed, COALESCE(a.unmanaged, 0) AS unmanaged,
              (('x' || substr(md5(m.month || v.code), 1, 8))::bit(32)::bigint / 4294967295.0) AS h,
              avg(COALESCE(a.managed, 0)) OVER w AS avg_managed, avg(COALESCE(a.unmanaged, 0)) OVER w AS avg_unmanaged
         FROM months m CROSS JOIN service v
         LEFT JOIN actual a ON a.month = m.month AND a.service = v.code
        WHERE v.active
       WINDOW w AS (PARTITION BY v.id ORDER BY m.start ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING)),
     plans AS (
       INSERT INTO churn_plan (month, version, note, created_by)
       SELECT DISTINCT start, 1, 'Demo plan', (SELECT id FROM app_user WHERE username = 'manager') FROM grid
       RETURNING id, month)
     INSERT INTO churn_plan_line (plan_id, service_id, region_id, managed_max, unmanaged_max, target_save_rate)
     SELECT p.id, g.service_id, NULL,
            CASE WHEN g.start = ${current}::date THEN ceil(COALESCE(g.avg_managed, 0) * 1.05)
                 ELSE greatest(1, round(g.managed * (0.85 + 0.4 * g.h))) END,
            CASE WHEN g.start = ${current}::date THEN ceil(COALESCE(g.avg_unmanaged, 0) * 1.05)
                 ELSE greatest(1, round(g.unmanaged * (0.85 + 0.4 * g.h))) END,
            round((0.28 + 0.1 * g.h)::numeric, 3)
       FROM grid g JOIN plans p ON p.month = g.start
     RETURNING plan_id`,
    params,
  );
  return rows.length;
}

function shiftMonths(monthStart: string, n: number): string {
  const d = new Date(`${monthStart}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
