import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { appClock, AppConfig, ReadDatabase } from '@retention/api-core';
import type { DiagnosisPoint, DiagnosisPointKey, DiagnosisReport, KeyFigure } from '@retention/contracts';
import { DIAGNOSIS_POINTS, LifetimeRating } from '@retention/contracts';
import {
  addMonths,
  CATCH_ALL_REASON_CODE,
  HIDDEN_CHURN_STALE_SCAN_DAYS,
  HIDDEN_CHURN_WAITING_DAYS,
  hiddenChurnKnown,
  monthKeyOf,
  monthStart,
  nextMonthStart,
} from '@retention/domain';
import { EconomicsService } from './economics.service';
import { ReportsService } from './reports.service';

/** A share of losses with the reason not found above which subscribers are not telling the true reason. */
export const REASON_NOT_FOUND_PROBLEM_SHARE = 0.15;

/** What every check can read: the twelve whole months before this one, and today. */
export interface DiagnosisContext {
  from: string;
  to: string;
  today: string;
  thisMonth: string;
  keyFigures: () => Promise<Record<string, KeyFigure>>;
}

/**
 * One point of the checklist, answered live. The list below is the only place that says how each
 * point is answered: a feature that learns to measure a point (hidden churn, say) replaces its entry.
 */
export interface DiagnosisCheck {
  key: DiagnosisPointKey;
  answer: (ctx: DiagnosisContext) => Promise<Omit<DiagnosisPoint, 'point' | 'key'>>;
}

/**
 * The diagnosis page (docs/methodology.md, "The retention methodology"): the eleven points of the
 * checklist, each answered from the operator's own data, with where the console shows it.
 */
@Injectable()
export class DiagnosisService {
  constructor(
    private readonly read: ReadDatabase,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly reports: ReportsService,
    private readonly economics: EconomicsService,
  ) {}

  private readonly checks: DiagnosisCheck[] = [
    {
      key: 'churn_counted',
      answer: async (c) => {
        const k = await c.keyFigures();
        return {
          status: k['subscribers_start'].value ? 'ok' : 'not_measured',
          figures: { churnRate: k['churn_rate'].value, revenueChurn: k['revenue_churn'].value, subscribersStart: k['subscribers_start'].value },
          link: { path: '/executive/reports/key-figures', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'managed_split',
      answer: async (c) => {
        const [r] = await this.read.query(
          `SELECT count(*) FILTER (WHERE managed)::int AS managed, count(*) FILTER (WHERE NOT managed)::int AS unmanaged
             FROM churn_fact WHERE kind = 'voluntary' AND resolved_at >= $1::date AND resolved_at < $2::date`,
          [monthStart(c.from), nextMonthStart(c.to)],
        );
        const [plan] = await this.read.query(`SELECT count(*)::int AS n FROM churn_plan WHERE month = $1::date`, [monthStart(c.thisMonth)]);
        return {
          status: r.managed + r.unmanaged > 0 ? 'ok' : 'not_measured',
          figures: { managed: r.managed, unmanaged: r.unmanaged, planned: plan.n > 0 },
          link: { path: '/executive/reports/plan-vs-actual', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'classifier',
      answer: async (c) => {
        const [r] = await this.read.query(
          `SELECT (SELECT count(*) FROM churn_reason WHERE version_id = (SELECT max(id) FROM classifier_version))::int AS reasons,
                  (SELECT max(version) FROM classifier_version) AS version,
                  count(DISTINCT request_id)::int AS lost, count(DISTINCT request_id) FILTER (WHERE reason_code = $3)::int AS not_found
             FROM churn_fact WHERE kind = 'voluntary' AND resolved_at >= $1::date AND resolved_at < $2::date`,
          [monthStart(c.from), nextMonthStart(c.to), CATCH_ALL_REASON_CODE],
        );
        const share = r.lost ? Math.round((r.not_found / r.lost) * 10000) / 10000 : null;
        return {
          status: !r.reasons ? 'problem' : share !== null && share > REASON_NOT_FOUND_PROBLEM_SHARE ? 'problem' : 'ok',
          figures: { reasons: r.reasons, version: r.version, reasonNotFoundShare: share, threshold: REASON_NOT_FOUND_PROBLEM_SHARE },
          link: { path: '/manager/classifier' },
        };
      },
    },
    {
      key: 'scripts',
      answer: async () => {
        const [r] = await this.read.query(
          `SELECT count(*) FILTER (WHERE managed)::int AS managed,
                  array_remove(array_agg(code ORDER BY sort_order) FILTER (WHERE managed AND
                    jsonb_array_length(COALESCE(content #> '{script,questions}', '[]')) + jsonb_array_length(COALESCE(content #> '{script,arguments}', '[]')) = 0), NULL) AS without,
                  (SELECT count(*) FROM competitor c WHERE EXISTS (SELECT 1 FROM competitor_tariff t WHERE t.competitor_id = c.id))::int AS compared,
                  (SELECT count(*) FROM competitor)::int AS competitors
             FROM churn_reason WHERE version_id = (SELECT max(id) FROM classifier_version)`,
        );
        const without: string[] = r.without ?? [];
        return {
          status: r.managed && !without.length && r.compared === r.competitors ? 'ok' : 'problem',
          figures: { managedReasons: r.managed, withoutScript: without, competitors: r.competitors, competitorsCompared: r.compared },
          link: { path: '/manager/classifier' },
        };
      },
    },
    {
      key: 'new_subscriber_churn',
      answer: async (c) => {
        const k = await c.keyFigures();
        return {
          status: k['new_subscriber_share'].value === null ? 'not_measured' : 'ok',
          figures: { newSubscriberShare: k['new_subscriber_share'].value, joinedAndLeft: k['new_subscriber_churn'].value,
            months: this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true }) },
          link: { path: '/executive/reports/key-figures', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'plan',
      answer: async (c) => {
        const rows: { service: string; planned: boolean }[] = await this.read.query(
          `WITH p AS (SELECT id FROM churn_plan WHERE month = $1::date ORDER BY version DESC LIMIT 1)
           SELECT v.code AS service, EXISTS (SELECT 1 FROM churn_plan_line l WHERE l.plan_id = (SELECT id FROM p) AND l.service_id = v.id) AS planned
             FROM service v WHERE v.active ORDER BY v.code`,
          [monthStart(c.thisMonth)],
        );
        const missing = rows.filter((r) => !r.planned).map((r) => r.service);
        return {
          status: missing.length ? 'problem' : 'ok',
          figures: { month: c.thisMonth, missingServices: missing, planned: rows.length - missing.length },
          link: { path: `/plans/${c.thisMonth}` },
        };
      },
    },
    {
      key: 'lifetime',
      answer: async (c) => {
        const k = await c.keyFigures();
        const rating = k['average_lifetime'].rating ?? null;
        return {
          status: rating === null ? 'not_measured' : rating === LifetimeRating.Poor || rating === LifetimeRating.Fair ? 'problem' : 'ok',
          figures: { averageLifetime: k['average_lifetime'].value, rating, expectedLifetime: k['expected_lifetime'].value },
          link: { path: '/executive/reports/key-figures', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'economics',
      answer: async (c) => {
        const e = await this.economics.report({ from: c.from, to: c.to });
        const measured = e.staffCostPerHour !== null && !e.missingAcquisitionCosts.length && e.total.keepingPaysBetter !== null;
        return {
          status: !measured ? 'not_measured' : e.total.keepingPaysBetter ? 'ok' : 'problem',
          figures: { costPerSave: e.total.costPerSave, costPerAcquisition: e.total.costPerAcquisition, returnOnSaves: e.total.returnOnSaves,
            missingAcquisitionCosts: e.missingAcquisitionCosts, staffCostSet: e.staffCostPerHour !== null },
          link: { path: '/executive/reports/economics', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'competitors_report',
      answer: async (c) => {
        const [r] = await this.read.query(
          `SELECT count(DISTINCT request_id) FILTER (WHERE destination = 'competitor')::int AS to_competitors,
                  count(DISTINCT request_id) FILTER (WHERE destination = 'unknown')::int AS unknown, count(DISTINCT request_id)::int AS lost
             FROM churn_fact WHERE kind = 'voluntary' AND month = $1`,
          [c.to],
        );
        return {
          status: r.lost ? 'ok' : 'not_measured',
          figures: { month: c.to, toCompetitors: r.to_competitors, destinationUnknown: r.unknown, lost: r.lost },
          link: { path: '/executive/reports/competitors', query: { from: c.to, to: c.to } },
        };
      },
    },
    {
      // Known when the scans run and their cases are worked (the domain's hiddenChurnKnown); the figures are the
      // cases' and the key figures' own (confirmed hidden churn and its share over the same months).
      key: 'hidden_churn',
      answer: async (c) => {
        const [r] = await this.read.query(
          `WITH last AS (SELECT (max(finished_at) AT TIME ZONE 'UTC')::date AS on_day FROM hidden_churn_scan WHERE status = 'completed')
           SELECT (SELECT on_day::text FROM last) AS last_scan, app_today() - (SELECT on_day FROM last) AS days_since,
                  count(*)::int AS open,
                  count(*) FILTER (WHERE status = 'new' AND opened_at < app_now() - make_interval(days => $1))::int AS waiting,
                  coalesce(sum(revenue_at_stake), 0)::float8 AS at_stake
             FROM hidden_churn_case WHERE status IN ('new', 'assigned', 'contacted')`,
          [HIDDEN_CHURN_WAITING_DAYS],
        );
        const daysSinceScan: number | null = r.days_since;
        const k = await c.keyFigures();
        return {
          status: hiddenChurnKnown({ daysSinceScan, openCases: r.open, waitingCases: r.waiting }),
          figures: {
            lastScanOn: r.last_scan, daysSinceScan, openCases: r.open, waitingCases: r.waiting, revenueAtStake: r.at_stake,
            hiddenChurn: k['hidden_churn'].value, hiddenShare: k['hidden_churn_share'].value,
            staleAfterDays: HIDDEN_CHURN_STALE_SCAN_DAYS, waitingAfterDays: HIDDEN_CHURN_WAITING_DAYS,
          },
          link: { path: '/executive/reports/key-figures', query: { from: c.from, to: c.to } },
        };
      },
    },
    {
      key: 'processes',
      answer: async () => {
        const [r] = await this.read.query(
          `SELECT count(*) FILTER (WHERE status <> 'resolved')::int AS open,
                  count(*) FILTER (WHERE status = 'new' AND created_at < app_now() - make_interval(mins => $1))::int AS breached
             FROM disconnect_request WHERE status <> 'resolved'`,
          [this.config.get('REQUEST_SLA_MINUTES', { infer: true })],
        );
        return {
          status: r.breached ? 'problem' : 'ok',
          figures: { open: r.open, breached: r.breached, slaMinutes: this.config.get('REQUEST_SLA_MINUTES', { infer: true }) },
          link: { path: '/manager/requests' },
        };
      },
    },
  ];

  async report(): Promise<DiagnosisReport> {
    const today = appClock().today();
    const thisMonth = monthKeyOf(today);
    const from = addMonths(thisMonth, -12);
    const to = addMonths(thisMonth, -1);
    let kf: Promise<Record<string, KeyFigure>> | null = null;
    const ctx: DiagnosisContext = {
      from,
      to,
      today,
      thisMonth,
      keyFigures: () => (kf ??= this.reports.keyFigures({ from, to }).then((r) => Object.fromEntries(r.figures.map((f) => [f.key, f])))),
    };
    const points: DiagnosisPoint[] = [];
    for (const check of this.checks) points.push({ point: DIAGNOSIS_POINTS.indexOf(check.key) + 1, key: check.key, ...(await check.answer(ctx)) });
    const problems = points.filter((p) => p.status === 'problem').length;
    return { from, to, today, points, problems, rebuildNeeded: problems >= 2 };
  }
}
