import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appClock, badRequest, DomainException, notFound } from '@retention/api-core';
import { churnFactsSql, hiddenChurnSql, nonPaymentSql, resolvedRequestsSql } from '@retention/api-churn-data';
import type { ChurnPlanView, PlanLineRequest, PlanLineView, PlanVersionView } from '@retention/contracts';
import { addMonths, averagePlanLines, evaluatePlanLine, fulfilment, monthStart, nextMonthStart } from '@retention/domain';
import { DataSource } from 'typeorm';
import { SetChurnPlanDto } from './plans.dto';

const PLAN_LOCK = 7_301_002;
const today = () => appClock().today();

/** The ETag of a plan version, as GET and PUT answer it and If-Match names it (a month without a plan is version 0). */
export const planETag = (version: number | null): string => `"${version ?? 0}"`;

/**
 * The version a save names as the one it edited: baseVersion from the body or the ETag in If-Match
 * (both must agree when both are sent); undefined when neither is.
 */
export function baseVersionOf(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return bodyVersion;
  const m = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw badRequest('If-Match', 'must be the ETag of the plan version edited, e.g. "3"');
  const version = Number(m[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) throw badRequest('baseVersion', `is ${bodyVersion} but If-Match names version ${version}`);
  return version;
}

@Injectable()
export class PlansService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Each change is a new version of the month's plan; the newest is the plan. Optimistic concurrency:
   * the save names the version it edited (`baseVersion`, none or 0 for a month without a plan), and
   * one that is not the newest any more is a 409 saying who saved the newest and when, never a silent
   * overwrite. Saves of one month queue on an advisory lock, so two at once cannot both pass the check.
   */
  async set(month: string, dto: SetChurnPlanDto, baseVersion: number | undefined, userId: string): Promise<ChurnPlanView> {
    const keys = dto.lines.map((l) => `${l.service}|${l.region ?? ''}`);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) throw badRequest('lines', `two lines for the same service and region (${dup.replace('|', ', ') || 'all'})`);
    await this.db.transaction(async (tx) => {
      const services: { id: string; code: string }[] = await tx.query('SELECT id, code FROM service');
      const regions: { id: string; code: string }[] = await tx.query('SELECT id, code FROM region');
      const serviceId = new Map(services.map((s) => [s.code, s.id]));
      const regionId = new Map(regions.map((r) => [r.code, r.id]));
      dto.lines.forEach((l, i) => {
        if (!serviceId.has(l.service)) throw badRequest(`lines.${i}.service`, `no service ${l.service}`);
        if (l.region !== null && !regionId.has(l.region)) throw badRequest(`lines.${i}.region`, `no region ${l.region}`);
      });
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PLAN_LOCK, month]);
      const [current]: { version: number; by: string | null; at: Date }[] = await tx.query(
        `SELECT p.version, u.display_name AS by, p.created_at AS at
           FROM churn_plan p LEFT JOIN app_user u ON u.id = p.created_by
          WHERE p.month = $1::date ORDER BY p.version DESC LIMIT 1`,
        [monthStart(month)],
      );
      const currentVersion = current?.version ?? 0;
      if ((baseVersion ?? 0) !== currentVersion) {
        const newest = current
          ? `version ${current.version}, saved by ${current.by ?? 'a removed user'} at ${new Date(current.at).toISOString()}`
          : 'no plan yet';
        throw baseVersion === undefined
          ? new DomainException(409, 'plan_version_required',
            `The plan for ${month} already exists (${newest}): send the version you edited as baseVersion or If-Match.`,
            [{ field: 'baseVersion', problems: [`is required: the month has a plan (version ${currentVersion})`] }])
          : new DomainException(409, 'plan_version_conflict',
            `The plan for ${month} has changed since version ${baseVersion}: the current one is ${newest}. Reload it and apply your changes again.`,
            [{ field: 'baseVersion', problems: [`is ${baseVersion}, the current version is ${currentVersion}`] }]);
      }
      const [{ id }] = await tx.query(
        `INSERT INTO churn_plan (month, version, note, created_by) VALUES ($1::date, $2, $3, $4) RETURNING id`,
        [monthStart(month), currentVersion + 1, dto.note ?? '', userId],
      );
      if (dto.lines.length) {
        await tx.query(
          `INSERT INTO churn_plan_line (plan_id, service_id, region_id, managed_max, unmanaged_max, target_save_rate, hidden_max)
           SELECT $1, l.service_id, l.region_id, l.managed_max, l.unmanaged_max, l.target_save_rate, l.hidden_max
             FROM jsonb_to_recordset($2::jsonb) AS l(service_id uuid, region_id uuid, managed_max int, unmanaged_max int, target_save_rate numeric,
                                                     hidden_max int)`,
          [id, JSON.stringify(dto.lines.map((l) => ({
            service_id: serviceId.get(l.service),
            region_id: l.region === null ? null : regionId.get(l.region),
            managed_max: l.managedMax,
            unmanaged_max: l.unmanagedMax,
            target_save_rate: l.targetSaveRate,
            hidden_max: l.hiddenMax ?? null,
          })))],
        );
      }
    });
    return this.get(month);
  }

  private async planLines(month: string, version?: number): Promise<{ header: Record<string, any> | null; lines: PlanLineRequest[] }> {
    const [header] = await this.db.query(
      `SELECT p.id, p.version, p.note, u.display_name AS created_by, p.created_at
         FROM churn_plan p LEFT JOIN app_user u ON u.id = p.created_by
        WHERE p.month = $1::date AND ($2::int IS NULL OR p.version = $2) ORDER BY p.version DESC LIMIT 1`,
      [monthStart(month), version ?? null],
    );
    if (!header) return { header: null, lines: [] };
    const lines = await this.db.query(
      `SELECT v.code AS service, r.code AS region, l.managed_max AS "managedMax", l.unmanaged_max AS "unmanagedMax",
              l.target_save_rate::float8 AS "targetSaveRate", l.hidden_max AS "hiddenMax"
         FROM churn_plan_line l JOIN service v ON v.id = l.service_id LEFT JOIN region r ON r.id = l.region_id
        WHERE l.plan_id = $1 ORDER BY v.code, r.code NULLS FIRST`,
      [header['id']],
    );
    return { header, lines };
  }

  /** The month's plan with actuals so far, fulfilment, the month-end forecast and the reasons behind it. */
  async get(month: string, asOf = today()): Promise<ChurnPlanView> {
    const { header, lines } = await this.planLines(month);
    if (!header) throw notFound('Churn plan for', month);
    const filter = { fromDate: monthStart(month), toDate: nextMonthStart(month) };
    const p1: unknown[] = [];
    const facts: { service: string; region: string; managed: boolean; reason_code: string; n: number }[] = await this.db.query(
      `SELECT service, region, managed, reason_code, count(*)::int AS n FROM (${churnFactsSql(filter, p1)}) f
        GROUP BY service, region, managed, reason_code`,
      p1,
    );
    const p2: unknown[] = [];
    const resolved: { service: string; region: string; total: number; saved: number }[] = await this.db.query(
      `SELECT service, region, sum(requests)::int AS total, COALESCE(sum(requests) FILTER (WHERE saved), 0)::int AS saved
         FROM (${resolvedRequestsSql(filter, p2)}) r GROUP BY service, region`,
      p2,
    );
    const p3: unknown[] = [];
    const nonPayment: { service: string; region: string; n: number }[] = await this.db.query(
      `SELECT service, region, sum(subscriptions)::int AS n FROM (${nonPaymentSql(filter, p3)}) x GROUP BY service, region`,
      p3,
    );
    // Confirmed hidden churn: each subscriber once per line, with the services and region of the event.
    const hidden: { subscriber_id: string; region: string; services: string[] }[] = await this.db.query(
      `SELECT DISTINCT h.subscriber_id, rg.code AS region, h.services FROM (${hiddenChurnSql('$1::date', '$2::date')}) h
         JOIN region rg ON rg.id = h.region_id`,
      [filter.fromDate, filter.toDate],
    );
    const matches = (line: PlanLineRequest) => (row: { service: string; region: string }) =>
      row.service === line.service && (line.region === null || row.region === line.region);
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);

    const views: PlanLineView[] = lines.map((line) => {
      const mine = facts.filter(matches(line));
      const actualManaged = sum(mine.filter((f) => f.managed), (f) => f.n);
      const actualUnmanaged = sum(mine.filter((f) => !f.managed), (f) => f.n);
      const res = resolved.filter(matches(line));
      const total = sum(res, (r) => r.total);
      const byReason = new Map<string, { managed: boolean; count: number }>();
      for (const f of mine) {
        const cur = byReason.get(f.reason_code) ?? { managed: f.managed, count: 0 };
        cur.count += f.n;
        byReason.set(f.reason_code, cur);
      }
      return {
        ...line,
        actualManaged,
        actualUnmanaged,
        actualNonPayment: sum(nonPayment.filter(matches(line)), (r) => r.n),
        ...hiddenLine(line, hidden),
        ...evaluatePlanLine({ managedMax: line.managedMax, unmanagedMax: line.unmanagedMax, actualManaged, actualUnmanaged }, month, asOf),
        resolvedRequests: total,
        actualSaveRate: total ? sum(res, (r) => r.saved) / total : null,
        drivers: [...byReason.entries()]
          .map(([reasonCode, v]) => ({ reasonCode, managed: v.managed, count: v.count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 5),
      };
    });
    return {
      month,
      version: header['version'],
      note: header['note'],
      createdBy: header['created_by'],
      createdAt: new Date(header['created_at']).toISOString(),
      asOf,
      lines: views,
    };
  }

  async versions(month: string): Promise<PlanVersionView[]> {
    const rows = await this.db.query(
      `SELECT p.version, p.note, u.display_name AS "createdBy", p.created_at AS "createdAt",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('service', v.code, 'region', r.code, 'managedMax', l.managed_max,
                        'unmanagedMax', l.unmanaged_max, 'targetSaveRate', l.target_save_rate, 'hiddenMax', l.hidden_max) ORDER BY v.code, r.code)
                  FROM churn_plan_line l JOIN service v ON v.id = l.service_id LEFT JOIN region r ON r.id = l.region_id
                 WHERE l.plan_id = p.id), '[]') AS lines
         FROM churn_plan p LEFT JOIN app_user u ON u.id = p.created_by WHERE p.month = $1::date ORDER BY p.version DESC`,
      [monthStart(month)],
    );
    return rows.map((r: PlanVersionView & { createdAt: Date }) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      lines: r.lines.map((l) => ({ ...l, targetSaveRate: Number(l.targetSaveRate) })),
    }));
  }

  /** A proposal for the month (not saved): a copy of the last plan, or the average of the last three. */
  async draft(month: string, from: 'last' | 'average3'): Promise<PlanLineRequest[]> {
    const past: PlanLineRequest[][] = [];
    for (let i = 1; i <= 12 && past.length < (from === 'last' ? 1 : 3); i++) {
      const { header, lines } = await this.planLines(addMonths(month, -i));
      if (header) past.push(lines);
    }
    if (!past.length) throw notFound('Earlier churn plan before', month);
    return from === 'last' ? past[0] : averagePlanLines(past);
  }
}

/** The plan's hidden-churn line: subscribers in confirmed hidden churn holding the line's service (in its region), each once. */
function hiddenLine(
  line: PlanLineRequest,
  events: { subscriber_id: string; region: string; services: string[] }[],
): { hiddenMax: number | null; actualHidden: number; fulfilmentHidden: number | null } {
  const who = new Set(events.filter((e) => e.services.includes(line.service) && (line.region === null || e.region === line.region)).map((e) => e.subscriber_id));
  const hiddenMax = line.hiddenMax ?? null;
  return { hiddenMax, actualHidden: who.size, fulfilmentHidden: hiddenMax === null ? null : fulfilment(who.size, hiddenMax) };
}
