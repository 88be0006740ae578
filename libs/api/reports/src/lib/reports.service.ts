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
  npsBand,
  npsBreakdownOfCounted,
  npsOfCounts,
  planOfMonth,
  reportPeriodAsOf,
  monthKeyOf,
  npsClass,
  retentionRate,
  revenueChurnRate,
  revenueRetentionRate,
  SAVE_CONFIRMATION_DAYS,
  TECHNICAL_CLOSURE_GROUP,
  tenureMonths,
} from '@retention/domain';
import { BaseFlowsService, churnFactsSql, CREDITED_ANSWERS, cutMonths, FactsFilter, hiddenChurnSql, isSaveSql, LeaverGrouping, leaverCountsSql, lifetimeOf, nonPaymentSql, regionIs, resolvedRequestsSql, saveStateSql, serviceIs, spendAtSql, subscriptionEndKindSql, tenureRatingSql } from '@retention/api-churn-data';
import { DrillQueryDto, SubscriberDrillQueryDto } from './reports.dto';


const MAX_MONTHS = 36;

/** A churn fact of a subscriber who went to a competitor, named or not, whatever the reason (docs/methodology.md). */
const TO_COMPETITOR = `destination = 'competitor'`;
/** Moved out of the coverage area (or the country) and not known to have gone to a competitor: shown beside the competitors. */
const MOVED_OUT = `(reason_group = 'relocation' AND NOT managed AND destination <> 'competitor')`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The cells of churn to competitors: per competitor, by service, by region, by reason and by all four, each with
 * `g` as GROUPING(service, region, reason_code) would give it (a bit set for each of them not grouped by).
 */
const COMPETITOR_CELLS: LeaverGrouping[] = [[], ['service'], ['region'], ['reason_code'], ['reason_code', 'service', 'region']].map((cols) => ({
  part: 'cell',
  by: Object.fromEntries(['competitor_id', ...cols].map((c) => [c, c])),
  consts: { g: `${(cols.includes('service') ? 0 : 4) + (cols.includes('region') ? 0 : 2) + (cols.includes('reason_code') ? 0 : 1)}::int` },
}));

/** Churned subscribers (`lost`) and the new among them (`new`), grouped by `cur` when given (an SQL condition). */
const LOST_AND_NEW = (cur?: string): LeaverGrouping[] => [
  { part: 'lost', by: cur ? { cur } : {} },
  { part: 'new', by: cur ? { cur } : {}, where: 'is_new_subscriber' },
];

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
    const ff = factsFilter(f);
    return { sql: leaverCountsSql({ ...ff, kinds: ['voluntary'], where: TO_COMPETITOR }, COMPETITOR_CELLS, params), params };
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
    // Distinct subscribers per group without reading the facts (leaverCountsSql over the leaver_flow roll-up), in two
    // statements run at once: the cells (the core's groupings) with the twelve months' trend, and the period's totals
    // (to a competitor, or moved out of coverage). Each is then one pass over the rows it reads, aggregated as they
    // are read; in one statement the two passes shared the rows written aside.
    const trendFrom = monthStart(addMonths(f.to, -11));
    const params: unknown[] = [ff.fromDate];
    const inPeriod = `month >= $1::date`;
    // A twelve-month period's trend reads the cells' rows, and so is counted in their pass over the roll-up.
    const inTrend = ff.fromDate === trendFrom ? inPeriod : `month >= $${params.push(trendFrom)}::date`;
    const sql = leaverCountsSql(
      { ...ff, fromDate: ff.fromDate < trendFrom ? ff.fromDate : trendFrom, kinds: ['voluntary'], where: TO_COMPETITOR },
      [
        ...COMPETITOR_CELLS.map((c) => ({ ...c, where: inPeriod })),
        { part: 'trend', by: { competitor_id: 'competitor_id', month: `to_char(month, 'YYYY-MM')::text` }, where: inTrend },
      ],
      params,
    );
    const totalParams: unknown[] = [];
    const totalSql = leaverCountsSql(
      { ...ff, kinds: ['voluntary'], where: `${TO_COMPETITOR} OR ${MOVED_OUT}` },
      [{ part: 'total', by: { to_competitor: `(${TO_COMPETITOR})::boolean` } }],
      totalParams,
    );
    const [all, totals, competitors] = await Promise.all([
      // Rows of equal counts keep the order of their keys (the order sorted grouping sets gave them).
      this.read.query(`${sql} ORDER BY competitor_id, service, reason_code, region`, params),
      this.read.query(totalSql, totalParams),
      this.read.query(`SELECT id, name, names FROM competitor WHERE active ORDER BY name`),
    ]);
    const rows = all.filter((r: { part: string }) => r.part === 'cell');
    const trendRows = all.filter((r: { part: string }) => r.part === 'trend');
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

  /** Core of report 2: churned subscribers and revenue per reason (distinct subscribers from leaver_flow: leaverCountsSql). */
  reasonsCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    return {
      sql: leaverCountsSql({ ...factsFilter(f), kinds: ['voluntary'] }, [{ part: 'reason', by: { reason_code: 'reason_code' } }], params, {
        managed: 'bool_or',
        reason_group: 'min',
      }),
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
    const apart = async (kind: ChurnKind) => {
      const params: unknown[] = [];
      const [total] = (await this.read.query(leaverCountsSql({ ...ff, kinds: [kind] }, [{ part: 'total', by: {} }], params), params)) as { subscribers: number; revenue: number }[];
      return total ?? { subscribers: 0, revenue: 0 };
    };
    const [rows, reasons, base, nonPayment, technical, notFound] = await Promise.all([
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
      // Counted per operator first, named after: joined to their names before counting, a year's 172,000 requests
      // took 83 ms of processor time at a million subscribers, against 53.
      `SELECT g."operatorId", u.display_name AS operator, g.resolved, g."notFound"
         FROM (SELECT d.resolved_by AS "operatorId", count(*)::int AS resolved,
                      count(*) FILTER (WHERE d.reason_code = $3)::int AS "notFound"
                 FROM disconnect_request d
                WHERE d.status = 'resolved' AND d.kind = 'voluntary'
                  AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
                  AND ($4::text IS NULL OR $4 = ANY (d.services)) AND ${regionIs('d.region_id', '$5')}
                GROUP BY 1) g
         JOIN app_user u ON u.id = g."operatorId"`,
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
    // Answers from `gapFrom` to `splitAt` (the days between a period cut short and the next) count for neither.
    const answers = (params: unknown[], where: string) => {
      params.push(fromDate, toDate, splitAt, gapFrom);
      const [from, to, split, gap] = [params.length - 3, params.length - 2, params.length - 1, params.length].map((i) => `$${i}::date`);
      return `SELECT a.answered_on >= ${split} AS cur, a.score, count(*)::int AS n FROM survey_answer a
                ${region ? `JOIN subscriber s ON s.id = a.subscriber_id AND ${regionIs('s.region_id', `$${params.push(region)}`)}` : ''}
               WHERE a.kind = 'nps' AND a.answered_on >= ${from} AND a.answered_on < ${to}
                 AND (a.answered_on < ${gap} OR a.answered_on >= ${split}) AND ${where}
               GROUP BY 1, 2`;
    };
    if (region) {
      // In a region the answers are read with their subscribers' region (a join, even a no-op one, doubles the time
      // at a million subscribers, hence none without a region).
      const params: unknown[] = [];
      return this.read.query(answers(params, 'true'), params);
    }
    // The whole base: whole months from the answer_flow roll-up, the months cut at one of the dates (month to date)
    // from the answers of their days (every other month lies wholly inside or outside each part).
    const cut = cutMonths([fromDate, toDate, splitAt, gapFrom]).map((c) => c.month);
    const params: unknown[] = [cut];
    const source = answers(params, cut.length ? `(${cut.map((m) => `(a.answered_on >= $${params.push(m)}::date AND a.answered_on < $${params.length}::date + interval '1 month')`).join(' OR ')})` : 'false');
    params.push(fromDate, toDate, splitAt, gapFrom);
    const [from, to, split, gap] = [params.length - 3, params.length - 2, params.length - 1, params.length].map((i) => `$${i}::date`);
    return this.read.query(
      `SELECT cur, score, sum(n)::int AS n FROM (
         SELECT month >= ${split} AS cur, score, answers AS n FROM answer_flow
          WHERE kind = 'nps' AND month >= ${from} AND month < ${to} AND (month < ${gap} OR month >= ${split}) AND NOT (month = ANY ($1::date[]))
         UNION ALL ${source}) x
        GROUP BY 1, 2 HAVING sum(n) <> 0`,
      params,
    );
  }

  /**
   * Confirmed hidden churn of the period before and of this one: subscribers disconnected for non-payment, and
   * those whose hidden-churn case closed lost for any other cause than a request (a request is announced churn),
   * each counted once per period. With a service: a non-payment ending of that service, or a case that held it.
   *
   * Without a service the subscribers disconnected for non-payment in a period are the base's own leavers of that
   * kind (base_flow, `baseFigures`' left.non_payment: the same subscribers, region and days), so only the lost cases
   * of the others are read here (`nonPaymentApart`: the caller adds those leavers). Read from the source, the
   * non-payment leavers of two years (about a hundred thousand at a million subscribers) were most of this
   * statement's time.
   */
  private async hiddenChurnCounts([p0, e0, p1, p2]: string[], f: ReportFilter): Promise<{ n: [number, number]; nonPaymentApart: boolean }> {
    const counts = (rows: { cur: boolean; n: number }[]): [number, number] => [rows.find((r) => !r.cur)?.n ?? 0, rows.find((r) => r.cur)?.n ?? 0];
    if (!f.service) {
      const rows: { cur: boolean; n: number }[] = await this.read.query(
        // A case's subscriber once per period (DISTINCT), unless disconnected for non-payment in that period.
        `SELECT c.closed_on >= $3::date AS cur, count(DISTINCT c.subscriber_id)::int AS n
           FROM hidden_churn_case c
          WHERE c.status = 'lost' AND c.close_cause IS DISTINCT FROM 'request' AND c.closed_on >= $1::date AND c.closed_on < $2::date
            AND (c.closed_on < $4::date OR c.closed_on >= $3::date) AND ${regionIs('c.region_id', '$5')}
            AND NOT EXISTS (
                  SELECT 1 FROM subscriber s
                   WHERE s.id = c.subscriber_id AND s.disconnect_kind = 'non_payment' AND ${regionIs('s.region_id', '$5')}
                     AND CASE WHEN c.closed_on >= $3::date THEN s.disconnected_on >= $3::date AND s.disconnected_on < $2::date
                              ELSE s.disconnected_on >= $1::date AND s.disconnected_on < $4::date END)
          GROUP BY 1`,
        [p0, p2, p1, e0, f.region ?? null],
      );
      return { n: counts(rows), nonPaymentApart: true };
    }
    const rows: { cur: boolean; n: number }[] = await this.read.query(
      // Each subscriber once per period: distinct pairs first (hashed), then counted, instead of count(DISTINCT), which sorts.
      `SELECT cur, count(*)::int AS n
         FROM (SELECT DISTINCT on_day >= $3::date AS cur, subscriber_id FROM (${hiddenChurnSql('$1::date', '$2::date', '$6')}) h
                WHERE (on_day < $4::date OR on_day >= $3::date) AND ${regionIs('h.region_id', '$5')}) d
        GROUP BY 1`,
      [p0, p2, p1, e0, f.region ?? null, f.service],
    );
    return { n: counts(rows), nonPaymentApart: false };
  }

  /** Core of report 4: churned subscribers of the period, and the new among them (distinct subscribers from leaver_flow: leaverCountsSql). */
  keyCore(f: ReportFilter): CoreQuery {
    const params: unknown[] = [];
    return { sql: leaverCountsSql({ ...factsFilter(f), kinds: ['voluntary'], revenue: false }, LOST_AND_NEW(), params), params };
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
    // Churned subscribers of both periods in one statement, split by period (`cur`), from leaver_flow; the months cut
    // at a day (month to date) from their facts before it.
    const factParams: unknown[] = [p1, e0];
    const split = `(month >= $1::date)::boolean`;
    const lostSql = leaverCountsSql(
      { fromDate: p0, toDate: p2, kinds: ['voluntary'], service: f.service, region: f.region, where: inPeriods('month', '$2', '$1'), cut: cutMonths([p0, e0, p1, p2]), revenue: false },
      LOST_AND_NEW(split),
      factParams,
    );
    type ByPeriod<T> = (T & { cur: boolean })[];
    const [rev, churn, base, resolved, scores, hidden] = await Promise.all([
      this.churnData.revenue([p0, e0, p1, p2], [[0, 1], [2, 3]], f),
      this.read.query(lostSql, factParams).then((rows: { part: string; cur: boolean; subscribers: number }[]) =>
        [true, false].map((cur) => ({
          cur,
          lost: rows.find((r) => r.part === 'lost' && r.cur === cur)?.subscribers ?? 0,
          lost_new: rows.find((r) => r.part === 'new' && r.cur === cur)?.subscribers ?? 0,
        })),
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
      const npsValue = npsOfCounts(npsBreakdownOfCounted(scores.filter((x) => x.cur === isCur)));
      const hiddenChurn = hidden.n[i] + (hidden.nonPaymentApart ? flows.left.non_payment : 0);
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
        hidden_churn: hiddenChurn,
        hidden_churn_share: hiddenChurnShare(c.lost, hiddenChurn),
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
   * Core of NPS per operator: the period's NPS answers credited to someone (the representative when the answer
   * was given, churn-data's CREDITED_ANSWERS), of subscribers in the region (when asked) and with the service
   * running on the day of the answer (when asked), counted per person and score, the names joined to the few
   * groups after counting. It reads the credited answers alone, through their index by representative: read
   * with every answer of the period for the overall figure, it took four times the credited ones' own reading
   * at a million subscribers (the overall figure is its own statement, npsOverallCore, from a roll-up).
   */
  npsByOperatorCore(f: ReportFilter): CoreQuery {
    const ff = factsFilter(f);
    return {
      sql: `SELECT g.operator_id, u.display_name AS operator, g.score, g.n
              FROM (SELECT a.credited_to AS operator_id, a.score, count(*)::int AS n
                      FROM ${CREDITED_ANSWERS} a
                      ${f.region ? `JOIN subscriber s ON s.id = a.subscriber_id AND ${regionIs('s.region_id', '$4')}` : ''}
                     WHERE a.kind = 'nps' AND a.credited_to IS NOT NULL AND a.answered_on >= $1::date AND a.answered_on < $2::date
                       AND ($3::text IS NULL OR EXISTS (
                             SELECT 1 FROM subscription x WHERE x.subscriber_id = a.subscriber_id AND ${serviceIs('x.service_id', '$3')}
                                AND x.started_on <= a.answered_on AND (x.ended_on IS NULL OR x.ended_on > a.answered_on)))
                     GROUP BY 1, 2) g
              JOIN app_user u ON u.id = g.operator_id`,
      params: f.region ? [ff.fromDate, ff.toDate, f.service ?? null, f.region] : [ff.fromDate, ff.toDate, f.service ?? null],
    };
  }

  /**
   * The overall figure of NPS per operator: every NPS answer of the period by score, credited or not, whatever the
   * service. For the whole base from the answer_flow roll-up (at most 11 rows a month); in a region from the
   * answers with their subscribers' region (the roll-up has no region: a subscriber's region can change).
   */
  npsOverallCore(f: ReportFilter): CoreQuery {
    const ff = factsFilter(f);
    if (!f.region) {
      return {
        sql: `SELECT score, sum(answers)::int AS n FROM answer_flow
               WHERE kind = 'nps' AND month >= $1::date AND month < $2::date
               GROUP BY 1 HAVING sum(answers) <> 0`,
        params: [ff.fromDate, ff.toDate],
      };
    }
    return {
      sql: `SELECT a.score, count(*)::int AS n FROM survey_answer a
              JOIN subscriber s ON s.id = a.subscriber_id AND ${regionIs('s.region_id', '$3')}
             WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date
             GROUP BY 1`,
      params: [ff.fromDate, ff.toDate, f.region],
    };
  }

  /** NPS per operator: each answer of the period counts for the representative when it was given. */
  async npsByOperator(f: ReportFilter): Promise<NpsByOperatorReport> {
    const [core, overallCore] = [this.npsByOperatorCore(f), this.npsOverallCore(f)];
    const [credited, overall]: [{ operator_id: string; operator: string; score: number; n: number }[], { score: number; n: number }[]] = await Promise.all([
      this.read.query(core.sql, core.params),
      this.read.query(overallCore.sql, overallCore.params),
    ]);
    const counts = (rows: readonly { score: number; n: number }[]): NpsCounts => {
      const b = npsBreakdownOfCounted(rows);
      const value = npsOfCounts(b);
      return { answers: b.total, promoters: b.promoters, passives: b.passives, detractors: b.detractors, nps: value, band: value === null ? null : npsBand(value) };
    };
    const byOperator = new Map<string, { operator: string; scores: { score: number; n: number }[] }>();
    for (const r of credited) {
      const o = byOperator.get(r.operator_id) ?? { operator: r.operator, scores: [] };
      o.scores.push(r);
      byOperator.set(r.operator_id, o);
    }
    const rows = [...byOperator].map(([operatorId, o]) => ({ operatorId, operator: o.operator, ...counts(o.scores) }));
    rows.sort((a, b) => (b.nps ?? -101) - (a.nps ?? -101) || b.answers - a.answers || a.operator.localeCompare(b.operator));
    return { filter: f, rows, total: counts(credited), overall: counts(overall) };
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
    // `rows` is the driving table with only the joins its conditions need (what the count reads), `from` adds the
    // joins the page shows; `key` the driving row's id: the page picks its keys from `rows` first, so that only
    // the page's rows are joined (joining every row of a year before taking 50 cost five times the count).
    let rows: string;
    let from: string;
    let select: string;
    let order: string;
    let key: string | null = null;
    if (q.figure === 'left' && q.service) {
      select = `${who}, x.ended_on::text AS on, x.monthly_fee::float8 AS "monthlyRevenue", x.end_reason AS "endReason"`;
      const where = `WHERE x.ended_on >= $1::date AND x.ended_on < $2::date AND x.started_on < $1::date
                 AND ${subscriptionEndKindSql('x.end_reason')} = 'voluntary'
                 AND ${serviceIs('x.service_id', bind(q.service))}${regionOf('s.region_id')}`;
      rows = `subscription x JOIN subscriber s ON s.id = x.subscriber_id ${where}`;
      from = `subscription x JOIN subscriber s ON s.id = x.subscriber_id JOIN region rg ON rg.id = s.region_id ${where}`;
      order = 'x.ended_on DESC, x.id';
      key = 'x.id';
    } else if (q.figure === 'left') {
      select = `${who}, s.disconnected_on::text AS on, s.disconnect_kind AS "endReason",
                (SELECT COALESCE(sum(x.monthly_fee), 0) FROM subscription x WHERE x.subscriber_id = s.id AND x.ended_on = s.disconnected_on)::float8 AS "monthlyRevenue"`;
      const where = `WHERE s.disconnected_on >= $1::date AND s.disconnected_on < $2::date AND s.connected_on < $1::date
                 AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary'${regionOf('s.region_id')}
                 ${q.contractType ? `AND s.contract_type = ${bind(q.contractType)}` : ''}
                 ${q.tenureRating ? `AND ${tenureRatingSql('s.connected_on', '$1::date')} = ${bind(q.tenureRating)}` : ''}
                 ${q.spendAbove !== undefined ? `AND ${spendAtSql('s.id', '$1::date')} > ${bind(q.spendAbove)}` : ''}
                 ${q.spendTo !== undefined ? `AND ${spendAtSql('s.id', '$1::date')} <= ${bind(q.spendTo)}` : ''}`;
      rows = `subscriber s ${where}`;
      from = `subscriber s JOIN region rg ON rg.id = s.region_id ${where}`;
      order = 's.disconnected_on DESC, s.id';
      key = 's.id';
    } else if (q.figure === 'hidden') {
      // Confirmed hidden churn, once per subscriber as the key figure counts it: the lost case when there is one.
      select = `${who}, h.on_day::text AS on, h.cause AS "endReason", h.case_id AS "caseId",
                COALESCE((SELECT c.revenue_at_stake FROM hidden_churn_case c WHERE c.id = h.case_id),
                         (SELECT sum(x.monthly_fee) FROM subscription x WHERE x.subscriber_id = s.id AND x.end_reason = 'non_payment'
                             AND x.ended_on = s.disconnected_on), 0)::float8 AS "monthlyRevenue"`;
      from = `(SELECT DISTINCT ON (subscriber_id) * FROM (${hiddenChurnSql('$1::date', '$2::date', q.service ? bind(q.service) : undefined)}) e
                WHERE ${q.region ? regionIs('e.region_id', bind(q.region)) : 'true'}
                ORDER BY subscriber_id, case_id IS NULL, on_day DESC) h
               JOIN subscriber s ON s.id = h.subscriber_id JOIN region rg ON rg.id = s.region_id WHERE true`;
      rows = from;
      order = 'h.on_day DESC, s.id';
    } else if (q.figure === 'saves') {
      const day = `(d.resolved_at AT TIME ZONE 'UTC')::date`;
      const state = saveStateSql(day, 's.disconnected_on', String(SAVE_CONFIRMATION_DAYS));
      select = `${who}, ${day}::text AS on, d.mrr_at_risk::float8 AS "monthlyRevenue", d.id AS "requestId", ${state} AS "saveState",
                u.display_name AS operator`;
      const where = `WHERE d.status = 'resolved' AND ${isSaveSql('d.outcome')} AND d.kind = 'voluntary'
                 AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
                 ${q.service ? `AND ${bind(q.service)} = ANY (d.services)` : ''}${regionOf('d.region_id')}
                 ${q.saveState ? `AND ${state} = ${bind(q.saveState)}` : ''}`;
      rows = `disconnect_request d ${q.saveState ? 'JOIN subscriber s ON s.id = d.subscriber_id' : ''} ${where}`;
      from = `disconnect_request d JOIN subscriber s ON s.id = d.subscriber_id JOIN region rg ON rg.id = s.region_id
               LEFT JOIN app_user u ON u.id = d.resolved_by ${where}`;
      order = 'd.resolved_at DESC, d.id';
      key = 'd.id';
    } else {
      const scores = q.npsClass ? Array.from({ length: 11 }, (_, i) => i).filter((x) => npsClass(x) === q.npsClass) : null;
      select = `${who}, a.answered_on::text AS on, NULL::float8 AS "monthlyRevenue", a.score AS "npsScore"`;
      const where = `WHERE a.kind = 'nps' AND a.answered_on >= $1::date AND a.answered_on < $2::date${regionOf('s.region_id')}
                 ${scores ? `AND a.score = ANY (${bind(scores)}::smallint[])` : ''}`;
      rows = `survey_answer a ${q.region ? 'JOIN subscriber s ON s.id = a.subscriber_id' : ''} ${where}`;
      from = `survey_answer a JOIN subscriber s ON s.id = a.subscriber_id JOIN region rg ON rg.id = s.region_id ${where}`;
      order = 'a.score, a.answered_on DESC, a.id';
      key = 'a.id';
    }
    const countParams = [...params];
    params.push(q.limit ?? 50, q.offset ?? 0);
    const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return {
      page: {
        sql: key
          ? `SELECT ${select} FROM ${from} AND ${key} IN (SELECT ${key} FROM ${rows} ORDER BY ${order} ${limit}) ORDER BY ${order}`
          : `SELECT ${select} FROM ${from} ORDER BY ${order} ${limit}`,
        params,
      },
      count: { sql: `SELECT count(*)::int AS total FROM ${rows}`, params: countParams },
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
    // The page is taken from the facts (a fact carries its request's resolution time) before anything is joined:
    // joining every request of the period to take 50 of them cost several times the facts' own reading.
    const sql = `WITH f AS (${facts}), picked AS (
         SELECT request_id, array_agg(service ORDER BY service) AS services, sum(fee)::float8 AS lost, max(resolved_at) AS resolved_at
           FROM f ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY request_id),
       page AS (
         SELECT p.*, count(*) OVER () AS total FROM picked p ORDER BY p.resolved_at DESC, p.request_id
          LIMIT $${params.length - 1} OFFSET $${params.length})
       SELECT d.id AS "requestId", s.id AS "subscriberId", s.account_number AS "accountNumber", s.full_name AS "subscriberName",
              rg.code AS region, p.services, d.outcome, d.reason_code AS "reasonCode", d.destination, c.name AS competitor,
              p.lost AS "monthlyRevenueLost", d.resolved_at AS "resolvedAt", u.display_name AS operator,
              d.is_new_subscriber AS "isNewSubscriber", p.total
         FROM page p
         JOIN disconnect_request d ON d.id = p.request_id
         JOIN subscriber s ON s.id = d.subscriber_id
         JOIN region rg ON rg.id = s.region_id
         LEFT JOIN competitor c ON c.id = d.competitor_id
         LEFT JOIN app_user u ON u.id = d.resolved_by
        ORDER BY p.resolved_at DESC, p.request_id`;
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
