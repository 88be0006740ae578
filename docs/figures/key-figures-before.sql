-- The key figures of a period by the formulas the console used before the churn-accounting rules of
-- docs/methodology.md ("before"), beside the same figures by today's rules ("after"), in SQL over the
-- same tables, with the counts that moved each one. docs/methodology.md, "What these rules changed, in
-- figures", gives its results; the "after" column must equal what the API answers (key figures, plan
-- versus actual, churn to competitors), which docs/figures/key-figures-after.sh reads.
--
-- Whole months only: :from is the first day of the first month, :to the first day of the month after
-- the last (month to date plays no part). Run with psql:
--   psql ... -v from=2026-09-01 -v to=2026-12-01 -f docs/figures/key-figures-before.sql
--
-- What "before" reproduces (the console's code before the rules, read over today's tables):
-- * churn rate: everyone whose subscriber row left in the period (any way of leaving: voluntary,
--   non-payment, a technical closure; whenever they joined) over those active at its start.
-- * revenue churn: ((MRR at start − MRR at end) − MRR gained) / MRR at start, where MRR gained is every
--   subscription started in the period and still running at its end (new customers, upgrades and
--   tariff changes alike), so gains were subtracted twice.
-- * managed and unmanaged churn: every churned service of the churn facts, whatever the kind of ending,
--   each by its reason's managed flag, with "reason not found" (other_unknown) unmanaged as the
--   classifier had it then; technical closures (duplicate_account) counted as unmanaged churn.
-- * save rate: saves over every resolved request, billing's non-payment requests included.
-- * went to a competitor: the subscribers whose churned services carry one of the reasons that imply a
--   competitor (the only ones that could name one), whatever the kind of ending.
\set ON_ERROR_STOP on
SET TimeZone = 'UTC';
\pset footer off

WITH p AS (SELECT :'from'::date AS f, :'to'::date AS t),
-- Subscribers: who was there at the start, who left in the period, how, and whether they joined in it.
base AS (
  SELECT count(*) FILTER (WHERE s.connected_on < p.f AND (s.disconnected_on IS NULL OR s.disconnected_on >= p.f)) AS at_start,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t) AS left_all,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary' AND s.connected_on < p.f) AS voluntary_from_start,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary' AND s.connected_on >= p.f) AS voluntary_joined_inside,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t AND s.disconnect_kind = 'non_payment' AND s.connected_on < p.f) AS non_payment_from_start,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t AND s.disconnect_kind = 'non_payment' AND s.connected_on >= p.f) AS non_payment_joined_inside,
         count(*) FILTER (WHERE s.disconnected_on >= p.f AND s.disconnected_on < p.t AND s.disconnect_kind = 'technical') AS technical
    FROM subscriber s, p),
-- Recurring revenue: a subscription runs on day d when it started before d and had not ended before d.
rev AS (
  SELECT COALESCE(sum(x.monthly_fee) FILTER (WHERE x.started_on < p.f AND (x.ended_on IS NULL OR x.ended_on >= p.f)), 0) AS mrr_start,
         COALESCE(sum(x.monthly_fee) FILTER (WHERE x.started_on < p.t AND (x.ended_on IS NULL OR x.ended_on >= p.t)), 0) AS mrr_end,
         -- before: every subscription started in the period and running at its end
         COALESCE(sum(x.monthly_fee) FILTER (WHERE x.started_on >= p.f AND x.started_on < p.t AND (x.ended_on IS NULL OR x.ended_on >= p.t)), 0) AS gained_before,
         -- today: what the subscribers who joined in the period pay at its end
         COALESCE(sum(x.monthly_fee) FILTER (WHERE s.connected_on >= p.f AND s.connected_on < p.t AND x.started_on < p.t
                                              AND (x.ended_on IS NULL OR x.ended_on >= p.t)), 0) AS new_customers
    FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id, p),
-- Churned services (churn_fact, kept by triggers from the resolved requests) of the period.
facts AS (
  SELECT c.*, c.managed AND c.reason_code <> 'other_unknown' AS managed_before
    FROM churn_fact c, p
   WHERE c.resolved_at >= p.f AND c.resolved_at < p.t),
plan AS (
  SELECT count(*) FILTER (WHERE managed_before) AS managed_before,
         count(*) FILTER (WHERE NOT managed_before) AS unmanaged_before,
         count(*) FILTER (WHERE kind = 'voluntary' AND managed) AS managed_after,
         count(*) FILTER (WHERE kind = 'voluntary' AND NOT managed) AS unmanaged_after,
         count(*) FILTER (WHERE kind = 'non_payment' AND managed_before) AS non_payment_managed,
         count(*) FILTER (WHERE kind = 'non_payment' AND NOT managed_before) AS non_payment_unmanaged,
         count(*) FILTER (WHERE kind = 'non_payment') AS non_payment_services,
         count(*) FILTER (WHERE kind = 'technical' AND managed_before) AS technical_managed,
         count(*) FILTER (WHERE kind = 'technical' AND NOT managed_before) AS technical_unmanaged,
         count(*) FILTER (WHERE kind = 'voluntary' AND reason_code = 'other_unknown') AS reason_not_found
    FROM facts),
went AS (
  -- per subscriber: counted before (a competitor reason), counted today (a voluntary leaver gone to a competitor)
  SELECT count(*) FILTER (WHERE b) AS before, count(*) FILTER (WHERE a) AS after,
         count(*) FILTER (WHERE a AND NOT b) AS other_reasons, count(*) FILTER (WHERE b AND NOT a) AS dropped
    FROM (SELECT bool_or(implies_competitor) AS b, bool_or(kind = 'voluntary' AND destination = 'competitor') AS a
            FROM facts GROUP BY subscriber_id) w),
-- Resolved requests of the period (save_flow keeps the same count per request).
saves AS (
  SELECT count(*) AS requests_before,
         count(*) FILTER (WHERE d.outcome IN ('retained', 'retained_with_offer')) AS saves_before,
         count(*) FILTER (WHERE d.kind = 'voluntary') AS requests_after,
         count(*) FILTER (WHERE d.kind = 'voluntary' AND d.outcome IN ('retained', 'retained_with_offer')) AS saves_after,
         count(*) FILTER (WHERE d.kind <> 'voluntary') AS other_kinds
    FROM disconnect_request d, p
   WHERE d.status = 'resolved' AND d.resolved_at >= p.f AND d.resolved_at < p.t)
SELECT figure, before, after, moved FROM (
  SELECT 1 AS o, 'churn rate' AS figure,
         format('%s %% (%s of %s at the start)', round(100.0 * least(left_all, at_start) / at_start, 2), left_all, at_start) AS before,
         format('%s %% (%s)', round(100.0 * voluntary_from_start / at_start, 2), voluntary_from_start) AS after,
         format('non-payment apart: -%s (of those at the start; its own rate %s %%); technical closures out: -%s; joined and left inside the period: -%s (voluntary %s, non-payment %s)',
                non_payment_from_start, round(100.0 * non_payment_from_start / at_start, 2), technical,
                voluntary_joined_inside + non_payment_joined_inside, voluntary_joined_inside, non_payment_joined_inside) AS moved
    FROM base
  UNION ALL
  SELECT 2, 'revenue churn',
         format('%s %%', round(100 * (mrr_start - mrr_end - gained_before) / mrr_start, 2)),
         format('%s %% (net revenue retention %s %%)', round(100 * (mrr_start - mrr_end + least(new_customers, mrr_end)) / mrr_start, 2),
                round(100 * (mrr_end - least(new_customers, mrr_end)) / mrr_start, 2)),
         format('MRR at start %s, at end %s; before subtracted the MRR gained %s (every subscription started in the period), today adds the new customers'' MRR %s',
                mrr_start, mrr_end, gained_before, new_customers)
    FROM rev
  UNION ALL
  SELECT 3, 'managed churn (churned services)', managed_before::text, managed_after::text,
         format('non-payment out: -%s; technical closures out: -%s; "reason not found" counted managed: +%s', non_payment_managed, technical_managed, reason_not_found)
    FROM plan
  UNION ALL
  SELECT 4, 'unmanaged churn (churned services)', unmanaged_before::text, unmanaged_after::text,
         format('non-payment out: -%s; technical closures out: -%s; "reason not found" moved to managed: -%s (non-payment churned services in all: %s)',
                non_payment_unmanaged, technical_unmanaged, reason_not_found, non_payment_services)
    FROM plan
  UNION ALL
  SELECT 5, 'save rate',
         format('%s %% (%s of %s requests)', round(100.0 * saves_before / requests_before, 2), saves_before, requests_before),
         format('%s %% (%s of %s)', round(100.0 * saves_after / requests_after, 2), saves_after, requests_after),
         format('voluntary requests only: %s non-payment requests left the denominator, %s of their saves the numerator', other_kinds, saves_before - saves_after)
    FROM saves
  UNION ALL
  SELECT 6, 'went to a competitor (subscribers)', before::text, after::text,
         format('every voluntary leaver whose destination is a competitor: +%s who left for a reason that does not imply one; -%s competitor-reason leavers not counted today (another kind of ending or destination)',
                other_reasons, dropped)
    FROM went
) x ORDER BY o;
