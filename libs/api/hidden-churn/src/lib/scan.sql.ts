import { emitOutboxEvents } from '@retention/api-core';
import type { HiddenChurnRules } from '@retention/domain';
import { MAX_RISK_SCORE, MAX_SIGNAL_WEIGHT } from '@retention/domain';

/** Something that runs SQL with $n parameters: a pg client or pool, or a TypeORM query runner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Advisory-lock key of the scan: two scans never interleave, whichever processes run them. */
export const HIDDEN_CHURN_SCAN_LOCK = 7_301_010;

const OPEN = `('new','assigned','contacted')`;

/** `r->'rule'->>'param'` read as a type. */
const p = (rule: keyof HiddenChurnRules, param: string, type: 'int' | 'numeric' | 'boolean') => `(r.j->'${rule}'->>'${param}')::${type}`;

/**
 * The core of a scan: every sign that fires today for every subscriber not disconnected, one row per subscriber
 * with the signals (code, value, detail), their codes, the risk score (the domain's `hiddenChurnRiskScore`, a
 * noisy OR of the fired rules' weights), the region, the services held today and the monthly revenue at stake
 * (today's fees). One statement over the whole base; $1 is the rules (jsonb). The rules' meaning is in
 * `libs/domain/src/hidden-churn/hidden-churn.ts`.
 */
export const HIDDEN_CHURN_SIGNALS_SQL = `
WITH r AS (SELECT $1::jsonb AS j, app_today() AS today, (date_trunc('month', app_today()) - interval '1 month')::date AS last_month),
cur AS (
  SELECT x.subscriber_id, x.service_id, x.monthly_fee, x.started_on
    FROM subscription x, r
   WHERE x.started_on <= r.today AND (x.ended_on IS NULL OR x.ended_on >= r.today)
),
fee AS (
  SELECT c.subscriber_id, sum(c.monthly_fee) AS mrr, array_agg(DISTINCT sv.code ORDER BY sv.code) AS services
    FROM cur c JOIN service sv ON sv.id = c.service_id GROUP BY 1
),
pay AS (SELECT subscriber_id, max(paid_on) AS last_paid FROM payment GROUP BY 1),
live AS (
  SELECT s.id, s.status, s.balance, s.connected_on, s.region_id, coalesce(p.last_paid, s.connected_on) AS paid_or_joined, p.last_paid,
         coalesce(f.mrr, 0) AS mrr, coalesce(f.services, '{}') AS services
    FROM subscriber s LEFT JOIN pay p ON p.subscriber_id = s.id LEFT JOIN fee f ON f.subscriber_id = s.id
   WHERE s.status <> 'disconnected'
),
sig AS (
  SELECT l.id AS subscriber_id, 'no_payment' AS signal, ${p('no_payment', 'weight', 'int')} AS weight,
         (r.today - l.paid_or_joined)::numeric AS value,
         jsonb_build_object('lastPaidOn', l.last_paid, 'balance', l.balance) AS detail
    FROM live l, r
   WHERE ${p('no_payment', 'enabled', 'boolean')} AND l.status = 'active' AND l.mrr > 0
     AND r.today - l.paid_or_joined >= ${p('no_payment', 'days', 'int')}
     AND -l.balance >= ${p('no_payment', 'minDebt', 'numeric')}
  UNION ALL
  SELECT l.id, 'balance_falling', ${p('balance_falling', 'weight', 'int')},
         (extract(year FROM age(r.today, l.paid_or_joined)) * 12 + extract(month FROM age(r.today, l.paid_or_joined)))::numeric,
         jsonb_build_object('balance', l.balance, 'lastPaidOn', l.last_paid, 'monthlyFees', l.mrr)
    FROM live l, r
   WHERE ${p('balance_falling', 'enabled', 'boolean')} AND l.status = 'active' AND l.mrr > 0 AND l.balance < 0
     AND l.paid_or_joined <= r.today - make_interval(months => ${p('balance_falling', 'months', 'int')})
  UNION ALL
  (SELECT DISTINCT ON (o.subscriber_id) o.subscriber_id, 'downgrade', ${p('downgrade', 'weight', 'int')},
         o.monthly_fee - n.monthly_fee,
         jsonb_build_object('service', sv.code, 'fromFee', o.monthly_fee, 'toFee', n.monthly_fee, 'on', o.ended_on)
    FROM r, subscription o
    JOIN cur n ON n.subscriber_id = o.subscriber_id AND n.service_id = o.service_id AND n.monthly_fee < o.monthly_fee
    JOIN service sv ON sv.id = o.service_id
   WHERE ${p('downgrade', 'enabled', 'boolean')} AND o.end_reason = 'downgrade'
     AND o.ended_on > r.today - ${p('downgrade', 'withinDays', 'int')} AND o.ended_on <= r.today
   ORDER BY o.subscriber_id, o.monthly_fee - n.monthly_fee DESC)
  UNION ALL
  (SELECT DISTINCT ON (o.subscriber_id) o.subscriber_id, 'service_dropped', ${p('service_dropped', 'weight', 'int')},
         o.monthly_fee, jsonb_build_object('service', sv.code, 'on', o.ended_on)
    FROM r, subscription o JOIN service sv ON sv.id = o.service_id
   WHERE ${p('service_dropped', 'enabled', 'boolean')} AND o.end_reason = 'dropped'
     AND o.ended_on > r.today - ${p('service_dropped', 'withinDays', 'int')} AND o.ended_on <= r.today
     AND EXISTS (SELECT 1 FROM cur c WHERE c.subscriber_id = o.subscriber_id AND c.service_id <> o.service_id)
   ORDER BY o.subscriber_id, o.ended_on DESC)
  UNION ALL
  SELECT u.subscriber_id, 'usage_drop', ${p('usage_drop', 'weight', 'int')}, min(round(u.last / u.base, 2)),
         jsonb_build_object('services', array_agg(sv.code ORDER BY sv.code), 'month', min(r.last_month))
    FROM r, (
      SELECT m.subscriber_id, m.service_id,
             coalesce(sum(m.amount) FILTER (WHERE m.month = r.last_month), 0) AS last,
             avg(m.amount) FILTER (WHERE m.month < r.last_month) AS base,
             count(*) FILTER (WHERE m.month < r.last_month) AS months
        FROM r, usage_monthly m
       WHERE ${p('usage_drop', 'enabled', 'boolean')}
         AND m.month >= r.last_month - make_interval(months => ${p('usage_drop', 'months', 'int')}) AND m.month <= r.last_month
       GROUP BY 1, 2
    ) u
    JOIN subscriber s ON s.id = u.subscriber_id AND s.status = 'active'
    JOIN service sv ON sv.id = u.service_id
   WHERE u.months = ${p('usage_drop', 'months', 'int')} AND u.base > 0
     AND EXISTS (SELECT 1 FROM subscription c WHERE c.subscriber_id = u.subscriber_id AND c.service_id = u.service_id
                    AND c.started_on <= r.last_month - make_interval(months => ${p('usage_drop', 'months', 'int')})
                    AND (c.ended_on IS NULL OR c.ended_on >= r.today))
     AND u.last < ${p('usage_drop', 'share', 'numeric')} * u.base
   GROUP BY u.subscriber_id, r.j
  UNION ALL
  SELECT l.id, 'long_suspension', ${p('long_suspension', 'weight', 'int')}, (r.today - x.since)::numeric,
         jsonb_build_object('since', x.since)
    FROM r, live l
    CROSS JOIN LATERAL (SELECT coalesce(
      (SELECT max(d.resolved_at AT TIME ZONE 'UTC')::date FROM disconnect_request d
        WHERE d.subscriber_id = l.id AND d.offer_code = 'pause' AND d.status = 'resolved'),
      (SELECT (max(m.month) + interval '1 month')::date FROM usage_monthly m WHERE m.subscriber_id = l.id),
      l.connected_on) AS since) x
   WHERE ${p('long_suspension', 'enabled', 'boolean')} AND l.status = 'suspended'
     AND r.today - x.since >= ${p('long_suspension', 'days', 'int')}
  UNION ALL
  SELECT a.subscriber_id, 'nps_fall', ${p('nps_fall', 'weight', 'int')}, a.score::numeric,
         jsonb_build_object('previous', a.previous, 'answeredOn', a.answered_on)
    FROM r, (
      SELECT n.subscriber_id, n.score, n.answered_on,
             lead(n.score) OVER (PARTITION BY n.subscriber_id ORDER BY n.answered_on DESC, n.id DESC) AS previous,
             row_number() OVER (PARTITION BY n.subscriber_id ORDER BY n.answered_on DESC, n.id DESC) AS k
        FROM survey_answer n WHERE n.kind = 'nps'
    ) a
    JOIN subscriber s ON s.id = a.subscriber_id AND s.status <> 'disconnected'
   WHERE ${p('nps_fall', 'enabled', 'boolean')} AND a.k = 1 AND a.previous IS NOT NULL
     AND a.answered_on > r.today - ${p('nps_fall', 'withinDays', 'int')}
     AND ((a.score <= 6 AND a.previous >= 7) OR a.previous - a.score >= ${p('nps_fall', 'points', 'int')})
)
SELECT g.subscriber_id, l.region_id, l.services, l.mrr,
       jsonb_agg(jsonb_build_object('signal', g.signal, 'value', g.value, 'detail', g.detail) ORDER BY g.signal) AS signals,
       array_agg(g.signal ORDER BY g.signal) AS codes,
       least(${MAX_RISK_SCORE}, round(100 * (1 - exp(sum(ln(1 - least(greatest(g.weight, 0), ${MAX_SIGNAL_WEIGHT})::numeric / 100))))))::int AS score
  FROM sig g JOIN live l ON l.id = g.subscriber_id
 GROUP BY g.subscriber_id, l.region_id, l.services, l.mrr`;

export interface ScanCounts {
  subscribersScanned: number;
  flagged: number;
  opened: number;
  updated: number;
  returned: number;
  lost: number;
}

/** The rows of a query's result, whether a pg result ({rows}) or TypeORM's array. */
export const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));

/**
 * One scan, inside the caller's transaction (`tx` is one connection with a transaction open): the signals into a
 * temporary table, then three set-based statements: open cases of disconnected subscribers close `lost`, every
 * flagged subscriber's open case is updated or a new one opened (the partial unique index on open cases makes
 * this an upsert, so nothing duplicates), and open cases with no sign left whose subscriber paid since the case
 * opened close `returned` (the domain's `caseOnRescan`). Each closing writes its audit event; each opening its audit
 * event and a `case.opened` webhook event (the outbox, in the same transaction). `progress` is told
 * each stage (outside the transaction).
 */
export async function runHiddenChurnScan(
  tx: SqlRunner,
  scanId: string,
  rulesVersion: number,
  rules: HiddenChurnRules,
  progress: (stage: string, percent: number) => Promise<void> = async () => undefined,
): Promise<ScanCounts> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [HIDDEN_CHURN_SCAN_LOCK]);
  await progress('signals', 10);
  await tx.query('DROP TABLE IF EXISTS pg_temp.hc_flag');
  await tx.query(`CREATE TEMP TABLE hc_flag ON COMMIT DROP AS ${HIDDEN_CHURN_SIGNALS_SQL}`, [JSON.stringify(rules)]);
  await tx.query('CREATE UNIQUE INDEX ON pg_temp.hc_flag (subscriber_id)');
  await tx.query('ANALYZE pg_temp.hc_flag');
  const [{ scanned, flagged }] = rowsOf<{ scanned: number; flagged: number }>(
    await tx.query(`SELECT (SELECT count(*)::int FROM subscriber WHERE status <> 'disconnected') AS scanned,
                           (SELECT count(*)::int FROM pg_temp.hc_flag) AS flagged`),
  );

  await progress('lost', 50);
  const [{ n: lost }] = rowsOf<{ n: number }>(
    await tx.query(
      `WITH closing AS (
         SELECT c.id, c.status AS from_status, s.disconnected_on,
                CASE WHEN s.disconnect_kind = 'non_payment' THEN 'non_payment' ELSE 'request' END AS cause
           FROM hidden_churn_case c JOIN subscriber s ON s.id = c.subscriber_id
          WHERE c.status IN ${OPEN} AND s.status = 'disconnected'
          FOR UPDATE OF c),
       upd AS (
         UPDATE hidden_churn_case c SET status = 'lost', closed_at = app_now(),
                closed_on = coalesce(k.disconnected_on, app_today()), close_cause = k.cause, last_scan_id = $1, updated_at = app_now()
           FROM closing k WHERE c.id = k.id RETURNING c.id),
       ev AS (
         INSERT INTO hidden_churn_case_event (case_id, action, from_status, to_status, detail)
         SELECT k.id, 'scan_close', k.from_status, 'lost', jsonb_build_object('scanId', $1::text, 'cause', k.cause, 'disconnectedOn', k.disconnected_on)
           FROM closing k JOIN upd u ON u.id = k.id RETURNING 1)
       SELECT count(*)::int AS n FROM ev`,
      [scanId],
    ),
  );

  await progress('cases', 70);
  const upserted = rowsOf<{ inserted: boolean; n: number }>(
    await tx.query(
      `WITH up AS (
         INSERT INTO hidden_churn_case AS c (subscriber_id, status, signals, signal_codes, risk_score, revenue_at_stake, region_id, services,
                                        rules_version, first_scan_id, last_scan_id)
         SELECT f.subscriber_id, 'new', f.signals, f.codes, f.score, f.mrr, f.region_id, f.services, $2, $1, $1 FROM pg_temp.hc_flag f
         ON CONFLICT (subscriber_id) WHERE status IN ${OPEN} DO UPDATE
            SET signals = EXCLUDED.signals, signal_codes = EXCLUDED.signal_codes, risk_score = EXCLUDED.risk_score,
                revenue_at_stake = EXCLUDED.revenue_at_stake, region_id = EXCLUDED.region_id, services = EXCLUDED.services,
                rules_version = EXCLUDED.rules_version, last_scan_id = EXCLUDED.last_scan_id, updated_at = app_now()
         RETURNING c.id, (c.xmax = 0) AS inserted),
       ev AS (
         INSERT INTO hidden_churn_case_event (case_id, action, from_status, to_status, detail)
         SELECT up.id, 'scan_open', NULL, 'new', jsonb_build_object('scanId', $1::text) FROM up WHERE up.inserted RETURNING 1)
       SELECT inserted, count(*)::int AS n FROM up GROUP BY inserted`,
      [scanId, rulesVersion],
    ),
  );
  const opened = upserted.find((r) => r.inserted)?.n ?? 0;
  const updated = upserted.find((r) => !r.inserted)?.n ?? 0;
  // Integrators hear of each case this scan opened: one `case.opened` event per case, written in one statement.
  if (opened > 0) {
    await emitOutboxEvents(
      tx,
      'case.opened',
      `SELECT jsonb_build_object('caseId', c.id, 'accountNumber', s.account_number, 'region', g.code, 'services', to_jsonb(c.services),
                                 'signals', to_jsonb(c.signal_codes), 'riskScore', c.risk_score, 'revenueAtStake', c.revenue_at_stake,
                                 'scanId', c.first_scan_id) AS payload
         FROM hidden_churn_case c JOIN subscriber s ON s.id = c.subscriber_id JOIN region g ON g.id = c.region_id
        WHERE c.first_scan_id = $1`,
      [scanId],
    );
  }

  await progress('returned', 90);
  const [{ n: returned }] = rowsOf<{ n: number }>(
    await tx.query(
      `WITH closing AS (
         SELECT c.id, c.status AS from_status FROM hidden_churn_case c
          WHERE c.status IN ${OPEN}
            AND NOT EXISTS (SELECT 1 FROM pg_temp.hc_flag f WHERE f.subscriber_id = c.subscriber_id)
            AND EXISTS (SELECT 1 FROM payment p WHERE p.subscriber_id = c.subscriber_id AND p.paid_on >= c.opened_on)
          FOR UPDATE OF c),
       upd AS (
         UPDATE hidden_churn_case c SET status = 'returned', closed_at = app_now(), closed_on = app_today(), close_cause = 'paid_again',
                last_scan_id = $1, updated_at = app_now()
           FROM closing k WHERE c.id = k.id RETURNING c.id),
       ev AS (
         INSERT INTO hidden_churn_case_event (case_id, action, from_status, to_status, detail)
         SELECT k.id, 'scan_close', k.from_status, 'returned', jsonb_build_object('scanId', $1::text, 'cause', 'paid_again')
           FROM closing k JOIN upd u ON u.id = k.id RETURNING 1)
       SELECT count(*)::int AS n FROM ev`,
      [scanId],
    ),
  );
  return { subscribersScanned: scanned, flagged, opened, updated, returned, lost };
}
