import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { appClock, AppConfig, badRequest, ReadDatabase } from '@retention/api-core';
import type {
  ChurnByReasonReport,
  ChurnToCompetitorsReport,
  CompetitorChurnRow,
  NameTranslations,
  DrillRow,
  KeyFigure,
  KeyFiguresReport,
  LangCode,
  NpsByOperatorReport,
  NpsCounts,
  Page,
  PlanLineRequest,
  PlanVsActualReport,
  PlanVsActualRow,
  ReasonChurnRow,
  ReasonNotFoundRow,
  ReportFilter,
  SubscriberDrillRow,
} from '@retention/contracts';
import type { ExportNames } from './export';
import {
  addMonths,
  arpu as arpuOf,
  CATCH_ALL_REASON_CODE,
  type ChurnKind,
  churnRate,
  economicEffect,
  hiddenChurnShare,
  lifetimeRating,
  ltv,
  monthRange,
  monthsBetween,
  monthStart,
  nextMonthStart,
  nps,
  npsBand,
  planOfMonth,
  reportPeriodAsOf,
  monthKeyOf,
  npsBreakdown,
  npsClass,
  retentionRate,
  revenueChurnRate,
  revenueRetentionRate,
  SAVE_CONFIRMATION_DAYS,
  TECHNICAL_CLOSURE_GROUP,
  tenureMonths,
} from '@retention/domain';
import { BaseFlowsService, churnFactsSql, CREDITED_ANSWERS, FactsFilter, hiddenChurnSql, isSaveSql, lifetimeOf, nonPaymentSql, regionIs, resolvedRequestsSql, saveStateSql, serviceIs, spendAtSql, subscriptionEndKindSql, tenureRatingSql } from '@retention/api-churn-data';
import { DrillQueryDto, SubscriberDrillQueryDto } from './reports.dto';


const MAX_MONTHS = 36;

/** A churn fact of a subscriber who went to a competitor, named or not, whatever the reason (docs/methodology.md). */
const TO_COMPETITOR = `destination = 'competitor'`;
/** Moved out of the coverage area (or the country) and not known to have gone to a competitor: shown beside the competitors. */
const MOVED_OUT = `(reason_group = 'relocation' AND NOT managed AND destination <> 'competitor')`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The SQL of a report's core query, so the benchmark can run the very same statement directly. */
export interface CoreQuery {
  sql: string;
  params: unknown[];
}

export function factsFilter(f: ReportFilter): FactsFilter {
  if (f.from > f.to) throw badRequest('from', 'must not be after to');
  if (monthsBetween(f.from, f.to) + 1 > MAX_MONTHS) throw badRequest('to', `a report covers at most ${MAX_MONTHS} months`);
  return { fromDate: monthStart(f.from), toDate: nextMonthStart(f.to), service: f.service, region: f.region };
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly read: ReadDatabase,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly churnData: BaseFlowsService,
  ) {}

  /**
   * Core of report 1: everyone who went to a competitor (named, or not known which), whatever the
   * reason they gave, per competitor, by service, region and reason, and competitor × reason ×
   * service × region (docs/methodology.md, "Where they went").
   */
  competitorsCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    const sql = `
      SELECT competitor_id, service, region, reason_code, GROUPING(service, region, reason_code) AS g,
             count(DISTINCT subscriber_id)::int AS subscribers, COALESCE(sum(fee), 0)::float8 AS revenue
        FROM (${churnFactsSql(factsFilter(f), params)}) f
       WHERE ${TO_COMPETITOR}
       GROUP BY GROUPING SETS ((competitor_id), (competitor_id, service), (competitor_id, region), (competitor_id, reason_code),
                               (competitor_id, reason_code, service, region))`;
    return { sql, params };
  }

  /**
   * Service, region and reason names in one language for an export, by code: reference names through
   * `local_name` (the English name when there is no translation), reasons from the newest classifier version.
   */
  async exportNames(lang: LangCode): Promise<ExportNames> {
    const rows: { kind: keyof ExportNames; code: string; name: string }[] = await this.read.query(
      `SELECT 'service' AS kind, code, local_name(name, names, $1) AS name FROM service
       UNION ALL SELECT 'region', code, local_name(name, names, $1) FROM region
       UNION ALL SELECT 'reason', code, coalesce(content -> 'title' ->> $1, content -> 'title' ->> 'en', code) FROM churn_reason
                  WHERE version_id = (SELECT max(id) FROM classifier_version)`,
      [lang],
    );
    const names: ExportNames = { service: new Map(), region: new Map(), reason: new Map() };
    for (const r of rows) (names[r.kind] as Map<string, string>).set(r.code, r.name);
    return names;
  }

  async churnToCompetitors(f: ReportFilter): Promise<ChurnToCompetitorsReport> {
    const ff = factsFilter(f);
    // The cells (the core's grouping sets), the twelve months' trend and the totals from one read of the facts:
    // three statements read them three times over, at once, and took three times the core's time.
    const trendFrom = monthStart(addMonths(f.to, -11));
    const params: unknown[] = [];
    const facts = churnFactsSql({ ...ff, fromDate: ff.fromDate < trendFrom ? ff.fromDate : trendFrom }, params);
    params.push(ff.fromDate, trendFrom);
    const [from, since] = [`$${params.length - 1}::date`, `$${params.length}::date`];
    const [all, competitors] = await Promise.all([
      this.read.query(
        `WITH f AS MATERIALIZED (SELECT * FROM (${facts}) f WHERE ${TO_COMPETITOR} OR ${MOVED_OUT})
         SELECT 'cell' AS part, competitor_id, service, region, reason_code, GROUPING(service, region, reason_code) AS g,
                NULL::text AS month, NULL::boolean AS to_competitor, count(DISTINCT subscriber_id)::int AS subscribers, COALESCE(sum(fee), 0)::float8 AS revenue
           FROM f WHERE ${TO_COMPETITOR} AND resolved_at >= ${from}
          GROUP BY GROUPING SETS ((competitor_id), (competitor_id, service), (competitor_id, region), (competitor_id, reason_code),
                                  (competitor_id, reason_code, service, region))
         UNION ALL
         SELECT 'trend', competitor_id, NULL, NULL, NULL, NULL, month, NULL, count(DISTINCT subscriber_id)::int, COALESCE(sum(fee), 0)::float8
           FROM f WHERE ${TO_COMPETITOR} AND resolved_at >= ${since} GROUP BY competitor_id, month
         UNION ALL
         SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, ${TO_COMPETITOR}, count(DISTINCT subscriber_id)::int, COALESCE(sum(fee), 0)::float8
           FROM f WHERE resolved_at >= ${from} GROUP BY ${TO_COMPETITOR}`,
        params,
      ),
      this.read.query(`SELECT id, name, names FROM competitor WHERE active ORDER BY name`),
    ]);
    const rows = all.filter((r: { part: string }) => r.part === 'cell');
    const trendRows = all.filter((r: { part: string }) => r.part === 'trend');
    const totals = all.filter((r: { part: string }) => r.part === 'total');
    type R = { competitor_id: string | null; service: string | null; region: string | null; reason_code: string | null; g: number; subscribers: number; revenue: number };
    const months = monthRange(addMonths(f.to, -11), f.to);
    const build = (id: string | null, name: string, names: NameTranslations = {}): CompetitorChurnRow => {
      const mine = (rows as R[]).filter((r) => r.competitor_id === id);
      const head = mine.find((r) => r.g === 7);
      const by = (g: number) => mine.filter((r) => r.g === g);
      return {
        competitorId: id,
        competitor: name,
        competitorNames: names,
        subscribers: head?.subscribers ?? 0,
        monthlyRevenue: round2(head?.revenue ?? 0),
        byService: by(3).map((r) => ({ service: r.service as string, subscribers: r.subscribers, monthlyRevenue: round2(r.revenue) })).sort((a, b) => b.subscribers - a.subscribers),
        byRegion: by(5).map((r) => ({ region: r.region as string, subscribers: r.subscribers, monthlyRevenue: round2(r.revenue) })).sort((a, b) => b.subscribers - a.subscribers),
        topReasons: by(6).map((r) => ({ reasonCode: r.reason_code as string, subscribers: r.subscribers })).sort((a, b) => b.subscribers - a.subscribers).slice(0, 5),
        trend: months.map((m) => {
          const t = (trendRows as { competitor_id: string | null; month: string; subscribers: number; revenue: number }[]).find((x) => x.competitor_id === id && x.month === m);
          return { month: m, subscribers: t?.subscribers ?? 0, monthlyRevenue: round2(t?.revenue ?? 0) };
        }),
      };
    };
    const result = (competitors as { id: string; name: string; names: NameTranslations }[]).map((c) => build(c.id, c.name, c.names));
    result.push(build(null, 'Unknown competitor'));
    result.sort((a, b) => b.subscribers - a.subscribers || b.monthlyRevenue - a.monthlyRevenue);
    const total = (totals as { to_competitor: boolean; subscribers: number; revenue: number }[]).find((t) => t.to_competitor);
    const moved = (totals as { to_competitor: boolean; subscribers: number; revenue: number }[]).find((t) => !t.to_competitor);
    return {
      filter: f,
      rows: result,
      cells: (rows as R[])
        .filter((r) => r.g === 0)
        .map((r) => ({
          competitorId: r.competitor_id,
          reasonCode: r.reason_code as string,
          service: r.service as string,
          region: r.region as string,
          subscribers: r.subscribers,
          monthlyRevenue: round2(r.revenue),
        }))
        .sort((a, b) => b.subscribers - a.subscribers || b.monthlyRevenue - a.monthlyRevenue),
      total: { subscribers: total?.subscribers ?? 0, monthlyRevenue: round2(total?.revenue ?? 0) },
      movedOutOfCoverage: { subscribers: moved?.subscribers ?? 0, monthlyRevenue: round2(moved?.revenue ?? 0) },
    };
  }

  /** Core of report 2: churned subscribers and revenue per reason. */
  reasonsCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    return {
      sql: `SELECT reason_code, bool_or(managed) AS managed, min(reason_group) AS reason_group,
                   count(DISTINCT subscriber_id)::int AS subscribers, COALESCE(sum(fee), 0)::float8 AS revenue
              FROM (${churnFactsSql(factsFilter(f), params)}) f GROUP BY reason_code`,
      params,
    };
  }

  async churnByReason(f: ReportFilter): Promise<ChurnByReasonReport> {
    const ff = factsFilter(f);
    // A period that reaches today runs to today: its rates per month are run rates over the days so far.
    const { current } = reportPeriodAsOf(f.from, f.to, appClock().today());
    const months = current.months;
    const monthStarts = monthRange(f.from, current.through ? monthKeyOf(current.through) : f.to).map(monthStart);
    const core = this.reasonsCore(f);
    const apart = (kind: ChurnKind) => {
      const params: unknown[] = [];
      return this.read.query(
        `SELECT count(DISTINCT subscriber_id)::int AS subscribers, COALESCE(sum(fee), 0)::float8 AS revenue
           FROM (${churnFactsSql(ff, params, kind)}) f`,
        params,
      ) as Promise<{ subscribers: number; revenue: number }[]>;
    };
    const [rows, reasons, base, [nonPayment], [technical], notFound] = await Promise.all([
      this.read.query(core.sql, core.params),
      // The reasons of churn: technical closures are not churn, and are shown apart.
      this.read.query(
        `SELECT code, reason_group, managed, threshold::float8 AS threshold FROM churn_reason
          WHERE version_id = (SELECT max(id) FROM classifier_version) AND reason_group <> $1 ORDER BY sort_order`,
        [TECHNICAL_CLOSURE_GROUP],
      ),
      this.churnData.baseFigures([...monthStarts, current.end], [[0, monthStarts.length]], f),
      // Non-payment endings and technical closures, apart from the voluntary churn above.
      apart('non_payment'),
      apart('technical'),
      this.reasonNotFoundByOperator(ff),
    ]);
    const averageBase = Math.round(base.at.slice(0, monthStarts.length).reduce((s, n) => s + n, 0) / monthStarts.length);
    // The base's one expected lifetime (the key figures' LTV reads the same), and per reason what
    // those lost for it paid a month (docs/methodology.md, "Economic effect of a reason").
    const lifetime = lifetimeOf(base.at[0], base.periods[0], months);
    const lost = rows as { reason_code: string; subscribers: number; revenue: number; managed: boolean }[];
    const byCode = new Map(lost.map((r) => [r.reason_code, r]));
    const out: ReasonChurnRow[] = (reasons as { code: string; reason_group: string; managed: boolean; threshold: number }[]).map((r) => {
      const a = byCode.get(r.code);
      const perMonth = (a?.subscribers ?? 0) / months;
      const norm = r.threshold * averageBase;
      const arpu = round2(a?.subscribers ? arpuOf(a.revenue, a.subscribers) : 0);
      const effect = economicEffect({ actual: perMonth, norm, arpu, remainingLifetimeMonths: lifetime });
      return {
        reasonCode: r.code,
        group: r.reason_group,
        managed: r.managed,
        subscribers: a?.subscribers ?? 0,
        monthlyRevenue: round2(a?.revenue ?? 0),
        arpu,
        actualRate: averageBase ? perMonth / averageBase : 0,
        threshold: r.threshold,
        excessPerMonth: Math.round(effect.excess * 10) / 10,
        effectMonthly: round2(effect.monthly),
        effectYearly: round2(effect.yearly),
      };
    });
    const sum = (fn: (r: ReasonChurnRow) => number) => round2(out.reduce((s, r) => s + fn(r), 0));
    const lostSubscribers = lost.reduce((s, r) => s + r.subscribers, 0);
    return {
      filter: f,
      through: current.through,
      months,
      averageBase,
      lostArpu: round2(arpuOf(lost.reduce((s, r) => s + r.revenue, 0), lostSubscribers)),
      expectedLifetimeMonths: lifetime,
      formula:
        'effect per month = (actual per month − norm) × what those lost for the reason paid a month × expected lifetime (1 ÷ the base’s monthly churn, as for LTV); per year = × 12',
      rows: out,
      total: {
        subscribers: sum((r) => r.subscribers),
        managed: sum((r) => (r.managed ? r.subscribers : 0)),
        unmanaged: sum((r) => (r.managed ? 0 : r.subscribers)),
        monthlyRevenue: sum((r) => r.monthlyRevenue),
        effectMonthly: sum((r) => r.effectMonthly),
        effectYearly: sum((r) => r.effectYearly),
      },
      nonPayment: { subscribers: nonPayment.subscribers, monthlyRevenue: round2(nonPayment.revenue) },
      technicalClosures: { subscribers: technical.subscribers, monthlyRevenue: round2(technical.revenue) },
      reasonNotFoundByOperator: notFound,
    };
  }

  /**
   * Per operator, the voluntary requests they resolved in the period (saved or not) and how many of
   * them they closed with the reason not found: a symptom to work on (docs/methodology.md), largest
   * share first.
   */
  private async reasonNotFoundByOperator(ff: FactsFilter): Promise<ReasonNotFoundRow[]> {
    const rows: { operatorId: string; operator: string; resolved: number; notFound: number }[] = await this.read.query(
      `SELECT d.resolved_by AS "operatorId", u.display_name AS operator, count(*)::int AS resolved,
              count(*) FILTER (WHERE d.reason_code = $3)::int AS "notFound"
         FROM disconnect_request d JOIN app_user u ON u.id = d.resolved_by
        WHERE d.status = 'resolved' AND d.kind = 'voluntary'
          AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
          AND ($4::text IS NULL OR $4 = ANY (d.services)) AND ${regionIs('d.region_id', '$5')}
        GROUP BY 1, 2`,
      [ff.fromDate, ff.toDate, CATCH_ALL_REASON_CODE, ff.service ?? null, ff.region ?? null],
    );
    return rows
      .map((r) => ({ ...r, share: r.notFound / r.resolved }))
      .sort((a, b) => b.share - a.share || b.resolved - a.resolved || a.operator.localeCompare(b.operator));
  }

  /** The base's expected lifetime over whole months `from`–`to`, in the region and for the service when given. */
  async expectedLifetime(f: ReportFilter): Promise<number> {
    factsFilter(f);
    return this.churnData.expectedLifetime(f.from, f.to, f);
  }

  /** Core of report 3: disconnections per month and service, managed and unmanaged. */
  planCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    return {
      sql: `SELECT month, service, count(*) FILTER (WHERE managed)::int AS managed, count(*) FILTER (WHERE NOT managed)::int AS unmanaged
              FROM (${churnFactsSql(factsFilter(f), params)}) f GROUP BY month, service`,
      params,
    };
  }

  async planVsActual(f: ReportFilter): Promise<PlanVsActualReport> {
    const ff = factsFilter(f);
    const core = this.planCore(f);
    const p2: unknown[] = [];
    const p3: unknown[] = [];
    const [actuals, plans, saves, nonPay] = await Promise.all([
      this.read.query(core.sql, core.params),
      // Every line of each month's plan (its newest version), read through the domain's planOfMonth below.
      this.read.query(
        `SELECT to_char(p.month, 'YYYY-MM') AS month, v.code AS service, r.code AS region, l.managed_max AS "managedMax",
                l.unmanaged_max AS "unmanagedMax", l.target_save_rate::float8 AS "targetSaveRate"
           FROM churn_plan p
           JOIN churn_plan_line l ON l.plan_id = p.id
           JOIN service v ON v.id = l.service_id
           LEFT JOIN region r ON r.id = l.region_id
          WHERE p.month >= $1::date AND p.month < $2::date
            AND p.version = (SELECT max(version) FROM churn_plan p2 WHERE p2.month = p.month)`,
        [ff.fromDate, ff.toDate],
      ) as Promise<(PlanLineRequest & { month: string })[]>,
      this.read.query(
        `SELECT month, service, sum(requests)::int AS total, COALESCE(sum(requests) FILTER (WHERE saved), 0)::int AS saved
           FROM (${resolvedRequestsSql(ff, p2)}) r GROUP BY 1, 2`,
        p2,
      ),
      this.read.query(`SELECT month, service, sum(subscriptions)::int AS n FROM (${nonPaymentSql(ff, p3)}) x GROUP BY 1, 2`, p3),
    ]);
    const services: string[] = f.service ? [f.service] : (await this.read.query(`SELECT code FROM service WHERE active ORDER BY code`)).map((s: { code: string }) => s.code);
    const find = <T extends { month: string; service: string }>(rows: T[], m: string, s: string) => rows.find((r) => r.month === m && r.service === s);
    const rows: PlanVsActualRow[] = [];
    for (const m of monthRange(f.from, f.to)) {
      for (const s of services) {
        const a = find(actuals, m, s) as { managed: number; unmanaged: number } | undefined;
        const p = planOfMonth(plans.filter((l) => l.month === m), s, f.region ?? null);
        const sv = find(saves, m, s) as { total: number; saved: number } | undefined;
        const np = find(nonPay, m, s) as { n: number } | undefined;
        rows.push({
          month: m,
          service: s,
          managedMax: p?.managedMax ?? null,
          unmanagedMax: p?.unmanagedMax ?? null,
          actualManaged: a?.managed ?? 0,
          actualUnmanaged: a?.unmanaged ?? 0,
          actualNonPayment: np?.n ?? 0,
          targetSaveRate: p ? Math.round(p.targetSaveRate * 1000) / 1000 : null,
          actualSaveRate: sv?.total ? sv.saved / sv.total : null,
        });
      }
    }
    return { filter: f, rows };
  }

  /**
   * NPS answers of [fromDate, toDate) counted by score, split by whether they came on or after
   * `splitAt` (`cur`), of subscribers in the region when one is given.
   */
  private npsScores(fromDate: string, toDate: string, splitAt: string, region?: string, gapFrom = splitAt): Promise<{ cur: boolean; score: number; n: number }[]> {
    // Without a region the answers alone are read (a join, even a no-op one, doubles the time at a million subscribers).
    // Answers from `gapFrom` to `splitAt` (the days between a period cut short and the next) count for neither.
    return this.read.query(
      `SELECT a.answered_on >= $3::date AS cur, a.score, count(*)::int AS n FROM survey_answer a
         ${region ? `JOIN subscriber s ON s.id = a.subscriber_id AND ${regionIs('s.region_id', '$5')}` : ''}
        WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date
          AND (a.answered_on < $4::date OR a.answered_on >= $3::date)
        GROUP BY 1, 2`,
      region ? [fromDate, toDate, splitAt, gapFrom, region] : [fromDate, toDate, splitAt, gapFrom],
    );
  }

  /**
   * Confirmed hidden churn of the period before and of this one: subscribers disconnected for non-payment, and
   * those whose hidden-churn case closed lost for any other cause than a request (a request is announced churn),
   * each counted once per period. With a service: a non-payment ending of that service, or a case that held it.
   */
  private async hiddenChurnCounts([p0, e0, p1, p2]: string[], f: ReportFilter): Promise<[number, number]> {
    const rows: { cur: boolean; n: number }[] = await this.read.query(
      `SELECT on_day >= $3::date AS cur, count(DISTINCT subscriber_id)::int AS n FROM (${hiddenChurnSql('$1::date', '$2::date')}) h
        WHERE (on_day < $4::date OR on_day >= $3::date) AND ${regionIs('h.region_id', '$5')} AND ($6::text IS NULL OR $6 = ANY (h.services))
        GROUP BY 1`,
      [p0, p2, p1, e0, f.region ?? null, f.service ?? null],
    );
    return [rows.find((r) => !r.cur)?.n ?? 0, rows.find((r) => r.cur)?.n ?? 0];
  }

  /** Core of report 4: churned subscribers of the period, and the new among them (the one statement not read from a roll-up). */
  keyCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    return {
      sql: `SELECT count(*)::int AS lost, count(*) FILTER (WHERE is_new)::int AS lost_new
              FROM (SELECT subscriber_id, bool_or(is_new_subscriber) AS is_new FROM (${churnFactsSql(factsFilter(f), params)}) f GROUP BY 1) s`,
      params,
    };
  }

  /**
   * The key figures of a period and of the one before it. The base, revenue and saves come from
   * the roll-ups (base_flow, revenue_flow, save_flow); churned subscribers are counted from the
   * churn facts of both periods in one statement, split by period (`cur`).
   */
  async keyFigures(f: ReportFilter): Promise<KeyFiguresReport> {
    factsFilter(f);
    // A period that reaches today stops at today, and the one before at the same day (docs/methodology.md).
    const { current, previous } = reportPeriodAsOf(f.from, f.to, appClock().today());
    const [p0, e0, p1, p2] = [previous.start, previous.end, current.start, current.end];
    // Rows dated in [p0, p2) count for the period before (before e0) or this one (from p1); between them, for none.
    const inPeriods = (col: string, e: string, s: string) => `(${col} < ${e}::date OR ${col} >= ${s}::date)`;
    const region = f.region ?? null;
    const factParams: unknown[] = [];
    const facts = churnFactsSql({ fromDate: p0, toDate: p2, service: f.service, region: f.region }, factParams);
    factParams.push(p1, e0);
    const [split, gap] = [`$${factParams.length - 1}`, `$${factParams.length}`];
    type ByPeriod<T> = (T & { cur: boolean })[];
    const [rev, churn, base, resolved, scores, hidden] = await Promise.all([
      this.churnData.revenue([p0, e0, p1, p2], [[0, 1], [2, 3]], f),
      this.read.query(
        `SELECT cur, count(*)::int AS lost, count(*) FILTER (WHERE is_new)::int AS lost_new
           FROM (SELECT resolved_at >= ${split}::date AS cur, subscriber_id, bool_or(is_new_subscriber) AS is_new
                   FROM (${facts}) f WHERE ${inPeriods('resolved_at', gap, split)} GROUP BY 1, 2) s
          GROUP BY cur`,
        factParams,
      ) as Promise<ByPeriod<{ lost: number; lost_new: number }>>,
      this.churnData.baseFigures([p0, e0, p1, p2], [[0, 1], [2, 3]], f),
      // Saves and their confirmation: the rule of the domain's saveState (confirmed once
      // SAVE_CONFIRMATION_DAYS have passed with the subscriber still connected; lost when they left
      // within them; pending otherwise), over save_flow, which keeps the leaving day of each save's
      // subscriber when it fell within those days.
      this.read.query(
        `SELECT resolved_on >= $6::date AS cur, sum(requests)::int AS total,
                COALESCE(sum(requests) FILTER (WHERE saved), 0)::int AS saves,
                COALESCE(sum(requests) FILTER (WHERE saved AND state = 'confirmed'), 0)::int AS confirmed,
                COALESCE(sum(requests) FILTER (WHERE saved AND state = 'pending'), 0)::int AS pending
           FROM (SELECT f.resolved_on, f.saved, f.requests, ${saveStateSql('f.resolved_on', 'f.left_on', '$5')} AS state
                   FROM save_flow f
                  WHERE f.resolved_on >= $1::date AND f.resolved_on < $2::date AND ${inPeriods('f.resolved_on', '$7', '$6')} AND f.kind = 'voluntary'
                    AND ($3::text IS NULL OR $3 = ANY (f.services))
                    AND ${regionIs('f.region_id', '$4')}) r
          GROUP BY 1`,
        [p0, p2, f.service ?? null, region, SAVE_CONFIRMATION_DAYS, p1, e0],
      ) as Promise<ByPeriod<{ total: number; saves: number; confirmed: number; pending: number }>>,
      this.npsScores(p0, p2, p1, f.region, e0),
      this.hiddenChurnCounts([p0, e0, p1, p2], f),
    ]);
    const figuresOf = (isCur: boolean) => {
      const pick = <T>(rows: ByPeriod<T>) => rows.find((r) => r.cur === isCur);
      const i = isCur ? 1 : 0;
      const months = (isCur ? current : previous).months;
      const atStart = base.at[2 * i];
      const atEnd = base.at[2 * i + 1];
      const flows = base.periods[i];
      // Losses among those present at the start (docs/methodology.md): voluntary churn, non-payment apart;
      // a technical closure is not a loss.
      const lost = flows.leftFromStart;
      const realLost = lost.voluntary + lost.non_payment;
      const leavers = flows.left.voluntary + flows.left.non_payment;
      const startMrr = rev.mrr[2 * i];
      const endMrr = rev.mrr[2 * i + 1];
      // Gross revenue churn and net revenue retention read the same three amounts (docs/methodology.md).
      const revenueFlow = { startMrr, endMrr, newCustomersMrr: Math.min(rev.newMrr[i], endMrr) };
      const c = pick(churn) ?? { lost: 0, lost_new: 0 };
      const r = pick(resolved) ?? { total: 0, saves: 0, confirmed: 0, pending: 0 };
      const life = lifetimeOf(atStart, flows, months);
      const arpu = arpuOf(endMrr, atEnd);
      const npsValue = nps(scores.filter((x) => x.cur === isCur).flatMap((x) => Array<number>(x.n).fill(x.score)));
      return {
        churn_rate: churnRate(lost.voluntary, atStart),
        non_payment_rate: churnRate(lost.non_payment, atStart),
        retention_rate: atStart ? retentionRate(atStart, realLost) : null,
        revenue_churn: startMrr ? revenueChurnRate(revenueFlow) : null,
        revenue_retention: startMrr ? revenueRetentionRate(revenueFlow) : null,
        arpu: round2(arpu),
        // Who joined in the period and left in it again: new-subscriber churn, apart from the churn rate.
        new_subscriber_churn: leavers - realLost,
        new_subscriber_share: c.lost ? c.lost_new / c.lost : null,
        average_lifetime: leavers ? Math.round((flows.leaverTenureDays / leavers / 30.4375) * 10) / 10 : null,
        expected_lifetime: life,
        ltv: Math.round(ltv(arpu, life)),
        save_rate: r.total ? r.saves / r.total : null,
        saves_confirmed: r.confirmed,
        saves_pending: r.pending,
        nps: npsValue,
        technical_closures: flows.left.technical,
        // Confirmed hidden churn apart from announced churn (requests): docs/methodology.md, "Early signs of hidden churn".
        announced_churn: c.lost,
        hidden_churn: hidden[i],
        hidden_churn_share: hiddenChurnShare(c.lost, hidden[i]),
        subscribers_start: atStart,
        subscribers_end: atEnd,
        mrr_end: round2(endMrr),
      };
    };
    const now = figuresOf(true);
    const before = figuresOf(false);
    const figures: KeyFigure[] = (Object.keys(now) as (keyof typeof now)[]).map((key) => {
      const value = now[key];
      const previous = before[key];
      return {
        key,
        value,
        previous,
        change: value !== null && previous !== null ? Math.round((value - previous) * 10000) / 10000 : null,
        ...(key === 'average_lifetime' ? { rating: value === null ? null : lifetimeRating(value) } : {}),
        ...(key === 'nps' ? { rating: value === null ? null : npsBand(value) } : {}),
      };
    });
    return {
      filter: f,
      through: current.through,
      previous: { from: previous.from, to: previous.to, through: previous.through },
      figures,
    };
  }

  /**
   * Core of NPS per operator: the period's NPS answers counted per person credited and score (the
   * representative when the answer was given, churn-data's CREDITED_ANSWERS), of subscribers in the
   * region and with the service running on the day of the answer when asked.
   */
  npsByOperatorCore(f: ReportFilter): CoreQuery {
    const ff = factsFilter(f);
    return {
      sql: `SELECT a.credited_to AS operator_id, u.display_name AS operator, a.score, count(*)::int AS n
           FROM ${CREDITED_ANSWERS} a
           JOIN app_user u ON u.id = a.credited_to
           ${f.region ? `JOIN subscriber s ON s.id = a.subscriber_id AND ${regionIs('s.region_id', '$4')}` : ''}
          WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date
            AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM subscription x WHERE x.subscriber_id = a.subscriber_id AND ${serviceIs('x.service_id', '$3')}
                                               AND x.started_on <= a.answered_on AND (x.ended_on IS NULL OR x.ended_on > a.answered_on)))
          GROUP BY 1, 2, 3`,
      params: f.region ? [ff.fromDate, ff.toDate, f.service ?? null, f.region] : [ff.fromDate, ff.toDate, f.service ?? null],
    };
  }

  /** NPS per operator: each answer of the period counts for the representative when it was given. */
  async npsByOperator(f: ReportFilter): Promise<NpsByOperatorReport> {
    const ff = factsFilter(f);
    const core = this.npsByOperatorCore(f);
    const [attributed, overall]: [{ operator_id: string; operator: string; score: number; n: number }[], { score: number; n: number }[]] = await Promise.all([
      this.read.query(core.sql, core.params),
      // Every answer of the period (all on or after its start).
      this.npsScores(ff.fromDate, ff.toDate, ff.fromDate, f.region),
    ]);
    const counts = (rows: { score: number; n: number }[]): NpsCounts => {
      const scores = rows.flatMap((r) => Array<number>(r.n).fill(r.score));
      const b = npsBreakdown(scores);
      const value = nps(scores);
      return { answers: b.total, promoters: b.promoters, passives: b.passives, detractors: b.detractors, nps: value, band: value === null ? null : npsBand(value) };
    };
    const operators = new Map<string, string>();
    for (const r of attributed) operators.set(r.operator_id, r.operator);
    const rows = [...operators].map(([operatorId, operator]) => ({ operatorId, operator, ...counts(attributed.filter((r) => r.operator_id === operatorId)) }));
    rows.sort((a, b) => (b.nps ?? -101) - (a.nps ?? -101) || b.answers - a.answers || a.operator.localeCompare(b.operator));
    return { filter: f, rows, total: counts(attributed), overall: counts(overall) };
  }

  /**
   * The subscribers behind a key figure, a page at a time with their total (counted apart, so the
   * page itself stops at its limit): who left (with a service: who dropped it), whose request was
   * saved (in a save state when asked), who answered the NPS survey (of a class when asked).
   */
  async drillSubscribers(q: SubscriberDrillQueryDto): Promise<Page<SubscriberDrillRow>> {
    const { page, count } = this.subscriberDrillCore(q);
    const [rows, [{ total }]] = await Promise.all([this.read.query(page.sql, page.params), this.read.query(count.sql, count.params)]);
    return {
      items: (rows as SubscriberDrillRow[]).map((r) => ({
        ...r,
        tenureMonths: tenureMonths(r.connectedOn, r.on),
        ...(r.npsScore !== undefined ? { npsClass: npsClass(r.npsScore) } : {}),
      })),
      total,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    };
  }

  /** The subscriber drill-down's two statements: the page, and the count of all its rows. */
  subscriberDrillCore(q: SubscriberDrillQueryDto): { page: CoreQuery; count: CoreQuery } {
    const ff = factsFilter({ from: q.from, to: q.to, service: q.service, region: q.region });
    // The days the key figures count: to today when the period reaches it (month to date).
    const params: unknown[] = [ff.fromDate, reportPeriodAsOf(q.from, q.to, appClock().today()).current.end];
    const bind = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const who = `s.id AS "subscriberId", s.account_number AS "accountNumber", s.full_name AS "subscriberName", rg.code AS region,
                 s.connected_on::text AS "connectedOn", s.disconnected_on::text AS "disconnectedOn"`;
    const regionOf = (col: string) => (q.region ? ` AND ${regionIs(col, bind(q.region))}` : '');
    let from: string;
    let select: string;
    let order: string;
    if (q.figure === 'left' && q.service) {
      select = `${who}, x.ended_on::text AS on, x.monthly_fee::float8 AS "monthlyRevenue", x.end_reason AS "endReason"`;
      from = `subscription x JOIN subscriber s ON s.id = x.subscriber_id JOIN region rg ON rg.id = s.region_id
               WHERE x.ended_on >= $1::date AND x.ended_on < $2::date AND x.started_on < $1::date
                 AND ${subscriptionEndKindSql('x.end_reason')} = 'voluntary'
                 AND ${serviceIs('x.service_id', bind(q.service))}${regionOf('s.region_id')}`;
      order = 'x.ended_on DESC, x.id';
    } else if (q.figure === 'left') {
      select = `${who}, s.disconnected_on::text AS on, s.disconnect_kind AS "endReason",
                (SELECT COALESCE(sum(x.monthly_fee), 0) FROM subscription x WHERE x.subscriber_id = s.id AND x.ended_on = s.disconnected_on)::float8 AS "monthlyRevenue"`;
      from = `subscriber s JOIN region rg ON rg.id = s.region_id
               WHERE s.disconnected_on >= $1::date AND s.disconnected_on < $2::date AND s.connected_on < $1::date
                 AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary'${regionOf('s.region_id')}
                 ${q.contractType ? `AND s.contract_type = ${bind(q.contractType)}` : ''}
                 ${q.tenureRating ? `AND ${tenureRatingSql('s.connected_on', '$1::date')} = ${bind(q.tenureRating)}` : ''}
                 ${q.spendAbove !== undefined ? `AND ${spendAtSql('s.id', '$1::date')} > ${bind(q.spendAbove)}` : ''}
                 ${q.spendTo !== undefined ? `AND ${spendAtSql('s.id', '$1::date')} <= ${bind(q.spendTo)}` : ''}`;
      order = 's.disconnected_on DESC, s.id';
    } else if (q.figure === 'hidden') {
      // Confirmed hidden churn, once per subscriber as the key figure counts it: the lost case when there is one.
      select = `${who}, h.on_day::text AS on, h.cause AS "endReason", h.case_id AS "caseId",
                COALESCE((SELECT c.revenue_at_stake FROM hidden_churn_case c WHERE c.id = h.case_id),
                         (SELECT sum(x.monthly_fee) FROM subscription x WHERE x.subscriber_id = s.id AND x.end_reason = 'non_payment'
                             AND x.ended_on = s.disconnected_on), 0)::float8 AS "monthlyRevenue"`;
      from = `(SELECT DISTINCT ON (subscriber_id) * FROM (${hiddenChurnSql('$1::date', '$2::date')}) e
                WHERE ${q.region ? regionIs('e.region_id', bind(q.region)) : 'true'} AND ${q.service ? `${bind(q.service)} = ANY (e.services)` : 'true'}
                ORDER BY subscriber_id, case_id IS NULL, on_day DESC) h
               JOIN subscriber s ON s.id = h.subscriber_id JOIN region rg ON rg.id = s.region_id WHERE true`;
      order = 'h.on_day DESC, s.id';
    } else if (q.figure === 'saves') {
      const day = `(d.resolved_at AT TIME ZONE 'UTC')::date`;
      const state = saveStateSql(day, 's.disconnected_on', String(SAVE_CONFIRMATION_DAYS));
      select = `${who}, ${day}::text AS on, d.mrr_at_risk::float8 AS "monthlyRevenue", d.id AS "requestId", ${state} AS "saveState",
                u.display_name AS operator`;
      from = `disconnect_request d JOIN subscriber s ON s.id = d.subscriber_id JOIN region rg ON rg.id = s.region_id
               LEFT JOIN app_user u ON u.id = d.resolved_by
               WHERE d.status = 'resolved' AND ${isSaveSql('d.outcome')} AND d.kind = 'voluntary'
                 AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
                 ${q.service ? `AND ${bind(q.service)} = ANY (d.services)` : ''}${regionOf('d.region_id')}
                 ${q.saveState ? `AND ${state} = ${bind(q.saveState)}` : ''}`;
      order = 'd.resolved_at DESC, d.id';
    } else {
      const scores = q.npsClass ? Array.from({ length: 11 }, (_, i) => i).filter((x) => npsClass(x) === q.npsClass) : null;
      select = `${who}, a.answered_on::text AS on, NULL::float8 AS "monthlyRevenue", a.score AS "npsScore"`;
      from = `survey_answer a JOIN subscriber s ON s.id = a.subscriber_id JOIN region rg ON rg.id = s.region_id
               WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date${regionOf('s.region_id')}
                 ${scores ? `AND a.score = ANY (${bind(scores)}::smallint[])` : ''}`;
      order = 'a.score, a.answered_on DESC, a.id';
    }
    const countParams = [...params];
    params.push(q.limit ?? 50, q.offset ?? 0);
    return {
      page: { sql: `SELECT ${select} FROM ${from} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params },
      count: { sql: `SELECT count(*)::int AS total FROM ${from}`, params: countParams },
    };
  }

  /** The drill-down's statement: one page of the requests behind a figure, with their total. */
  drillCore(q: DrillQueryDto): CoreQuery {
    const f: ReportFilter = { from: q.from, to: q.to, service: q.service, region: q.region };
    const params: unknown[] = [];
    const where: string[] = [];
    const facts = churnFactsSql(factsFilter(f), params);
    if (q.competitorId) {
      params.push(q.competitorId);
      where.push(`competitor_id = $${params.length}`);
    }
    if (q.unknownCompetitor) where.push(`${TO_COMPETITOR} AND competitor_id IS NULL`);
    if (q.toCompetitor) where.push(TO_COMPETITOR);
    if (q.movedOut) where.push(MOVED_OUT);
    if (q.reasonCode) {
      params.push(q.reasonCode);
      where.push(`reason_code = $${params.length}`);
    }
    if (q.churnType) where.push(q.churnType === 'managed' ? 'managed' : 'NOT managed');
    if (q.month) {
      params.push(q.month);
      where.push(`month = $${params.length}`);
    }
    if (q.newSubscribers) where.push('is_new_subscriber');
    params.push(q.limit ?? 50, q.offset ?? 0);
    const sql = `WITH f AS (${facts}), picked AS (
         SELECT request_id, array_agg(service ORDER BY service) AS services, sum(fee)::float8 AS lost
           FROM f ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY request_id)
       SELECT d.id AS "requestId", s.id AS "subscriberId", s.account_number AS "accountNumber", s.full_name AS "subscriberName",
              rg.code AS region, p.services, d.outcome, d.reason_code AS "reasonCode", d.destination, c.name AS competitor,
              p.lost AS "monthlyRevenueLost", d.resolved_at AS "resolvedAt", u.display_name AS operator,
              d.is_new_subscriber AS "isNewSubscriber", count(*) OVER () AS total
         FROM picked p
         JOIN disconnect_request d ON d.id = p.request_id
         JOIN subscriber s ON s.id = d.subscriber_id
         JOIN region rg ON rg.id = s.region_id
         LEFT JOIN competitor c ON c.id = d.competitor_id
         LEFT JOIN app_user u ON u.id = d.resolved_by
        ORDER BY d.resolved_at DESC, d.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return { sql, params };
  }

  /** The requests behind any chart or total. */
  async drill(q: DrillQueryDto): Promise<Page<DrillRow>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const core = this.drillCore(q);
    const rows = await this.read.query(core.sql, core.params);
    return {
      items: rows.map(({ total: _t, resolvedAt, ...r }: DrillRow & { total: string; resolvedAt: Date }) => ({ ...r, resolvedAt: new Date(resolvedAt).toISOString() })),
      total: rows.length ? Number(rows[0].total) : 0,
      limit,
      offset,
    };
  }
}
