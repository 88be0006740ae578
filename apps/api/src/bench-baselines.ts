/**
 * The benchmark's baselines: for each report, the simplest hand-written SQL over the raw tables that gives
 * its headline figure (disconnect_request, subscriber, subscription, survey_answer as they are; churn_reason
 * for what a reason means; no churn_fact, no roll-up), written here apart from the report code so that a
 * report is measured against what a plain query of the same question costs, not against itself. Each
 * baseline also says whether the API's answer holds the same headline numbers (a mismatch is printed).
 */

/** A statement with its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export interface Baseline {
  statements: Statement[];
  /** What differs between the API's answers (one per path, in order) and the baseline's rows (one set per statement). */
  check(answers: unknown[], rows: Record<string, unknown>[][]): string[];
}

/** The period and slice a report is asked for, as the bench sends it. */
export interface BaselineFilter {
  /** Inclusive first day and exclusive end of the report's whole months, 'YYYY-MM-DD'. */
  fromDate: string;
  toDate: string;
  /** The exclusive end of the period as of today (month to date): key figures and their drill-downs. */
  asOfEnd: string;
  service?: string;
  region?: string;
}

/**
 * Every service a resolved request let go (of a voluntary request, not a technical closure), with what it paid
 * a month, in [$1, $2): the raw form of a churned service (docs/methodology.md, "churn facts").
 */
function lostServices(f: BaselineFilter, params: unknown[]): string {
  params.push(f.fromDate, f.toDate);
  let extra = '';
  if (f.service) {
    params.push(f.service);
    extra += ` AND v.service = $${params.length}`;
  }
  if (f.region) {
    params.push(f.region);
    extra += ` AND d.region_id = (SELECT id FROM region WHERE code = $${params.length})`;
  }
  return `
    SELECT d.id, d.subscriber_id, d.competitor_id, d.destination, d.reason_code, d.resolved_at, v.service,
           COALESCE((d.service_fees ->> v.service)::numeric, 0) AS fee, cr.managed OR d.reason_code = 'other_unknown' AS managed
      FROM disconnect_request d
      JOIN churn_reason cr ON cr.version_id = d.reason_version_id AND cr.code = d.reason_code
      CROSS JOIN LATERAL unnest(d.services) AS v(service)
     WHERE d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained') AND d.kind = 'voluntary'
       AND cr.reason_group <> 'closure' AND d.reason_code <> 'duplicate_account'
       AND d.resolved_at >= $1::date AND d.resolved_at < $2::date
       AND NOT (v.service = ANY (COALESCE(d.kept_services, '{}')))${extra}`;
}

const near = (a: unknown, b: unknown) => Math.abs(Number(a ?? 0) - Number(b ?? 0)) < 0.005;
const money = (x: unknown) => Math.round(Number(x ?? 0) * 100) / 100;

/** Compares keyed numbers: `expected` from the baseline, `actual` from the API; lists the first few differences. */
function compare(what: string, expected: Map<string, number[]>, actual: Map<string, number[]>): string[] {
  const out: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key) ?? [];
    const a = actual.get(key) ?? [];
    const zero = (xs: number[]) => xs.every((x) => !x);
    if ((zero(e) && zero(a)) || (e.length === a.length && e.every((x, i) => near(x, a[i])))) continue;
    out.push(`${what} ${key}: baseline ${JSON.stringify(e)}, API ${JSON.stringify(a)}`);
  }
  return out.slice(0, 5);
}

/** Churn to competitors: who went to each competitor (distinct subscribers) and what they paid a month. */
export function competitorsBaseline(f: BaselineFilter): Baseline {
  const params: unknown[] = [];
  const sql = `SELECT competitor_id, count(DISTINCT subscriber_id)::int AS subscribers, sum(fee)::float8 AS revenue
                 FROM (${lostServices(f, params)}) l WHERE destination = 'competitor' GROUP BY competitor_id`;
  return {
    statements: [{ sql, params }],
    check: ([answer], [rows]) => {
      const a = answer as { rows: { competitorId: string | null; subscribers: number; monthlyRevenue: number }[] };
      return compare(
        'competitor',
        new Map(rows.map((r) => [String(r['competitor_id']), [Number(r['subscribers']), money(r['revenue'])]])),
        new Map(a.rows.map((r) => [String(r.competitorId), [r.subscribers, r.monthlyRevenue]])),
      );
    },
  };
}

/** Churn by reason: per reason, the distinct subscribers lost for it and what they paid a month. */
export function reasonsBaseline(f: BaselineFilter): Baseline {
  const params: unknown[] = [];
  const sql = `SELECT reason_code, count(DISTINCT subscriber_id)::int AS subscribers, sum(fee)::float8 AS revenue
                 FROM (${lostServices(f, params)}) l GROUP BY reason_code`;
  return {
    statements: [{ sql, params }],
    check: ([answer], [rows]) => {
      const a = answer as { rows: { reasonCode: string; subscribers: number; monthlyRevenue: number }[] };
      return compare(
        'reason',
        new Map(rows.map((r) => [String(r['reason_code']), [Number(r['subscribers']), money(r['revenue'])]])),
        new Map(a.rows.map((r) => [r.reasonCode, [r.subscribers, r.monthlyRevenue]])),
      );
    },
  };
}

/** Plan versus actual: churned services per month and service, managed and unmanaged. */
export function planBaseline(f: BaselineFilter): Baseline {
  const params: unknown[] = [];
  const sql = `SELECT to_char(resolved_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, service,
                      count(*) FILTER (WHERE managed)::int AS managed, count(*) FILTER (WHERE NOT managed)::int AS unmanaged
                 FROM (${lostServices(f, params)}) l GROUP BY 1, 2`;
  return {
    statements: [{ sql, params }],
    check: ([answer], [rows]) => {
      const a = answer as { rows: { month: string; service: string; actualManaged: number; actualUnmanaged: number }[] };
      return compare(
        'month and service',
        new Map(rows.map((r) => [`${r['month']} ${r['service']}`, [Number(r['managed']), Number(r['unmanaged'])]])),
        new Map(a.rows.map((r) => [`${r.month} ${r.service}`, [r.actualManaged, r.actualUnmanaged]])),
      );
    },
  };
}

/** NPS per operator: each operator's NPS answers of the period by class (the representative when answered). */
export function npsBaseline(f: BaselineFilter): Baseline {
  const params: unknown[] = [f.fromDate, f.toDate];
  const sql = `SELECT representative_id, count(*) FILTER (WHERE score >= 9)::int AS promoters,
                      count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE score <= 6)::int AS detractors
                 FROM survey_answer
                WHERE kind = 'nps' AND answered_on >= $1::date AND answered_on < $2::date AND representative_id IS NOT NULL
                GROUP BY representative_id`;
  return {
    statements: [{ sql, params }],
    check: ([answer], [rows]) => {
      const a = answer as { rows: { operatorId: string; promoters: number; passives: number; detractors: number }[] };
      return compare(
        'operator',
        new Map(rows.map((r) => [String(r['representative_id']), [Number(r['promoters']), Number(r['passives']), Number(r['detractors'])]])),
        new Map(a.rows.map((r) => [r.operatorId, [r.promoters, r.passives, r.detractors]])),
      );
    },
  };
}

/**
 * Key figures: the churn rate, voluntary leavers among those present at the period's start over those present
 * (subscribers; with a service, its subscriptions), to today when the period reaches it.
 */
export function keyFiguresBaseline(f: BaselineFilter): Baseline {
  const params: unknown[] = [f.fromDate, f.asOfEnd];
  let sql: string;
  if (f.service) {
    params.push(f.service, f.region ?? null);
    sql = `SELECT count(*) FILTER (WHERE x.ended_on IS NULL OR x.ended_on >= $1::date)::int AS at_start,
                  count(*) FILTER (WHERE x.ended_on >= $1::date AND x.ended_on < $2::date AND x.end_reason IN ('disconnected', 'dropped'))::int AS lost
             FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
            WHERE x.started_on < $1::date AND x.service_id = (SELECT id FROM service WHERE code = $3)
              AND ($4::text IS NULL OR s.region_id = (SELECT id FROM region WHERE code = $4))`;
  } else {
    params.push(f.region ?? null);
    sql = `SELECT count(*) FILTER (WHERE disconnected_on IS NULL OR disconnected_on >= $1::date)::int AS at_start,
                  count(*) FILTER (WHERE disconnected_on >= $1::date AND disconnected_on < $2::date
                                     AND COALESCE(disconnect_kind, 'voluntary') = 'voluntary')::int AS lost
             FROM subscriber
            WHERE connected_on < $1::date AND ($3::text IS NULL OR region_id = (SELECT id FROM region WHERE code = $3))`;
  }
  return {
    statements: [{ sql, params }],
    check: ([answer], [[row]]) => {
      const a = answer as { figures: { key: string; value: number | null }[] };
      const api = a.figures.find((x) => x.key === 'churn_rate')?.value ?? null;
      const atStart = Number(row['at_start']);
      const expected = atStart ? Number(row['lost']) / atStart : 0;
      return api !== null && Math.abs(api - expected) < 1e-12 ? [] : [`churn rate: baseline ${row['lost']} of ${atStart} = ${expected}, API ${api}`];
    },
  };
}

/** The drill-down "went to a competitor": the first page of requests, newest first, with their total. */
export function competitorDrillBaseline(f: BaselineFilter, limit: number): Baseline {
  const params: unknown[] = [];
  const sql = `SELECT id, count(*) OVER () AS total
                 FROM (SELECT DISTINCT id, resolved_at FROM (${lostServices(f, params)}) l WHERE destination = 'competitor') r
                ORDER BY resolved_at DESC, id LIMIT ${limit}`;
  return {
    statements: [{ sql, params }],
    check: ([answer], [rows]) => {
      const a = answer as { items: { requestId: string }[]; total: number };
      const out: string[] = [];
      if (Number(rows[0]?.['total'] ?? 0) !== a.total) out.push(`total: baseline ${rows[0]?.['total'] ?? 0}, API ${a.total}`);
      if (rows.map((r) => r['id']).join() !== a.items.map((r) => r.requestId).join()) out.push('the first page holds other requests');
      return out;
    },
  };
}

/** A subscriber drill-down's first page and total, over the raw tables. */
export function subscriberDrillBaseline(f: BaselineFilter, figure: 'left' | 'saves' | 'nps', limit: number): Baseline {
  const params: unknown[] = [f.fromDate, f.asOfEnd];
  const [from, order, id] = {
    left: [
      `subscriber s WHERE s.disconnected_on >= $1::date AND s.disconnected_on < $2::date AND s.connected_on < $1::date
         AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary'`,
      's.disconnected_on DESC, s.id',
      's.id',
    ],
    saves: [
      `disconnect_request d WHERE d.status = 'resolved' AND d.outcome IN ('retained', 'retained_with_offer') AND d.kind = 'voluntary'
         AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'`,
      'd.resolved_at DESC, d.id',
      'd.subscriber_id',
    ],
    nps: [`survey_answer a WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date`, 'a.score, a.answered_on DESC, a.id', 'a.subscriber_id'],
  }[figure];
  return {
    statements: [
      { sql: `SELECT ${id} AS id FROM ${from} ORDER BY ${order} LIMIT ${limit}`, params },
      { sql: `SELECT count(*)::int AS total FROM ${from}`, params },
    ],
    check: ([answer], [page, [count]]) => {
      const a = answer as { items: { subscriberId: string }[]; total: number };
      const out: string[] = [];
      if (Number(count['total']) !== a.total) out.push(`total: baseline ${count['total']}, API ${a.total}`);
      if (page.map((r) => r['id']).join() !== a.items.map((r) => r.subscriberId).join()) out.push('the first page holds other subscribers');
      return out;
    },
  };
}

/** Several baselines at once (a page that asks for several reports together): their statements and checks in order. */
export function together(parts: Baseline[]): Baseline {
  return {
    statements: parts.flatMap((p) => p.statements),
    check: (answers, rows) => {
      let at = 0;
      return parts.flatMap((p, i) => {
        const mine = rows.slice(at, at + p.statements.length);
        at += p.statements.length;
        return p.check([answers[i]], mine);
      });
    },
  };
}
