import { CREDITED_ANSWERS, isSaveSql, saveStateSql } from '@retention/api-churn-data';
import type { StatementFigure } from '@retention/contracts';

/**
 * Where each figure of a statement comes from. Every source is one set-based statement giving
 * rows (user_id, key, value) for every person at once; the statement is their UNION ALL. A new
 * source of figures (hidden-churn cases returned, ...) is one more entry here and its keys in the
 * contracts' STATEMENT_FIGURES.
 *
 * The parameters every source may use:
 *   $1 the month's first day, $2 the next month's first day (dates; instants are read in UTC),
 *   $3 SAVE_CONFIRMATION_DAYS, $4 REQUEST_SLA_MINUTES, $5 the catch-all reason code ("reason unknown"),
 *   $6 NEW_SUBSCRIBER_MONTHS, $7 one user's id or null for everyone.
 */
export interface FigureSource {
  keys: readonly StatementFigure[];
  sql: string;
}

const monthFrom = `$1::timestamp AT TIME ZONE 'UTC'`;
const monthTo = `$2::timestamp AT TIME ZONE 'UTC'`;
const values = (alias: string, keys: readonly [StatementFigure, string][]) =>
  `CROSS JOIN LATERAL (VALUES ${keys.map(([k, col]) => `('${k}', (${alias}.${col})::numeric)`).join(', ')}) v(key, value)`;

/** Voluntary requests each operator resolved in the month, their saves (and what became of them), revenue kept, offers given, reasons left unknown. */
const resolvedRequests: FigureSource = {
  keys: ['requestsHandled', 'saves', 'savesPending', 'savesConfirmed', 'savesLost', 'savedRevenue', 'offerCost', 'reasonsUnknown'],
  sql: `
    SELECT a.user_id, v.key, v.value FROM (
      SELECT d.resolved_by AS user_id, count(*) AS handled, count(*) FILTER (WHERE d.saved) AS saves,
             count(*) FILTER (WHERE d.saved AND d.state = 'pending') AS pending,
             count(*) FILTER (WHERE d.saved AND d.state = 'confirmed') AS confirmed,
             count(*) FILTER (WHERE d.saved AND d.state = 'lost') AS lost,
             COALESCE(sum(d.mrr_at_risk) FILTER (WHERE d.saved), 0) AS saved_revenue,
             COALESCE(sum(d.offer_cost), 0) AS offer_cost,
             count(*) FILTER (WHERE d.reason_code = $5) AS unknown
        FROM (SELECT r.resolved_by, r.reason_code, r.offer_cost, r.mrr_at_risk, ${isSaveSql('r.outcome')} AS saved,
                     ${saveStateSql(`(r.resolved_at AT TIME ZONE 'UTC')::date`, 's.disconnected_on', '$3')} AS state
                FROM disconnect_request r JOIN subscriber s ON s.id = r.subscriber_id
               WHERE r.status = 'resolved' AND r.kind = 'voluntary' AND r.resolved_at >= ${monthFrom} AND r.resolved_at < ${monthTo}
                 AND ($7::uuid IS NULL OR r.resolved_by = $7)) d
       GROUP BY d.resolved_by) a
    ${values('a', [['requestsHandled', 'handled'], ['saves', 'saves'], ['savesPending', 'pending'], ['savesConfirmed', 'confirmed'],
      ['savesLost', 'lost'], ['savedRevenue', 'saved_revenue'], ['offerCost', 'offer_cost'], ['reasonsUnknown', 'unknown']])}`,
};

/**
 * Call-backs the operator promised (postponements) that fell due in the month: kept when the request
 * was taken up again (its next event) within REQUEST_SLA_MINUTES after the promised time, missed when
 * that time has passed without it.
 */
const callbacks: FigureSource = {
  keys: ['callbacksKept', 'callbacksMissed'],
  sql: `
    SELECT a.user_id, v.key, v.value FROM (
      SELECT e.actor_id AS user_id,
             count(*) FILTER (WHERE nxt.at <= e.due + make_interval(mins => $4::int)) AS kept,
             count(*) FILTER (WHERE (nxt.at IS NULL OR nxt.at > e.due + make_interval(mins => $4::int))
                                AND e.due + make_interval(mins => $4::int) <= app_now()) AS missed
        FROM (SELECT id, request_id, actor_id, (data->>'callbackAt')::timestamptz AS due
                FROM request_event WHERE action = 'postpone' AND at < ${monthTo} AND ($7::uuid IS NULL OR actor_id = $7)) e
        LEFT JOIN LATERAL (SELECT n.at FROM request_event n WHERE n.request_id = e.request_id AND n.id > e.id ORDER BY n.id LIMIT 1) nxt ON true
       WHERE e.due >= ${monthFrom} AND e.due < ${monthTo} AND e.actor_id IS NOT NULL
       GROUP BY e.actor_id) a
    ${values('a', [['callbacksKept', 'kept'], ['callbacksMissed', 'missed']])}`,
};

/** New requests the operator took from the queue in the month after they had waited longer than the SLA. */
const slaBreaches: FigureSource = {
  keys: ['slaBreaches'],
  sql: `
    SELECT e.actor_id AS user_id, 'slaBreaches' AS key, count(*)::numeric AS value
      FROM request_event e JOIN disconnect_request r ON r.id = e.request_id
     WHERE e.action = 'claim' AND e.from_status = 'new' AND e.at >= ${monthFrom} AND e.at < ${monthTo}
       AND e.at - r.created_at > make_interval(mins => $4::int) AND e.actor_id IS NOT NULL AND ($7::uuid IS NULL OR e.actor_id = $7)
     GROUP BY e.actor_id`,
};

/**
 * Hidden-churn cases the operator closed as returned in the month (the subscriber was called before they
 * asked to leave and stayed): counted by the operator who recorded the outcome, not by a scan that saw
 * them pay again.
 */
const casesReturned: FigureSource = {
  keys: ['casesReturned'],
  sql: `
    SELECT e.actor_id AS user_id, 'casesReturned' AS key, count(DISTINCT e.case_id)::numeric AS value
      FROM hidden_churn_case_event e
     WHERE e.action = 'resolve' AND e.to_status = 'returned' AND e.at >= ${monthFrom} AND e.at < ${monthTo}
       AND e.actor_id IS NOT NULL AND ($7::uuid IS NULL OR e.actor_id = $7)
     GROUP BY e.actor_id`,
};

/** Survey answers given in the month, each counting for whom churn-data's CREDITED_ANSWERS credits it (the representative when it was given). */
const surveys: FigureSource = {
  keys: ['npsPromoters', 'npsPassives', 'npsDetractors', 'csatAnswers', 'csatSatisfied'],
  sql: `
    SELECT a.user_id, v.key, v.value FROM (
      SELECT credited_to AS user_id,
             count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS promoters,
             count(*) FILTER (WHERE kind = 'nps' AND score BETWEEN 7 AND 8) AS passives,
             count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS detractors,
             count(*) FILTER (WHERE kind = 'csat') AS csat,
             count(*) FILTER (WHERE kind = 'csat' AND score >= 4) AS satisfied
        FROM ${CREDITED_ANSWERS} c
       WHERE credited_to IS NOT NULL AND answered_on >= $1::date AND answered_on < $2::date AND ($7::uuid IS NULL OR credited_to = $7)
       GROUP BY credited_to) a
    ${values('a', [['npsPromoters', 'promoters'], ['npsPassives', 'passives'], ['npsDetractors', 'detractors'], ['csatAnswers', 'csat'], ['csatSatisfied', 'satisfied']])}`,
};

/**
 * A sales agent's subscribers: signed up in the month; of those signed up 6 (12) months earlier, how
 * many reached their 6 (12) months by today (due) and how many of them were still connected then
 * (stayed); and those who left voluntarily in the month within NEW_SUBSCRIBER_MONTHS of joining.
 */
const salesLongevity: FigureSource = {
  keys: ['signedUp', 'due6m', 'stayed6m', 'due12m', 'stayed12m', 'newSubscriberChurn'],
  sql: `
    SELECT a.user_id, v.key, v.value FROM (
      SELECT s.sales_agent_id AS user_id,
             count(*) FILTER (WHERE s.connected_on >= $1::date AND s.connected_on < $2::date) AS signed_up,
             count(*) FILTER (WHERE c6.due) AS due6, count(*) FILTER (WHERE c6.due AND c6.stayed) AS stayed6,
             count(*) FILTER (WHERE c12.due) AS due12, count(*) FILTER (WHERE c12.due AND c12.stayed) AS stayed12,
             count(*) FILTER (WHERE s.disconnect_kind = 'voluntary' AND s.disconnected_on >= $1::date AND s.disconnected_on < $2::date
                                AND s.disconnected_on <= app_today() AND s.disconnected_on < s.connected_on + make_interval(months => $6::int)) AS new_churn
        FROM subscriber s
        CROSS JOIN LATERAL (SELECT s.connected_on >= ($1::date - interval '6 months') AND s.connected_on < ($2::date - interval '6 months')
                                   AND (s.connected_on + interval '6 months')::date <= app_today() AS due,
                                   s.disconnected_on IS NULL OR s.disconnected_on > (s.connected_on + interval '6 months')::date AS stayed) c6
        CROSS JOIN LATERAL (SELECT s.connected_on >= ($1::date - interval '12 months') AND s.connected_on < ($2::date - interval '12 months')
                                   AND (s.connected_on + interval '12 months')::date <= app_today() AS due,
                                   s.disconnected_on IS NULL OR s.disconnected_on > (s.connected_on + interval '12 months')::date AS stayed) c12
       WHERE s.sales_agent_id IS NOT NULL AND ($7::uuid IS NULL OR s.sales_agent_id = $7)
         AND s.connected_on >= ($1::date - interval '12 months' - make_interval(months => $6::int)) AND s.connected_on < $2::date
       GROUP BY s.sales_agent_id) a
    ${values('a', [['signedUp', 'signed_up'], ['due6m', 'due6'], ['stayed6m', 'stayed6'], ['due12m', 'due12'], ['stayed12m', 'stayed12'], ['newSubscriberChurn', 'new_churn']])}`,
};

export const FIGURE_SOURCES: readonly FigureSource[] = [resolvedRequests, callbacks, slaBreaches, casesReturned, surveys, salesLongevity];

/** Every source's rows for the month, one statement (the first CTE types every parameter, used or not). */
export const statementFiguresSql = (sources: readonly FigureSource[] = FIGURE_SOURCES): string =>
  `WITH typed_params AS (SELECT $1::date, $2::date, $3::int, $4::int, $5::text, $6::int, $7::uuid)
   ${sources.map((s) => `(${s.sql})`).join('\n UNION ALL\n')}`;
