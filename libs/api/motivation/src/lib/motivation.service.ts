import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuthenticatedUser, badRequest, DomainException, notFound } from '@retention/api-core';
import { PlansService } from '@retention/api-plans';
import { CREDITED_ANSWERS, isSaveSql, saveStateSql } from '@retention/api-churn-data';
import {
  BonusSchemeSettings,
  BonusSchemeView,
  DeferredReleaseView,
  Permission,
  Role,
  roleHasPermission,
  SchemePreview,
  STATEMENT_FIGURES,
  StatementFigure,
  StatementRequest,
  StaffStatement,
  StaffStatementDetail,
  SubscriberLinksView,
  RecordedSurveyAnswer,
  TeamStatements,
  WorkloadView,
} from '@retention/contracts';
import {
  addMonths,
  assessScheme,
  BonusScheme,
  CATCH_ALL_REASON_CODE,
  csatOfCounts,
  DEFAULT_BONUS_SCHEME,
  DEFERRED_CHECK_MONTHS,
  deferredRelease,
  monthStart,
  nextMonthStart,
  npsOfCounts,
  operatorBonus,
  OperatorBonus,
  SAVE_CONFIRMATION_DAYS,
  salesBonus,
  teamPlanExceeded,
} from '@retention/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RecordSurveyDto, SetBonusSchemeDto, SetSubscriberLinksDto } from './motivation.dto';
import { FIGURE_SOURCES, statementFiguresSql } from './statement-figures.sql';

const SCHEME_LOCK = 7_301_009;
/** The longest workload period, in days. */
const WORKLOAD_MAX_DAYS = 366;

interface Person {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  team: string | null;
  /** Internal only: never put into an answer (the cap is computed here, the views carry no salary). */
  salary: number | null;
}

type Figures = Record<StatementFigure, number>;

const money = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const emptyFigures = (): Figures => Object.fromEntries(STATEMENT_FIGURES.map((k) => [k, 0])) as Figures;

const SCHEME_COLUMNS = `target_save_rate::float8 AS "targetSaveRate", per_point_above::float8 AS "perPointAbove",
  saved_revenue_share::float8 AS "savedRevenueShare", cap_share::float8 AS "capShare", plan_exceeded_cut::float8 AS "planExceededCut",
  deferred_share::float8 AS "deferredShare", sales_bonus_6m::float8 AS "salesBonus6m", sales_bonus_12m::float8 AS "salesBonus12m"`;

const settingsOf = (s: BonusSchemeSettings): BonusScheme => ({
  targetSaveRate: s.targetSaveRate, perPointAbove: s.perPointAbove, savedRevenueShare: s.savedRevenueShare, capShare: s.capShare,
  planExceededCut: s.planExceededCut, deferredShare: s.deferredShare, salesBonus6m: s.salesBonus6m, salesBonus12m: s.salesBonus12m,
});

/** A bonus as a statement shows it: without the cap, which would tell the salary. */
function withoutCap<T extends { cap: number | null }>(bonus: T): Omit<T, 'cap'> {
  const view: Partial<T> = { ...bonus };
  delete view.cap;
  return view as Omit<T, 'cap'>;
}

/** The ETag of a scheme version (a month without a scheme of its own is version 0). */
export const schemeETag = (version: number): string => `"${version}"`;

/** The version a save names: baseVersion in the body or the ETag in If-Match (both must agree). */
export function schemeBaseVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return bodyVersion;
  const m = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw badRequest('If-Match', 'must be the ETag of the scheme version edited, e.g. "3"');
  const version = Number(m[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) throw badRequest('baseVersion', `is ${bodyVersion} but If-Match names version ${version}`);
  return version;
}

@Injectable()
export class MotivationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly plans: PlansService,
  ) {}

  // ---- schemes ----

  /** The scheme in effect for a month: the newest version of the latest month on or before it; the built-in default before any. */
  async scheme(month: string, m: EntityManager | DataSource = this.db): Promise<BonusSchemeView> {
    const [row] = await m.query(
      `SELECT to_char(b.month, 'YYYY-MM') AS "effectiveFrom", b.version, b.note, u.display_name AS "createdBy", b.created_at AS "createdAt", ${SCHEME_COLUMNS}
         FROM bonus_scheme b LEFT JOIN app_user u ON u.id = b.created_by
        WHERE b.month <= $1::date ORDER BY b.month DESC, b.version DESC LIMIT 1`,
      [monthStart(month)],
    );
    if (!row) return { ...DEFAULT_BONUS_SCHEME, effectiveFrom: null, version: 0, note: '', createdBy: null, createdAt: null };
    return { ...row, createdAt: new Date(row.createdAt).toISOString() };
  }

  /** Every version of the schemes saved to take effect from this month, newest first. */
  async schemeVersions(month: string): Promise<BonusSchemeView[]> {
    const rows = await this.db.query(
      `SELECT to_char(b.month, 'YYYY-MM') AS "effectiveFrom", b.version, b.note, u.display_name AS "createdBy", b.created_at AS "createdAt", ${SCHEME_COLUMNS}
         FROM bonus_scheme b LEFT JOIN app_user u ON u.id = b.created_by WHERE b.month = $1::date ORDER BY b.version DESC`,
      [monthStart(month)],
    );
    return rows.map((r: BonusSchemeView & { createdAt: Date }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /**
   * A new version of the scheme effective from the month. Optimistic, as churn plans are saved: the
   * save names the version of this month's scheme it edited (none or 0 when the month has none yet);
   * another is a 409 saying who saved the newest and when. Saves of one month queue on an advisory lock.
   */
  async setScheme(month: string, dto: SetBonusSchemeDto, baseVersion: number | undefined, userId: string): Promise<BonusSchemeView> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCHEME_LOCK, month]);
      const [current]: { version: number; by: string | null; at: Date }[] = await tx.query(
        `SELECT b.version, u.display_name AS by, b.created_at AS at FROM bonus_scheme b LEFT JOIN app_user u ON u.id = b.created_by
          WHERE b.month = $1::date ORDER BY b.version DESC LIMIT 1`,
        [monthStart(month)],
      );
      const currentVersion = current?.version ?? 0;
      if ((baseVersion ?? 0) !== currentVersion) {
        const newest = current ? `version ${current.version}, saved by ${current.by ?? 'a removed user'} at ${new Date(current.at).toISOString()}` : 'no scheme yet';
        throw baseVersion === undefined
          ? new DomainException(409, 'scheme_version_required',
            `The bonus scheme from ${month} already exists (${newest}): send the version you edited as baseVersion or If-Match.`,
            [{ field: 'baseVersion', problems: [`is required: the month has a scheme (version ${currentVersion})`] }])
          : new DomainException(409, 'scheme_version_conflict',
            `The bonus scheme from ${month} has changed since version ${baseVersion}: the current one is ${newest}. Reload it and apply your changes again.`,
            [{ field: 'baseVersion', problems: [`is ${baseVersion}, the current version is ${currentVersion}`] }]);
      }
      await tx.query(
        `INSERT INTO bonus_scheme (month, version, target_save_rate, per_point_above, saved_revenue_share, cap_share, plan_exceeded_cut,
                                   deferred_share, sales_bonus_6m, sales_bonus_12m, note, created_by, created_at)
         VALUES ($1::date, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, app_now())`,
        [monthStart(month), currentVersion + 1, dto.targetSaveRate, dto.perPointAbove, dto.savedRevenueShare, dto.capShare, dto.planExceededCut,
          dto.deferredShare, dto.salesBonus6m, dto.salesBonus12m, dto.note ?? '', userId],
      );
    });
    return this.scheme(month);
  }

  // ---- statements ----

  private params(month: string, userId: string | null): unknown[] {
    return [
      monthStart(month), nextMonthStart(month), SAVE_CONFIRMATION_DAYS, this.config.get('REQUEST_SLA_MINUTES', { infer: true }),
      CATCH_ALL_REASON_CODE, this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true }), userId,
    ];
  }

  /** Every person's figures for the month from every source, in one statement. */
  private async figures(month: string, userId: string | null, sources = FIGURE_SOURCES): Promise<Map<string, Figures>> {
    const rows: { user_id: string; key: StatementFigure; value: string }[] = await this.db.query(statementFiguresSql(sources), this.params(month, userId));
    const byUser = new Map<string, Figures>();
    for (const r of rows) {
      const f = byUser.get(r.user_id) ?? emptyFigures();
      f[r.key] = Number(r.value);
      byUser.set(r.user_id, f);
    }
    return byUser;
  }

  /** Operators and sales agents (active), and whoever else the figures name. */
  private async people(month: string, ids: string[], userId: string | null): Promise<Person[]> {
    const rows = await this.db.query(
      `SELECT id, username, display_name AS "displayName", role, team, salary_of_month(id, $3::date)::float8 AS salary FROM app_user
        WHERE ($2::uuid IS NULL OR id = $2) AND ((active AND role IN ('operator', 'sales_agent')) OR id = ANY($1::uuid[]))
        ORDER BY team NULLS LAST, display_name`,
      [ids, userId, monthStart(month)],
    );
    return rows;
  }

  /** Whether the team exceeded the month's churn plan (the domain's teamPlanExceeded). Null without a plan. */
  private async planExceeded(month: string): Promise<boolean | null> {
    try {
      return teamPlanExceeded((await this.plans.get(month)).lines);
    } catch (e) {
      if (e instanceof DomainException && e.status === 404) return null;
      throw e;
    }
  }

  /** The bonus each person earned in a month under its scheme (for the deferred parts falling due later). */
  private async earnedIn(month: string, userId: string | null): Promise<Map<string, OperatorBonus>> {
    const [figs, scheme, exceeded] = await Promise.all([this.figures(month, userId, [FIGURE_SOURCES[0]]), this.scheme(month), this.planExceeded(month)]);
    const salaries: { id: string; salary: number | null }[] = await this.db.query(
      `SELECT id, salary_of_month(id, $2::date)::float8 AS salary FROM app_user WHERE id = ANY($1::uuid[])`, [[...figs.keys()], monthStart(month)]);
    const out = new Map<string, OperatorBonus>();
    for (const { id, salary } of salaries) {
      const f = figs.get(id) as Figures;
      out.set(id, operatorBonus({ handled: f.requestsHandled, saved: f.saves, savedRevenue: f.savedRevenue, salary, planExceeded: exceeded === true }, settingsOf(scheme)));
    }
    return out;
  }

  /**
   * The halves of earlier months' deferred parts falling due in this month: saves made 3 and 6 months
   * before, each weighed by the revenue it kept, paid when the subscriber is still connected on the day
   * the save turns 3 (6) months, clawed back when they left before, pending while that day is ahead.
   */
  private async deferredReleases(month: string, userId: string | null): Promise<Map<string, DeferredReleaseView[]>> {
    const out = new Map<string, DeferredReleaseView[]>();
    for (const after of DEFERRED_CHECK_MONTHS) {
      const savedIn = addMonths(month, -after);
      const earned = await this.earnedIn(savedIn, userId);
      const saves: { user_id: string; revenue: number; connected: boolean | null }[] = await this.db.query(
        `SELECT r.resolved_by AS user_id, r.mrr_at_risk::float8 AS revenue,
                CASE WHEN s.disconnected_on IS NOT NULL AND s.disconnected_on <= app_today() AND s.disconnected_on <= c.check_day THEN false
                     WHEN c.check_day > app_today() THEN NULL ELSE true END AS connected
           FROM disconnect_request r JOIN subscriber s ON s.id = r.subscriber_id
           CROSS JOIN LATERAL (SELECT ((r.resolved_at AT TIME ZONE 'UTC')::date + make_interval(months => $3::int))::date AS check_day) c
          WHERE r.status = 'resolved' AND r.kind = 'voluntary' AND ${isSaveSql('r.outcome')}
            AND r.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND r.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
            AND ($4::uuid IS NULL OR r.resolved_by = $4)`,
        [monthStart(savedIn), nextMonthStart(savedIn), after, userId],
      );
      const byUser = new Map<string, typeof saves>();
      for (const s of saves) byUser.set(s.user_id, [...(byUser.get(s.user_id) ?? []), s]);
      for (const [id, list] of byUser) {
        const deferred = earned.get(id)?.deferred ?? 0;
        if (deferred <= 0) continue;
        const r = deferredRelease(deferred, list);
        out.set(id, [...(out.get(id) ?? []), { savedIn, afterMonths: after, saves: list.length, ...r }]);
      }
    }
    return out;
  }

  /** Each person's statement for the month under the given settings (the month's scheme unless a preview names others). */
  private async build(month: string, userId: string | null, override?: BonusSchemeSettings): Promise<{ scheme: BonusSchemeView; statements: StaffStatement[]; salaries: Map<string, number | null> }> {
    const [figs, scheme, exceeded, releases] = await Promise.all([
      this.figures(month, userId),
      this.scheme(month),
      this.planExceeded(month),
      override ? Promise.resolve(new Map<string, DeferredReleaseView[]>()) : this.deferredReleases(month, userId),
    ]);
    const settings = settingsOf(override ?? scheme);
    const people = await this.people(month, [...figs.keys()], userId);
    const salaries = new Map(people.map((p) => [p.id, p.salary]));
    const statements = people.map((p): StaffStatement => {
      const f = figs.get(p.id) ?? emptyFigures();
      const isOperator = p.role === Role.Operator || f.requestsHandled > 0;
      const isSales = p.role === Role.SalesAgent || f.signedUp + f.due6m + f.due12m > 0;
      const op = isOperator
        ? operatorBonus({ handled: f.requestsHandled, saved: f.saves, savedRevenue: f.savedRevenue, salary: p.salary, planExceeded: exceeded === true }, settings)
        : null;
      const sales = isSales ? salesBonus({ stayed6m: f.stayed6m, stayed12m: f.stayed12m, salary: p.salary }, settings) : null;
      const released = releases.get(p.id) ?? [];
      return {
        month,
        userId: p.id,
        username: p.username,
        displayName: p.displayName,
        role: p.role,
        team: p.team,
        figures: f,
        saveRate: f.requestsHandled > 0 ? f.saves / f.requestsHandled : null,
        nps: npsOfCounts({ promoters: f.npsPromoters, passives: f.npsPassives, detractors: f.npsDetractors }),
        csat: csatOfCounts(f.csatSatisfied, f.csatAnswers),
        scheme: { effectiveFrom: override ? null : scheme.effectiveFrom, version: override ? 0 : scheme.version },
        planExceeded: exceeded,
        operatorBonus: op && withoutCap(op),
        salesBonus: sales && withoutCap(sales),
        deferredReleases: released,
        totalPaid: money((op?.paidNow ?? 0) + (sales?.earned ?? 0) + released.reduce((a, r) => a + r.paid, 0)),
        salaryRecorded: p.salary !== null,
      };
    });
    return { scheme, statements, salaries };
  }

  private totals(statements: StaffStatement[], salaries: Map<string, number | null>): TeamStatements['totals'] {
    const earnedOf = (s: StaffStatement) => (s.operatorBonus?.earned ?? 0) + (s.salesBonus?.earned ?? 0);
    const withSalary = statements.filter((s) => (salaries.get(s.userId) ?? null) !== null);
    const salaryTotal = withSalary.reduce((a, s) => a + (salaries.get(s.userId) as number), 0);
    return {
      bonusPaid: money(statements.reduce((a, s) => a + s.totalPaid, 0)),
      bonusEarned: money(statements.reduce((a, s) => a + earnedOf(s), 0)),
      savedRevenue: money(statements.reduce((a, s) => a + s.figures.savedRevenue, 0)),
      offerCost: money(statements.reduce((a, s) => a + s.figures.offerCost, 0)),
      bonusShareOfSalaries: salaryTotal > 0 ? Math.round((withSalary.reduce((a, s) => a + earnedOf(s), 0) / salaryTotal) * 1e4) / 1e4 : null,
    };
  }

  private static canSeeEveryone(actor: AuthenticatedUser): boolean {
    return roleHasPermission(actor.role, Permission.MotivationManage);
  }

  /** The month's statements: a manager gets everyone's, anyone else their own only. */
  async statements(month: string, actor: AuthenticatedUser): Promise<TeamStatements> {
    const { scheme, statements, salaries } = await this.build(month, MotivationService.canSeeEveryone(actor) ? null : actor.id);
    return { month, scheme, statements, totals: this.totals(statements, salaries) };
  }

  /** One person's statement with the requests behind it; another person's is a 403 unless the caller manages motivation. */
  async statement(month: string, userId: string, actor: AuthenticatedUser): Promise<StaffStatementDetail> {
    if (userId !== actor.id && !MotivationService.canSeeEveryone(actor)) {
      throw new DomainException(403, 'forbidden', 'You may read your own statement only.');
    }
    const exists = await this.db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId]);
    if (!exists.length) throw notFound('User', userId);
    const { statements } = await this.build(month, userId);
    const base = statements[0] ?? (await this.emptyStatement(month, userId));
    const requests: (StatementRequest & { resolvedAt: Date })[] = await this.db.query(
      `SELECT r.id, s.account_number AS "accountNumber", r.resolved_at AS "resolvedAt", r.outcome, r.reason_code AS "reasonCode",
              CASE WHEN ${isSaveSql('r.outcome')}
                   THEN ${saveStateSql(`(r.resolved_at AT TIME ZONE 'UTC')::date`, 's.disconnected_on', '$4')} END AS "saveState",
              CASE WHEN ${isSaveSql('r.outcome')} THEN r.mrr_at_risk ELSE 0 END::float8 AS "savedRevenue",
              COALESCE(r.offer_cost, 0)::float8 AS "offerCost"
         FROM disconnect_request r JOIN subscriber s ON s.id = r.subscriber_id
        WHERE r.status = 'resolved' AND r.kind = 'voluntary' AND r.resolved_by = $3
          AND r.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND r.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
        ORDER BY r.resolved_at, r.id`,
      [monthStart(month), nextMonthStart(month), userId, SAVE_CONFIRMATION_DAYS],
    );
    const reasons: { reasonCode: string; count: number }[] = await this.db.query(
      `SELECT r.reason_code AS "reasonCode", count(DISTINCT s.id)::int AS count
         FROM subscriber s JOIN disconnect_request r ON r.subscriber_id = s.id AND r.status = 'resolved' AND r.outcome = 'disconnected'
        WHERE s.sales_agent_id = $3 AND s.disconnect_kind = 'voluntary' AND s.disconnected_on >= $1::date AND s.disconnected_on < $2::date
          AND s.disconnected_on <= app_today() AND s.disconnected_on < s.connected_on + make_interval(months => $4::int)
        GROUP BY r.reason_code ORDER BY count DESC, r.reason_code`,
      [monthStart(month), nextMonthStart(month), userId, this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true })],
    );
    return { ...base, requests: requests.map((r) => ({ ...r, resolvedAt: new Date(r.resolvedAt).toISOString() })), newSubscriberChurnReasons: reasons };
  }

  /** A user who is neither an operator nor a sales agent and has no figures: an empty statement. */
  private async emptyStatement(month: string, userId: string): Promise<StaffStatement> {
    const [u] = await this.db.query(
      `SELECT id, username, display_name AS "displayName", role, team, salary_of_month(id, $2::date) IS NOT NULL AS recorded FROM app_user WHERE id = $1`,
      [userId, monthStart(month)]);
    const scheme = await this.scheme(month);
    return {
      month, userId: u.id, username: u.username, displayName: u.displayName, role: u.role, team: u.team, figures: emptyFigures(),
      saveRate: null, nps: null, csat: null, scheme: { effectiveFrom: scheme.effectiveFrom, version: scheme.version }, planExceeded: await this.planExceeded(month),
      operatorBonus: null, salesBonus: null, deferredReleases: [], totalPaid: 0, salaryRecorded: u.recorded,
    };
  }

  /**
   * What a scheme for `month` would have paid in the month before, with the settings tried (the rest
   * from the scheme in effect), its cost against the revenue saved and the salaries, and the domain's
   * judgement of whether it can motivate anyone.
   */
  async preview(month: string, tried: Partial<BonusSchemeSettings>): Promise<SchemePreview> {
    const current = await this.scheme(month);
    const settings: BonusSchemeSettings = { ...settingsOf(current), ...Object.fromEntries(Object.entries(tried).filter(([, v]) => v !== undefined)) };
    const replayed = addMonths(month, -1);
    const { statements, salaries } = await this.build(replayed, null, settings);
    const operators = statements.filter((s) => s.role === Role.Operator);
    const working = operators.filter((s) => s.figures.requestsHandled > 0);
    const salaryList = (working.length ? working : operators).map((s) => salaries.get(s.userId)).filter((x): x is number => x !== null && x !== undefined);
    const saves = working.reduce((a, s) => a + s.figures.saves, 0);
    const assessment = assessScheme(settingsOf(settings), {
      salary: salaryList.length ? salaryList.reduce((a, x) => a + x, 0) / salaryList.length : 0,
      handled: working.length ? working.reduce((a, s) => a + s.figures.requestsHandled, 0) / working.length : 0,
      revenuePerSave: saves ? working.reduce((a, s) => a + s.figures.savedRevenue, 0) / saves : 0,
    });
    return { month: replayed, settings, statements, totals: this.totals(statements, salaries), assessment };
  }

  // ---- workload ----

  /**
   * Requests that came in and call-backs that fell due per ISO weekday and hour (UTC), averaged over the
   * period's hours of that kind, against the operators on duty (those who acted on a request in that hour).
   */
  async workload(from: string, to: string): Promise<WorkloadView> {
    if (to < from) throw badRequest('to', 'must not be before from');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > WORKLOAD_MAX_DAYS) throw badRequest('to', `the period may be at most ${WORKLOAD_MAX_DAYS} days`);
    const rows: { dow: number; hour: number; requests: number; callbacks: number; duty: number }[] = await this.db.query(
      `WITH hours AS (
         SELECT h FROM generate_series($1::date::timestamp, ($2::date + 1)::timestamp - interval '1 hour', interval '1 hour') h),
       arrivals AS (
         SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AS h, count(*) AS n FROM disconnect_request
          WHERE created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC' GROUP BY 1),
       due AS (
         SELECT date_trunc('hour', (data->>'callbackAt')::timestamptz AT TIME ZONE 'UTC') AS h, count(*) AS n FROM request_event
          WHERE action = 'postpone' AND at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
            AND (data->>'callbackAt')::timestamptz >= $1::timestamp AT TIME ZONE 'UTC'
            AND (data->>'callbackAt')::timestamptz < ($2::date + 1)::timestamp AT TIME ZONE 'UTC' GROUP BY 1),
       duty AS (
         SELECT date_trunc('hour', e.at AT TIME ZONE 'UTC') AS h, count(DISTINCT e.actor_id) AS n
           FROM request_event e JOIN app_user u ON u.id = e.actor_id AND u.role = 'operator'
          WHERE e.at >= $1::timestamp AT TIME ZONE 'UTC' AND e.at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC' GROUP BY 1)
       SELECT extract(isodow FROM hours.h)::int AS dow, extract(hour FROM hours.h)::int AS hour,
              avg(COALESCE(a.n, 0))::float8 AS requests, avg(COALESCE(c.n, 0))::float8 AS callbacks, avg(COALESCE(d.n, 0))::float8 AS duty
         FROM hours LEFT JOIN arrivals a ON a.h = hours.h LEFT JOIN due c ON c.h = hours.h LEFT JOIN duty d ON d.h = hours.h
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to],
    );
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      from,
      to,
      cells: rows.map((r) => ({
        dayOfWeek: r.dow,
        hour: r.hour,
        requests: round(r.requests),
        callbacks: round(r.callbacks),
        operatorsOnDuty: round(r.duty),
        perOperator: r.duty > 0 ? round((r.requests + r.callbacks) / r.duty) : null,
      })),
    };
  }

  // ---- links ----

  /** A manager assigns a subscriber's representative (an operator), sales agent and channel; null clears one. */
  async setLinks(subscriberId: string, dto: SetSubscriberLinksDto): Promise<SubscriberLinksView> {
    const check = async (field: string, id: string | null | undefined, role: Role) => {
      if (!id) return;
      const [u] = await this.db.query(`SELECT role, active FROM app_user WHERE id = $1`, [id]);
      if (!u) throw badRequest(field, 'no such user');
      if (u.role !== role || !u.active) throw badRequest(field, `must be an active user with the role ${role}`);
    };
    const found = await this.db.query(`SELECT 1 FROM subscriber WHERE id = $1`, [subscriberId]);
    if (!found.length) throw notFound('Subscriber', subscriberId);
    await check('representativeId', dto.representativeId, Role.Operator);
    await check('salesAgentId', dto.salesAgentId, Role.SalesAgent);
    await this.db.query(
      `UPDATE subscriber SET
          representative_id = CASE WHEN $2 THEN $3::uuid ELSE representative_id END,
          sales_agent_id = CASE WHEN $4 THEN $5::uuid ELSE sales_agent_id END,
          sales_channel = CASE WHEN $6 THEN $7::varchar ELSE sales_channel END
        WHERE id = $1`,
      [subscriberId, dto.representativeId !== undefined, dto.representativeId ?? null, dto.salesAgentId !== undefined, dto.salesAgentId ?? null,
        dto.salesChannel !== undefined, dto.salesChannel ?? null],
    );
    return this.links(subscriberId);
  }

  // ---- surveys ----

  /**
   * Records an NPS or CSAT answer given today. The score must fit its kind (NPS 0..10, CSAT 1..5) and
   * an NPS below 9 needs the "why" (docs/methodology.md, "Satisfaction and loyalty"); a request named
   * must be the subscriber's. The answer counts for the subscriber's representative now (the
   * survey_answer trigger stores it on the answer).
   */
  async recordSurvey(dto: RecordSurveyDto): Promise<RecordedSurveyAnswer> {
    if (dto.kind === 'csat' && dto.score < 1) throw badRequest('score', 'must be from 1 to 5 for CSAT');
    if (dto.kind === 'csat' && dto.score > 5) throw badRequest('score', 'must be from 1 to 5 for CSAT');
    const comment = dto.comment?.trim() || null;
    if (dto.kind === 'nps' && dto.score < 9 && !comment) throw badRequest('comment', 'is required for an NPS below 9: what did they dislike?');
    const [sub] = await this.db.query(`SELECT id FROM subscriber WHERE account_number = $1`, [dto.accountNumber]);
    if (!sub) throw badRequest('accountNumber', `no subscriber ${dto.accountNumber}`);
    if (dto.requestId) {
      const req = await this.db.query(`SELECT 1 FROM disconnect_request WHERE id = $1 AND subscriber_id = $2`, [dto.requestId, sub.id]);
      if (!req.length) throw badRequest('requestId', "is not a request of this subscriber");
    }
    const [row] = await this.db.query(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment, request_id) VALUES ($1, $2, $3, app_today(), $4, $5)
       ON CONFLICT (request_id, kind) WHERE request_id IS NOT NULL DO NOTHING RETURNING id`,
      [sub.id, dto.kind, dto.score, comment, dto.requestId ?? null],
    );
    if (!row) {
      throw new DomainException(409, 'survey_already_recorded', `The ${dto.kind.toUpperCase()} answer after this request is already recorded.`,
        [{ field: 'requestId', problems: [`already has a ${dto.kind} answer`] }]);
    }
    const [a] = await this.db.query(
      `SELECT a.id::int AS id, a.subscriber_id AS "subscriberId", a.kind, a.score, a.comment, to_char(a.answered_on, 'YYYY-MM-DD') AS "answeredOn",
              a.request_id AS "requestId", u.id AS rep_id, u.display_name AS rep_name
         FROM ${CREDITED_ANSWERS} a LEFT JOIN app_user u ON u.id = a.credited_to WHERE a.id = $1`,
      [row.id],
    );
    const { rep_id, rep_name, ...view } = a;
    return { ...view, representative: rep_id ? { id: rep_id, displayName: rep_name } : null };
  }

  async links(subscriberId: string): Promise<SubscriberLinksView> {
    const [row] = await this.db.query(
      `SELECT s.id, s.sales_channel, r.id AS rep_id, r.display_name AS rep_name, a.id AS agent_id, a.display_name AS agent_name
         FROM subscriber s LEFT JOIN app_user r ON r.id = s.representative_id LEFT JOIN app_user a ON a.id = s.sales_agent_id WHERE s.id = $1`,
      [subscriberId],
    );
    if (!row) throw notFound('Subscriber', subscriberId);
    return {
      subscriberId,
      representative: row.rep_id ? { id: row.rep_id, displayName: row.rep_name } : null,
      salesAgent: row.agent_id ? { id: row.agent_id, displayName: row.agent_name } : null,
      salesChannel: row.sales_channel,
    };
  }
}
