import { type ChurnKind, ENDING_COUNTS, monthKeyOf, monthStart, SAVE_OUTCOMES } from '@retention/domain';

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
 * per requested service, day and region, with `requests` resolved and `saved` telling which.
 * Billing's requests for non-payment are kept apart (docs/methodology.md).
 */
export function resolvedRequestsSql(f: FactsFilter, params: unknown[]): string {
  const { from, to, extra } = bind(f, params, (p) => `svc.service = ${p}`, (p) => `rg.code = ${p}`);
  return `
    SELECT svc.service, rg.code AS region, to_char(r.resolved_on, 'YYYY-MM') AS month, r.saved, r.requests
      FROM save_flow r
      JOIN region rg ON rg.id = r.region_id
      CROSS JOIN LATERAL unnest(r.services) AS svc(service)
     WHERE r.resolved_on >= (${from})::date AND r.resolved_on < (${to})::date AND r.kind = 'voluntary' ${extra}`;
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
 * Months ('YYYY-MM-01') that contain one of `dates` other than their first day: a report reads
 * those months day by day from the source tables, the others from the roll-ups (month to date).
 */
export function cutMonths(dates: readonly string[]): string[] {
  return [...new Set(dates.filter((d) => !d.endsWith('-01')).map((d) => monthStart(monthKeyOf(d))))];
}

/** `column` (a date) falls in one of the months `cut` (month starts, bound as parameters); false without any. */
function inMonths(column: string, cut: readonly string[], params: unknown[]): string {
  if (!cut.length) return 'false';
  return `(${cut
    .map((m) => {
      params.push(m);
      return `(${column} >= $${params.length}::date AND ${column} < $${params.length}::date + interval '1 month')`;
    })
    .join(' OR ')})`;
}

/**
 * The base's joinings and leavings before `before` (a date expression): subscribers from base_flow,
 * or with a service that service's subscriptions from revenue_flow; in the region when one is given.
 * The months `cut` come from the source tables day by day instead (a period cut at a day: month to
 * date). One row per event group: `on_day` the day it happened (the first of its month, from a
 * roll-up), `since` when the subscriber (the subscription) began (its month, from a roll-up),
 * `kind` null for a joining, else how it ended (see subscriptionEndKindSql; a subscriber ends
 * voluntary, non_payment or technical), `n` how many, `tenure_days` the leavers' days from the
 * subscriber's connection.
 */
export function baseEventsSql(f: { service?: string; region?: string }, before: string, params: unknown[], cut: readonly string[] = []): string {
  params.push(f.region ?? null);
  const regionParam = `$${params.length}`;
  const region = regionIs('region_id', regionParam);
  const notCut = (column: string) => (cut.length ? `NOT ${inMonths(column, cut, params)}` : 'true');
  if (!f.service) {
    return `
      SELECT month AS on_day, joined_month AS since, kind, CASE WHEN kind IS NULL THEN joined ELSE left_count END AS n,
             left_tenure_days AS tenure_days
        FROM base_flow WHERE month < ${before} AND ${region} AND ${notCut('month')}${
      cut.length
        ? `
      UNION ALL
      SELECT connected_on, connected_on, NULL, 1, 0 FROM subscriber s
       WHERE ${inMonths('s.connected_on', cut, params)} AND s.connected_on < ${before} AND ${regionIs('s.region_id', regionParam)}
      UNION ALL
      SELECT disconnected_on, connected_on, COALESCE(disconnect_kind, 'voluntary'), 1, disconnected_on - connected_on FROM subscriber s
       WHERE ${inMonths('s.disconnected_on', cut, params)} AND s.disconnected_on < ${before} AND ${regionIs('s.region_id', regionParam)}`
        : ''
    }`;
  }
  params.push(f.service);
  const serviceParam = `$${params.length}`;
  const service = serviceIs('service_id', serviceParam);
  return `
      SELECT start_month AS on_day, start_month AS since, NULL::text AS kind, subscriptions AS n, 0::bigint AS tenure_days
        FROM revenue_flow WHERE start_month < ${before} AND ${service} AND ${region} AND ${notCut('start_month')}
      UNION ALL
      SELECT end_month, start_month, ${subscriptionEndKindSql('end_reason')}, subscriptions, ended_tenure_days
        FROM revenue_flow WHERE end_month < ${before} AND ${service} AND ${region} AND ${notCut('end_month')}${
    cut.length
      ? `
      UNION ALL
      SELECT x.started_on, x.started_on, NULL, 1, 0 FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       WHERE ${inMonths('x.started_on', cut, params)} AND x.started_on < ${before}
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}
      UNION ALL
      SELECT x.ended_on, x.started_on, ${subscriptionEndKindSql('x.end_reason')}, 1, x.ended_on - s.connected_on
        FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       WHERE ${inMonths('x.ended_on', cut, params)} AND x.ended_on < ${before}
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}`
      : ''
  }`;
}

/**
 * Subscriptions with their fees for recurring revenue at any day before `before`: from revenue_flow,
 * but those that start or end in a month of `cut`, which come from the source tables day by day. One
 * row per group: `started` and `ended` (the first of their month, from the roll-up; null when still
 * running), `joined` when the subscriber joined (likewise), `fee` their monthly fees.
 */
export function revenueRowsSql(f: { service?: string; region?: string }, before: string, params: unknown[], cut: readonly string[] = []): string {
  params.push(f.service ?? null, f.region ?? null);
  const [serviceParam, regionParam] = [`$${params.length - 1}`, `$${params.length}`];
  const rollup = `
      SELECT r.start_month AS started, r.end_month AS ended, r.joined_month AS joined, r.fee
        FROM revenue_flow r
       WHERE r.start_month < ${before} AND ${serviceIs('r.service_id', serviceParam)} AND ${regionIs('r.region_id', regionParam)}`;
  if (!cut.length) return rollup;
  return `${rollup}
         AND NOT ${inMonths('r.start_month', cut, params)} AND (r.end_month IS NULL OR NOT ${inMonths('r.end_month', cut, params)})
      UNION ALL
      SELECT x.started_on, x.ended_on, s.connected_on, x.monthly_fee
        FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id
       WHERE (${inMonths('x.started_on', cut, params)} OR ${inMonths('x.ended_on', cut, params)}) AND x.started_on < ${before}
         AND ${serviceIs('x.service_id', serviceParam)} AND ${regionIs('s.region_id', regionParam)}`;
}

/** The domain's isSave as SQL: the request outcome `outcome` (an SQL expression) is a save. */
export function isSaveSql(outcome: string): string {
  return `${outcome} IN (${SAVE_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;
}

/**
 * The domain's saveState as SQL, as of `today` (app_today() unless given): 'lost' when the
 * subscriber has left within SAVE_CONFIRMATION_DAYS of the save, else 'confirmed' once those days
 * have passed, else 'pending'. `resolvedOn`, `leftOn` and `today` are date expressions; `days` a
 * parameter placeholder or a number.
 */
export function saveStateSql(resolvedOn: string, leftOn: string, days: string, today = 'app_today()'): string {
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
 * the plan's hidden-churn line all read it.
 */
export function hiddenChurnSql(from: string, to: string): string {
  return `
    SELECT s.id AS subscriber_id, s.disconnected_on AS on_day, s.region_id, NULL::uuid AS case_id, 'non_payment'::text AS cause,
           ARRAY(SELECT v.code::text FROM subscription x JOIN service v ON v.id = x.service_id
                  WHERE x.subscriber_id = s.id AND x.end_reason = 'non_payment') AS services
      FROM subscriber s
     WHERE s.disconnect_kind = 'non_payment' AND s.disconnected_on >= ${from} AND s.disconnected_on < ${to}
    UNION ALL
    SELECT c.subscriber_id, c.closed_on, c.region_id, c.id, 'case_lost', c.services
      FROM hidden_churn_case c
     WHERE c.status = 'lost' AND c.close_cause IS DISTINCT FROM 'request' AND c.closed_on >= ${from} AND c.closed_on < ${to}`;
}
