import { type ChurnKind, ENDING_COUNTS, monthKeyOf, monthStart, nextMonthStart, SAVE_OUTCOMES } from '@retention/domain';

/**
 * The one definition of "a churned service" that plans and reports share: each service that a
 * resolved request disconnected (all requested services, or those not kept in a partial
 * retention), dated by the resolution, with its monthly fee when the request was made, the
 * meaning of the reason in the classifier version it was classified with, the kind of ending
 * (voluntary, non-payment or technical, kept apart) and where the subscriber went (docs/methodology.md). The
 * database keeps churn_fact by statement-level triggers on disconnect_request, whoever writes (migration
 * KeepChurnFactsByTriggers, its definition checked against the domain's churnedServices and churnKind in
 * test/api/churn-data.spec.ts); plans and reports read it through churnFactsSql.
 */
export interface FactsFilter {
  /** Inclusive start and exclusive end, as dates 'YYYY-MM-DD' (UTC). */
  fromDate: string;
  toDate: string;
  service?: string;
  region?: string;
}

/**
 * Binds a filter's dates, and its service and region when given, as parameters; returns their
 * placeholders and the extra conditions written by `service` and `region` for that statement.
 */
function bind(
  f: FactsFilter,
  params: unknown[],
  service: (p: string) => string,
  region: (p: string) => string,
): { from: string; to: string; extra: string } {
  params.push(f.fromDate, f.toDate);
  const from = `$${params.length - 1}`;
  const to = `$${params.length}`;
  let extra = '';
  if (f.service) {
    params.push(f.service);
    extra += ` AND ${service(`$${params.length}`)}`;
  }
  if (f.region) {
    params.push(f.region);
    extra += ` AND ${region(`$${params.length}`)}`;
  }
  return { from, to, extra };
}

/**
 * The churn facts of a period, of one kind of ending: voluntary churn unless another kind is asked
 * for, so that no report or plan mixes non-payment into voluntary churn by accident.
 */
export function churnFactsSql(f: FactsFilter, params: unknown[], kind: ChurnKind = 'voluntary'): string {
  const { from, to, extra } = bind(f, params, (p) => `service = ${p}`, (p) => `region = ${p}`);
  params.push(kind);
  return `
    SELECT request_id, subscriber_id, region, service, fee, resolved_at, month, outcome, reason_code, managed,
           implies_competitor, reason_group, competitor_id, is_new_subscriber, resolved_by, kind, destination
      FROM churn_fact
     WHERE resolved_at >= (${from})::date AND resolved_at < (${to})::date AND kind = $${params.length} ${extra}`;
}

/**
 * Resolved voluntary requests (saves and losses) for save rates from the save_flow roll-up: one row
 * per requested service, month ('YYYY-MM') and region, with `requests` resolved and `saved` telling which.
 * Billing's requests for non-payment are kept apart (docs/methodology.md). The roll-up's days are summed per
 * month before their services are unnested and named (at a million subscribers a year's 37,000 rows: 69 → 45 ms
 * of processor time for plan versus actual's saves).
 */
export function resolvedRequestsSql(f: FactsFilter, params: unknown[]): string {
  const { from, to, extra } = bind(f, params, (p) => `svc.service = ${p}`, (p) => `rg.code = ${p}`);
  return `
    SELECT svc.service, rg.code AS region, to_char(r.month, 'YYYY-MM') AS month, r.saved, r.requests
      FROM (SELECT ${monthOf('f.resolved_on')} AS month, f.region_id, f.services, f.saved, sum(f.requests) AS requests
              FROM save_flow f
             WHERE f.resolved_on >= (${from})::date AND f.resolved_on < (${to})::date AND f.kind = 'voluntary'
             GROUP BY 1, 2, 3, 4) r
      JOIN region rg ON rg.id = r.region_id
      CROSS JOIN LATERAL unnest(r.services) AS svc(service)
     WHERE true ${extra}`;
}

/**
 * Subscriptions that ended for non-payment (kept apart from voluntary churn), from the
 * revenue_flow roll-up: `subscriptions` ended per service, region and month.
 */
export function nonPaymentSql(f: FactsFilter, params: unknown[]): string {
  const { from, to, extra } = bind(f, params, (p) => `v.code = ${p}`, (p) => `rg.code = ${p}`);
  return `
    SELECT v.code AS service, rg.code AS region, to_char(r.end_month, 'YYYY-MM') AS month, r.subscriptions
      FROM revenue_flow r
      JOIN service v ON v.id = r.service_id
      JOIN region rg ON rg.id = r.region_id
     WHERE r.end_reason = 'non_payment' AND r.end_month >= (${from})::date AND r.end_month < (${to})::date ${extra}`;
}

/**
 * The domain's endingCounts as SQL: how a subscription's ending counts (docs/methodology.md):
 * 'voluntary' (disconnected, or the service dropped), 'non_payment', 'technical' (a closure, not
 * churn), or 'tariff' (a change of tariff: the service goes on, nothing is lost).
 */
export function subscriptionEndKindSql(endReason: string): string {
  const whens = Object.entries(ENDING_COUNTS).map(([reason, counts]) => `WHEN '${reason}' THEN '${counts}'`).join(' ');
  return `(CASE ${endReason} ${whens} ELSE 'voluntary' END)`;
}

/**
 * A month cut at a day (month to date): `month` its first day ('YYYY-MM-01'), `until` the latest date of
 * the report inside it other than its first day. A count of leavers reads the facts of `month` before `until`
 * (leaverCountsSql); the base and revenue read some of its days from the source tables (SourceDays).
 */
export interface CutMonth {
  month: string;
  until: string;
}

/** The months that contain one of `dates` other than their first day, each with the latest such date in it. */
export function cutMonths(dates: readonly string[]): CutMonth[] {
  const until = new Map<string, string>();
  for (const d of dates.filter((x) => !x.endsWith('-01'))) {
    const m = monthStart(monthKeyOf(d));
    if (!until.has(m) || (until.get(m) as string) < d) until.set(m, d);
  }
  return [...until].map(([month, u]) => ({ month, until: u }));
}

/**
 * How a reading of the monthly roll-ups puts each row at its own side of dates that are not first days: in a month
 * holding such dates (cutMonths), the roll-up's row stands at `at`, and the source rows dated in [`from`, `to`) are
 * added at their own day and taken out again at `at` (atCut, inDays). Either the days before the month's latest such
 * date are read (`at` that date: all of the month counted from it on, but its first days at their own), or the days
 * from its earliest such date to the month's end (`at` the month's first day: all of the month counted from its
 * start, but its last days at their own), whichever is fewer days to read. In the month of the latest of `dates`
 * the days after it count as none: a report's dates are cut at today alone (docs/methodology.md), and what is dated
 * after today is rare (a disconnection set for later). At a million subscribers the month to date read from its
 * first day was most of the key figures' revenue at four dates (the subscriptions of today's month: 23,000 rows of
 * 31,000, for none from today to the month's end).
 */
export interface SourceDays {
  month: string;
  at: string;
  from: string;
  to: string;
}

/** The SourceDays of each month that holds one of `dates` other than its first day. */
export function sourceDays(dates: readonly string[]): SourceDays[] {
  const latest = dates.reduce((a, b) => (b > a ? b : a), '');
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  return cutMonths(dates).map(({ month, until }) => {
    const first = dates.filter((d) => d > month && d <= until).reduce((a, b) => (b < a ? b : a));
    const next = nextMonthStart(monthKeyOf(month));
    const after = latest < next ? 0 : days(first, next);
    return after < days(month, until) ? { month, at: month, from: first, to: next } : { month, at: until, from: month, to: until };
  });
}

/**
 * Where a roll-up's month `month` (an SQL date expression, a first day) stands for its rows: its SourceDays' `at`,
 * else the month itself. Without such months, `month` as it is.
 */
function atCut(month: string, cut: readonly SourceDays[], params: unknown[]): string {
  const moved = cut.filter((c) => c.at !== c.month);
  if (!moved.length) return month;
  return `(CASE ${month} ${moved
    .map((c) => {
      params.push(c.month, c.at);
      return `WHEN $${params.length - 1}::date THEN $${params.length}::date`;
    })
    .join(' ')} ELSE ${month} END)`;
}

/** `column` (a date) falls in one of the ranges [`from`, `to`); false without any. */
function inDays(column: string, ranges: readonly { from: string; to: string }[], params: unknown[]): string {
  if (!ranges.length) return 'false';
  return `(${ranges
    .map((c) => {
      params.push(c.from, c.to);
      return `(${column} >= $${params.length - 1}::date AND ${column} < $${params.length}::date)`;
    })
    .join(' OR ')})`;
}

/** `column` falls in the days of a cut month before its `until`. */
const beforeCut = (column: string, cut: readonly CutMonth[], params: unknown[]) => inDays(column, cut.map((c) => ({ from: c.month, to: c.until })), params);

const monthOf = (column: string) => `date_trunc('month', ${column}::timestamp)::date`;

/**
 * The base's joinings and leavings before `before` (a date expression): subscribers from base_flow,
 * or with a service that service's subscriptions from revenue_flow; in the region when one is given.
 * In the months `cut` (a period cut at a day: month to date) some days come from the source tables day by day,
 * the rest of the month from the roll-up (SourceDays). One row per event group: `on_day` the
 * day it happened (the first of its month, from a roll-up), `since` when the subscriber (the subscription)
 * began (its month, from a roll-up), `kind` null for a joining, else how it ended (see subscriptionEndKindSql;
 * a subscriber ends voluntary, non_payment or technical), `n` how many (negative for what a source row takes
 * out of its roll-up month), `tenure_days` the leavers' days from the subscriber's connection.
 */
export function baseEventsSql(f: { service?: string; region?: string }, before: string, params: unknown[], cut: readonly SourceDays[] = []): string {
  params.push(f.region ?? null);
  const regionParam = `$${params.length}`;
  const region = regionIs('region_id', regionParam);
  if (!f.service) {
    // The subscribers who joined or left in a cut month's source days, one range per cut month: each an
    // index-only range scan (ix_subscriber_connected and ix_subscriber_disconnected hold the columns read; OR-ed
    // ranges were a bitmap scan of the table, at a million subscribers 10,000 of its pages for two cut months). In a
    // cut month, the month a row's roll-up row stands at is `at` (SourceDays).
    const perCut = (column: string, row: (at: string) => string) =>
      cut.map((c) => {
        params.push(c.at, c.from, c.to);
        const [at, from, to] = [3, 2, 1].map((k) => `$${params.length + 1 - k}::date`);
        return `
      UNION ALL
      ${row(at)}
       WHERE ${column} >= ${from} AND ${column} < ${to} AND ${regionIs('s.region_id', regionParam)}`;
      }).join('');
    return `
      SELECT ${atCut('month', cut, params)} AS on_day, joined_month AS since, kind, CASE WHEN kind IS NULL THEN joined ELSE left_count END AS n,
             left_tenure_days AS tenure_days
        FROM base_flow WHERE month < ${before} AND ${region}${perCut(
          's.connected_on',
          (at) => `SELECT v.on_day, v.since, NULL, v.n, 0 FROM subscriber s
       CROSS JOIN LATERAL (VALUES (s.connected_on, s.connected_on, 1), (${at}, ${monthOf('s.connected_on')}, -1)) v(on_day, since, n)`,
        )}${perCut(
          's.disconnected_on',
          (at) => `SELECT v.on_day, v.since, COALESCE(s.disconnect_kind, 'voluntary'), v.n, v.n * (s.disconnected_on - s.connected_on) FROM subscriber s
       CROSS JOIN LATERAL (VALUES (s.disconnected_on, s.connected_on, 1), (${at}, ${monthOf('s.connected_on')}, -1)) v(on_day, since, n)`,
        )}`;
  }
  params.push(f.service);
  const serviceParam = `$${params.length}`;
  const service = serviceIs('service_id', serviceParam);
  return `
      SELECT ${atCut('start_month', cut, params)} AS on_day, start_month AS since, NULL::text AS kind, subscriptions AS n, 0::bigint AS tenure_days
        FROM revenue_flow WHERE start_month < ${before} AND ${service} AND ${region}
      UNION ALL
      SELECT ${atCut('end_month', cut, params)}, start_month, ${subscriptionEndKindSql('end_reason')}, subscriptions, ended_tenure_days
        FROM revenue_flow WHERE end_month < ${before} AND ${service} AND ${region}${
    cut.length
      ? `
      UNION ALL
      SELECT v.on_day, v.since, NULL, v.n, 0 FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       CROSS JOIN LATERAL (VALUES (x.started_on, x.started_on, 1), (${atCut(monthOf('x.started_on'), cut, params)}, ${monthOf('x.started_on')}, -1)) v(on_day, since, n)
       WHERE ${inDays('x.started_on', cut, params)}
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}
      UNION ALL
      SELECT v.on_day, v.since, ${subscriptionEndKindSql('x.end_reason')}, v.n, v.n * (x.ended_on - s.connected_on)
        FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       CROSS JOIN LATERAL (VALUES (x.ended_on, x.started_on, 1), (${atCut(monthOf('x.ended_on'), cut, params)}, ${monthOf('x.started_on')}, -1)) v(on_day, since, n)
       WHERE ${inDays('x.ended_on', cut, params)}
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}`
      : ''
  }`;
}

/**
 * Subscriptions with their fees for recurring revenue at any day before `before`, as rows (`part`, `started`,
 * `ended`, `joined`, `fee`): a subscription counts at a day when it started before it and did not end before it.
 * Rows of `part` 'mrr' serve the recurring revenue at a day alone: from mrr_flow, the change of a month (the fees
 * of the subscriptions started in it less those ended in it) as if one subscription started then and never
 * ended. Rows of `part` 'gained' serve the revenue of those who joined in [`joinedFrom`, `joinedTo`) alone: from
 * revenue_flow (its subscriptions by the months they started and ended and the month the subscriber joined,
 * through its index by that month). In the months `cut` some days come from the source tables day by day for both
 * (`part` 'both': a subscription that starts or ends in those days is added at its own days and taken out of its
 * roll-up rows' month, SourceDays). `started`, `ended` and `joined` from a roll-up are the first of
 * their month; `ended` null when still running.
 */
export function revenueRowsSql(f: { service?: string; region?: string }, before: string, params: unknown[], cut: readonly SourceDays[], joinedFrom: string, joinedTo: string): string {
  params.push(f.service ?? null, f.region ?? null);
  const [serviceParam, regionParam] = [`$${params.length - 1}`, `$${params.length}`];
  const rollups = `
      SELECT 'mrr' AS part, ${atCut('m.month', cut, params)} AS started, NULL::date AS ended, NULL::date AS joined, m.fee
        FROM mrr_flow m
       WHERE m.month < ${before} AND ${serviceIs('m.service_id', serviceParam)} AND ${regionIs('m.region_id', regionParam)}
      UNION ALL
      SELECT 'gained', ${atCut('r.start_month', cut, params)}, ${atCut('r.end_month', cut, params)}, r.joined_month, r.fee
        FROM revenue_flow r
       WHERE r.joined_month >= ${joinedFrom} AND r.joined_month < ${joinedTo} AND r.start_month < ${before}
         AND ${serviceIs('r.service_id', serviceParam)} AND ${regionIs('r.region_id', regionParam)}`;
  if (!cut.length) return rollups;
  return `${rollups}
      UNION ALL
      SELECT 'both', v.started, v.ended, v.joined, v.fee
        FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       CROSS JOIN LATERAL (VALUES (x.started_on, x.ended_on, s.connected_on, x.monthly_fee),
                                  (${atCut(monthOf('x.started_on'), cut, params)}, ${atCut(monthOf('x.ended_on'), cut, params)}, ${monthOf('s.connected_on')}, -x.monthly_fee)) v(started, ended, joined, fee)
       WHERE (${inDays('x.started_on', cut, params)} OR ${inDays('x.ended_on', cut, params)})
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}`;
}

/** The domain's isSave as SQL: the request outcome `outcome` (an SQL expression) is a save. */
export function isSaveSql(outcome: string): string {
  return `${outcome} IN (${SAVE_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;
}

/**
 * The domain's saveState as SQL, as of `today` (the application's today unless given): 'lost' when the
 * subscriber has left within SAVE_CONFIRMATION_DAYS of the save, else 'confirmed' once those days
 * have passed, else 'pending'. `resolvedOn`, `leftOn` and `today` are date expressions; `days` a
 * parameter placeholder or a number. The application's today is read once per statement (a subquery of its own):
 * `app_today()` as such is evaluated for every row, half of the key figures' saves statement at a million subscribers
 * (75,000 rows: 60 → 30 ms of processor time).
 */
export function saveStateSql(resolvedOn: string, leftOn: string, days: string, today = '(SELECT app_today())'): string {
  return `CASE WHEN ${leftOn} <= ${today} AND ${leftOn} - ${resolvedOn} < ${days}::int THEN 'lost'
               WHEN ${resolvedOn} <= ${today} - ${days}::int THEN 'confirmed' ELSE 'pending' END`;
}

/** `column` holds the id of the region coded by the parameter `param`, or `param` is null (no filter). */
export function regionIs(column: string, param: string): string {
  return `(${param}::text IS NULL OR ${column} = (SELECT id FROM region WHERE code = ${param}))`;
}

/** `column` holds the id of the service coded by the parameter `param`, or `param` is null (no filter). */
export function serviceIs(column: string, param: string): string {
  return `(${param}::text IS NULL OR ${column} = (SELECT id FROM service WHERE code = ${param}))`;
}

/**
 * Confirmed hidden churn in [`from`, `to`) (SQL date expressions, usually bound parameters; docs/methodology.md,
 * "Early signs of hidden churn"): one row per event, a subscriber disconnected for non-payment (on that day, with
 * the services whose subscriptions ended for non-payment) or a hidden-churn case closed `lost` for any cause but a
 * request (on the day it closed, with the case's services and id). A subscriber disconnected for non-payment whose
 * case closed lost for it has both rows: callers count DISTINCT subscriber_id. The key figures, their drill-down and
 * the plan's hidden-churn line all read it. `service` (a parameter placeholder of a service code, bound to one: pass
 * none for every service) keeps the events holding that service: a non-payment ending of that service, or a case
 * that held it. It is tested against the subscriber's non-payment subscriptions directly (a semi-join through their
 * own index, migration IndexNonPaymentSubscriptions), not against the `services` array built per subscriber: at a
 * million subscribers that array cost a subquery per non-payment leaver of the period (866 ms for the key figures of
 * internet in one region, against their headline statement's 147); and not under an `IS NULL OR`, which kept the
 * planner from a semi-join (250 ms against 40).
 */
export function hiddenChurnSql(from: string, to: string, service?: string): string {
  return `
    SELECT s.id AS subscriber_id, s.disconnected_on AS on_day, s.region_id, NULL::uuid AS case_id, 'non_payment'::text AS cause,
           ARRAY(SELECT v.code::text FROM subscription x JOIN service v ON v.id = x.service_id
                  WHERE x.subscriber_id = s.id AND x.end_reason = 'non_payment') AS services
      FROM subscriber s
     WHERE s.disconnect_kind = 'non_payment' AND s.disconnected_on >= ${from} AND s.disconnected_on < ${to}${
       service
         ? `
       AND EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = s.id AND x.end_reason = 'non_payment'
                      AND x.service_id = (SELECT id FROM service WHERE code = ${service}))`
         : ''
     }
    UNION ALL
    SELECT c.subscriber_id, c.closed_on, c.region_id, c.id, 'case_lost', c.services
      FROM hidden_churn_case c
     WHERE c.status = 'lost' AND c.close_cause IS DISTINCT FROM 'request' AND c.closed_on >= ${from} AND c.closed_on < ${to}${
       service ? ` AND ${service} = ANY (c.services)` : ''
     }`;
}

/**
 * Which leavers a leaverCountsSql statement reads: the months [`fromDate`, `toDate`) (first days; `toDate` may be a
 * later day of its month when that month is cut), the kinds of ending, the service and region when given, `where`
 * (an SQL condition over the leaver columns, below) for every row read, and `cut` the months read only up to a day
 * (month to date; see cutMonths): of those the facts before the day are read from churn_fact, and the rest of the
 * month not at all (a report's cut dates are where its periods end).
 */
export interface LeaverSource {
  fromDate: string;
  toDate: string;
  kinds: readonly ChurnKind[];
  service?: string;
  region?: string;
  where?: string;
  cut?: readonly CutMonth[];
  /** False when no grouping reads `revenue`: then a count that groups by no service reads only each set's first service's rows. */
  revenue?: boolean;
}

/** The leaver columns leaver_flow has and leaver_count has not. */
const FINE_LEAVER_COLUMNS = ['reason_code', 'reason_group', 'managed', 'competitor_id', 'destination'];

/** The types of the leaver columns a grouping can group by. */
const LEAVER_COLUMN_TYPES: Record<string, string> = {
  month: 'date', kind: 'text', region: 'text', reason_code: 'text', reason_group: 'text', managed: 'boolean',
  competitor_id: 'uuid', destination: 'text', is_new_subscriber: 'boolean', service: 'text',
};

/**
 * A count of distinct leavers: rows named `part`, grouped by `by` (output column -> SQL expression over the leaver
 * columns month, kind, region, reason_code, reason_group, managed, competitor_id, destination, is_new_subscriber
 * and service, as in churn_fact but `month` a date: the first of its month, or a cut month's fact's own day), over
 * the rows `where` keeps; `consts` are output columns of constant value (say a GROUPING() code). An expression that
 * is not one of those columns ends in its type cast (`::boolean`), so that groupings without it have NULLs of that type.
 */
export interface LeaverGrouping {
  part: string;
  by: Record<string, string>;
  where?: string;
  consts?: Record<string, string>;
}

/**
 * Distinct subscribers (`subscribers`) and the monthly fees they let go (`revenue`) per group of each grouping, as
 * `count(DISTINCT subscriber_id)` and `sum(fee)` over the churn facts would give them, from the leaver_flow roll-up
 * (migration AddLeaverFlow; leaver_count when no grouping reads a reason, competitor or destination): the groups' counts summed over the roll-up's rows, plus, for each subscriber with more
 * than one leaver row among those read (of leaver_row's `multi` rows) or with facts in a cut month's days, one less than the rows of
 * theirs that were counted (a subscriber of only cut-month facts: one). Only groups with leavers are returned. One
 * row per group: `part`, every output column of every grouping (null where another grouping's), `subscribers`,
 * `revenue`, and `keep` (output column -> 'bool_or' or 'min' of the leaver column of that name).
 */
export function leaverCountsSql(src: LeaverSource, groupings: readonly LeaverGrouping[], params: unknown[], keep: Record<string, 'bool_or' | 'min'> = {}): string {
  params.push(src.fromDate, src.toDate, [...src.kinds], src.service ?? null, src.region ?? null);
  const [from, to, kinds, service, region] = [5, 4, 3, 2, 1].map((k) => `$${params.length + 1 - k}`);
  const cut = src.cut ?? [];
  params.push(cut.map((c) => c.month));
  const cutList = `$${params.length}::date[]`;
  const filters = (svc: string, rg: string) =>
    `kind = ANY (${kinds}::text[]) AND (${service}::text IS NULL OR ${svc} = ${service}) AND (${region}::text IS NULL OR ${rg} = ${region})${src.where ? ` AND (${src.where})` : ''}`;
  const whole = `month >= ${from}::date AND month < ${to}::date AND NOT (month = ANY (${cutList}))`;
  const keepCols = Object.keys(keep);
  const firstOnly = src.revenue === false && !src.service && groupings.every((g) => !Object.values(g.by).includes('service'));
  // The rows read carry the leaver columns the groupings read alone (and `month`), so that the materialized rows stay
  // narrow (in memory rather than on disk); and groupings that read none of the reason, competitor and destination
  // columns, even in `src.where`, count from leaver_count (leaver_flow without them, a thirtieth of its rows:
  // migration AddLeaverCount). A column's name in an expression is a reading.
  const groupingExpressions = [...keepCols, ...groupings.flatMap((g) => [...Object.values(g.by), g.where ?? '', ...Object.values(g.consts ?? {})])];
  const reads = (expressions: string[], column: string) => expressions.some((e) => new RegExp(`\\b${column}\\b`).test(e));
  const coarse = !FINE_LEAVER_COLUMNS.some((c) => reads([src.where ?? '', ...groupingExpressions], c));
  const columns = ['month', ...Object.keys(LEAVER_COLUMN_TYPES).filter((c) => c !== 'month' && c !== 'service' && reads(groupingExpressions, c))].join(', ');
  const roll = coarse
    ? `
      SELECT ${columns}, service, subscribers AS n, fee, is_first FROM leaver_count
       WHERE ${whole} AND ${filters('service', 'region')}${firstOnly ? ' AND is_first' : ''}`
    : `
      SELECT ${columns}, service, subscribers AS n, fee, service = services[1] AS is_first FROM leaver_flow
       WHERE ${whole} AND ${filters('service', 'region')}${firstOnly ? ' AND service = services[1]' : ''}`;
  const partFacts = cut.length
    ? `
      UNION ALL
      SELECT subscriber_id, ${columns}, service, fee, false, false
        FROM (SELECT f.subscriber_id, (f.resolved_at AT TIME ZONE 'UTC')::date AS month, ${Object.keys(LEAVER_COLUMN_TYPES)
          .filter((c) => c !== 'month')
          .map((c) => `f.${c}`)
          .join(', ')}, f.fee
                FROM churn_fact f WHERE ${beforeCut('f.resolved_at', cut, params)}) c
       WHERE ${filters('service', 'region')}`
    : '';
  // Each service of a multi row's set, or (a count of the sets' first services alone) the first without unnesting.
  const rows = firstOnly
    ? `
      SELECT r.subscriber_id, ${columns}, r.services[1] AS service, r.fees[1] AS fee, true AS is_first, true AS whole
        FROM leaver_row r
       WHERE r.multi AND ${whole} AND ${filters('r.services[1]', 'r.region')}${partFacts}`
    : `
      SELECT r.subscriber_id, ${columns}, u.service, u.fee, u.ord = 1 AS is_first, true AS whole
        FROM leaver_row r CROSS JOIN LATERAL unnest(r.services, r.fees) WITH ORDINALITY AS u(service, fee, ord)
       WHERE r.multi AND ${whole} AND ${filters('u.service', 'r.region')}${partFacts}`;
  // A subscriber with one leaver row among those read changes no count (each group of theirs holds that row alone, and
  // the correction adds one less than one): the correction reads the subscribers with two rows or more, or with facts
  // of a cut month (weighed two). A row weighs one by its first service, or by the one service asked for. At a million
  // subscribers churn to competitors read 5,527 such rows for 2026 of which 1,112 were of such subscribers.
  const subs = `
      SELECT * FROM (SELECT s.*, sum(CASE WHEN NOT s.whole THEN 2 WHEN s.is_first OR ${service}::text IS NOT NULL THEN 1 ELSE 0 END)
                                   OVER (PARTITION BY s.subscriber_id) AS weight
                       FROM (${rows}) s) s
       WHERE weight > 1`;
  const outputs = [...new Set(groupings.flatMap((g) => [...Object.keys(g.by), ...Object.keys(g.consts ?? {})]))];
  // Each output column's type, for the groupings that do not have it (a column of NULLs alone in a UNION is text).
  const typeOf = (o: string) => {
    const e = groupings.map((g) => g.by[o] ?? g.consts?.[o]).find((x) => x !== undefined) as string;
    return /::(\w+)$/.exec(e)?.[1] ?? LEAVER_COLUMN_TYPES[e] ?? 'text';
  };
  // Groupings of one `where` count the roll-up's rows in one pass (GROUPING SETS: the rows read once, a hash table per
  // grouping), each grouping then from its pre-counted groups (with and without the sets' other services) and its
  // subscribers' correction. A grouping whose columns another of the same `where` already groups by takes a pass of
  // its own (GROUPING() could not tell the two apart).
  const passes: { where: string; groupings: LeaverGrouping[]; exprs: string[] }[] = [];
  const keysOf = (g: LeaverGrouping) => [...new Set(Object.values(g.by))];
  const columnsOf = (g: LeaverGrouping) => keysOf(g).sort().join('\n');
  for (const g of groupings) {
    const where = g.where ?? 'true';
    const pass = passes.find((p) => p.where === where && !p.groupings.some((o) => columnsOf(o) === columnsOf(g)));
    if (pass) pass.groupings.push(g);
    else passes.push({ where, groupings: [g], exprs: [] });
  }
  for (const p of passes) p.exprs = [...new Set(p.groupings.flatMap(keysOf))];
  const counted = passes.map((p, i) => {
    const sets = p.groupings.map((g) => `(${keysOf(g).join(', ')})`);
    return `
    counted_${i} AS MATERIALIZED (
      SELECT ${[
        ...p.exprs.map((e, k) => `${e} AS k${k}`),
        `${p.exprs.length ? `GROUPING(${p.exprs.join(', ')})` : '0'} AS gid`,
        'sum(n) AS n_all',
        'COALESCE(sum(n) FILTER (WHERE is_first), 0) AS n_first',
        'sum(fee) AS fee',
        ...keepCols.map((k) => `${keep[k]}(${k}) AS ${k}`),
      ].join(', ')}
        FROM roll WHERE ${p.where}
       GROUP BY GROUPING SETS (${sets.join(', ')}))`;
  });
  const statements = passes.flatMap((p, i) =>
    p.groupings.map((g) => {
      const by = Object.entries(g.by);
      // A grouping by service counts each service of a set; any other counts the set once, by its first service's
      // row (with a service asked for, the rows read are that service's alone).
      const perService = !!src.service || by.some(([, e]) => e === 'service');
      // GROUPING()'s bits: 1 for each of the pass's expressions this grouping does not group by, the first the highest.
      const gid = p.exprs.reduce((bits, e, k) => bits + (keysOf(g).includes(e) ? 0 : 1 << (p.exprs.length - 1 - k)), 0);
      const inner = by.map(([alias, e]) => `${e} AS ${alias}`);
      const keys = by.map(([, e]) => e);
      const out = outputs.map((o) => (g.by[o] !== undefined ? `x.${o}` : (g.consts?.[o] ?? `NULL::${typeOf(o)}`)) + ` AS ${o}`);
      return `
    SELECT '${g.part}' AS part, ${[...out, 'sum(x.n)::int AS subscribers', 'COALESCE(sum(x.fee), 0)::float8 AS revenue', ...keepCols.map((k) => `${keep[k]}(x.${k}) AS ${k}`)].join(', ')}
      FROM (SELECT ${[...by.map(([alias, e]) => `k${p.exprs.indexOf(e)} AS ${alias}`), perService ? 'n_all AS n' : 'n_first AS n', 'fee', ...keepCols].join(', ')} FROM counted_${i} WHERE gid = ${gid}
            UNION ALL
            SELECT ${[...inner, `1 - count(*) FILTER (WHERE whole${perService ? '' : ' AND is_first'})`, 'sum(fee) FILTER (WHERE NOT whole)', ...keepCols.map((k) => `${keep[k]}(${k})`)].join(', ')}
              FROM subs WHERE ${p.where} GROUP BY ${[...keys, 'subscriber_id'].join(', ')}) x
     ${by.length ? `GROUP BY ${by.map(([alias]) => `x.${alias}`).join(', ')}` : ''}
    HAVING sum(x.n) <> 0`;
    }),
  );
  // The rows read are kept for a second reading; one reading aggregates them as they are read (writing 80,000 rows
  // aside to read them once cost churn by reason's statement a third of its time). The roll-up's rows are read once
  // per pass, the subscribers' rows once per grouping.
  const aside = (many: boolean) => (many ? 'MATERIALIZED' : 'NOT MATERIALIZED');
  return `WITH roll AS ${aside(passes.length > 1)} (${roll}),
    subs AS ${aside(groupings.length > 1)} (${subs}),${counted.join(',')}
    ${statements.join('\n    UNION ALL')}`;
}
