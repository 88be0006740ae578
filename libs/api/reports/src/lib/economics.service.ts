import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, appClock, badRequest } from '@retention/api-core';
import { BaseFlowsService, isSaveSql, regionIs, saveStateSql } from '@retention/api-churn-data';
import type { ReportFilter, RetentionCostsView, RetentionEconomicsReport, RetentionEconomicsRow } from '@retention/contracts';
import { addMonths, monthKeyOf, monthRange, monthStart, reportPeriodAsOf, retentionEconomics, SAVE_CONFIRMATION_DAYS } from '@retention/domain';
import { DataSource } from 'typeorm';
import { SetRetentionCostsDto } from './economics.dto';
import { factsFilter } from './reports.service';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Retention economics (docs/methodology.md, "Retention economics"): the operator's own costs
 * (acquisition per service, staff per hour, each set for a month and holding until a later month
 * sets another) and what saves cost against what they keep.
 */
@Injectable()
export class EconomicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly baseFlows: BaseFlowsService,
  ) {}

  /** The costs as they hold in `month`: each the one set in that month or the latest before it. */
  async costs(month: string): Promise<RetentionCostsView> {
    const [staff] = await this.db.query(
      `SELECT cost_per_hour::float8 AS cost, to_char(month, 'YYYY-MM') AS "setIn" FROM staff_cost WHERE month <= $1::date ORDER BY month DESC LIMIT 1`,
      [monthStart(month)],
    );
    const acquisition = await this.db.query(
      `SELECT v.code AS service, a.cost, a."setIn"
         FROM service v
         LEFT JOIN LATERAL (SELECT c.cost::float8 AS cost, to_char(c.month, 'YYYY-MM') AS "setIn" FROM acquisition_cost c
                             WHERE c.service_id = v.id AND c.month <= $1::date ORDER BY c.month DESC LIMIT 1) a ON true
        WHERE v.active ORDER BY v.code`,
      [monthStart(month)],
    );
    return {
      month,
      staffCostPerHour: staff?.cost ?? null,
      staffCostSetIn: staff?.setIn ?? null,
      acquisitionCosts: acquisition.map((a: { service: string; cost: number | null; setIn: string | null }) => ({ service: a.service, cost: a.cost ?? null, setIn: a.setIn ?? null })),
    };
  }

  /** Sets costs from `month` on; what is not named stays as it was. One transaction. */
  async setCosts(month: string, dto: SetRetentionCostsDto, actor: AuthenticatedUser): Promise<RetentionCostsView> {
    const services = (dto.acquisitionCosts ?? []).map((a) => a.service);
    if (new Set(services).size !== services.length) throw badRequest('acquisitionCosts', 'names a service twice');
    await this.db.transaction(async (tx) => {
      if (services.length) {
        const known: { code: string }[] = await tx.query(`SELECT code FROM service WHERE code = ANY ($1::text[])`, [services]);
        const unknown = services.filter((s) => !known.some((k) => k.code === s));
        if (unknown.length) throw badRequest('acquisitionCosts', `unknown service ${unknown.join(', ')}`);
      }
      if (dto.staffCostPerHour !== undefined) {
        await tx.query(
          `INSERT INTO staff_cost (month, cost_per_hour, updated_by) VALUES ($1::date, $2, $3)
           ON CONFLICT (month) DO UPDATE SET cost_per_hour = EXCLUDED.cost_per_hour, updated_by = EXCLUDED.updated_by, updated_at = app_now()`,
          [monthStart(month), dto.staffCostPerHour, actor.id],
        );
      }
      for (const a of dto.acquisitionCosts ?? []) {
        await tx.query(
          `INSERT INTO acquisition_cost (month, service_id, cost, updated_by) SELECT $1::date, v.id, $3, $4 FROM service v WHERE v.code = $2
           ON CONFLICT (month, service_id) DO UPDATE SET cost = EXCLUDED.cost, updated_by = EXCLUDED.updated_by, updated_at = app_now()`,
          [monthStart(month), a.service, a.cost, actor.id],
        );
      }
    });
    return this.costs(month);
  }

  /**
   * What the period's saves cost and keep, for the operator and per service. Voluntary requests only
   * (non-payment apart). A save counts unless it was lost (the subscriber left within the confirming
   * days). Staff time is the time each request spent in progress (from a claim to the next step out of
   * it), for every request resolved in the period, saved or lost, at the staff cost of the month it was
   * resolved in; a request's offer cost and hours are shared among its services by their fees. The
   * revenue a save keeps is its monthly revenue times the base's expected lifetime over the twelve whole
   * months up to the period's end (the same lifetime as LTV).
   */
  async report(f: ReportFilter): Promise<RetentionEconomicsReport> {
    factsFilter(f);
    const { current } = reportPeriodAsOf(f.from, f.to, appClock().today());
    const lastWhole = addMonths(monthKeyOf(appClock().today()), -1);
    const lifetimeEnd = f.to < lastWhole ? f.to : lastWhole;
    const expectedLifetimeMonths = await this.baseFlows.expectedLifetime(addMonths(lifetimeEnd, -11), lifetimeEnd, f);
    const params: unknown[] = [current.start, current.end, f.service ?? null, f.region ?? null, SAVE_CONFIRMATION_DAYS];
    const rows: (Omit<RetentionEconomicsRow, 'staffCost' | 'costOfSaves' | 'revenueSaved' | 'costPerSave' | 'costPerAcquisition' | 'returnOnSaves' | 'keepingPaysBetter'> & { staffCost: number; acquisitionCost: number; missingCpa: boolean })[] =
      await this.db.query(
        `WITH req AS (
           SELECT d.id, ${isSaveSql('d.outcome')} AS saved, d.services, d.service_fees, d.mrr_at_risk,
                  COALESCE(d.offer_cost, 0) AS offer_cost, date_trunc('month', d.resolved_at AT TIME ZONE 'UTC')::date AS month,
                  ${saveStateSql(`(d.resolved_at AT TIME ZONE 'UTC')::date`, 's.disconnected_on', '$5')} AS state
             FROM disconnect_request d JOIN subscriber s ON s.id = d.subscriber_id
            WHERE d.status = 'resolved' AND d.kind = 'voluntary'
              AND d.resolved_at >= $1::timestamp AT TIME ZONE 'UTC' AND d.resolved_at < $2::timestamp AT TIME ZONE 'UTC'
              AND ${regionIs('d.region_id', '$4')}
              AND ($3::text IS NULL OR $3 = ANY (d.services))
         ), hours AS (
           SELECT e.request_id, sum(extract(epoch FROM e.next_at - e.at)) / 3600 AS h
             FROM (SELECT e.request_id, e.at, e.to_status, lead(e.at) OVER (PARTITION BY e.request_id ORDER BY e.at, e.id) AS next_at
                     FROM request_event e WHERE e.request_id IN (SELECT id FROM req)) e
            WHERE e.to_status = 'in_progress' AND e.next_at IS NOT NULL
            GROUP BY e.request_id
         ), part AS (
           SELECT r.*, svc.service, COALESCE(h.h, 0) AS hours,
                  CASE WHEN r.mrr_at_risk > 0 THEN COALESCE((r.service_fees ->> svc.service)::numeric, 0) / r.mrr_at_risk
                       ELSE 1.0 / cardinality(r.services) END AS share,
                  COALESCE((r.service_fees ->> svc.service)::numeric, 0) AS fee,
                  (SELECT c.cost_per_hour FROM staff_cost c WHERE c.month <= r.month ORDER BY c.month DESC LIMIT 1) AS per_hour,
                  (SELECT a.cost FROM acquisition_cost a JOIN service v ON v.id = a.service_id
                    WHERE v.code = svc.service AND a.month <= r.month ORDER BY a.month DESC LIMIT 1) AS cpa
             FROM req r CROSS JOIN LATERAL unnest(r.services) AS svc(service)
             LEFT JOIN hours h ON h.request_id = r.id
            WHERE $3::text IS NULL OR svc.service = $3
         )
         SELECT service, count(DISTINCT id) FILTER (WHERE saved AND state <> 'lost')::int AS saves,
                count(DISTINCT id) FILTER (WHERE saved AND state = 'confirmed')::int AS "savesConfirmed",
                count(DISTINCT id)::int AS requests,
                COALESCE(sum(offer_cost * share) FILTER (WHERE saved AND state <> 'lost'), 0)::float8 AS "offerCost",
                COALESCE(sum(hours * share), 0)::float8 AS "staffHours",
                COALESCE(sum(hours * share * COALESCE(per_hour, 0)), 0)::float8 AS "staffCost",
                COALESCE(sum(fee) FILTER (WHERE saved AND state <> 'lost'), 0)::float8 AS "monthlyRevenueSaved",
                COALESCE(sum(cpa) FILTER (WHERE saved AND state <> 'lost'), 0)::float8 AS "acquisitionCost",
                COALESCE(bool_or(cpa IS NULL) FILTER (WHERE saved AND state <> 'lost'), false) AS "missingCpa"
           FROM part GROUP BY GROUPING SETS ((service), ())
          ORDER BY service NULLS FIRST`,
        params,
      );
    const view = (r: (typeof rows)[number]): RetentionEconomicsRow => {
      const e = retentionEconomics({
        saves: r.saves,
        offerCost: r.offerCost,
        staffHours: r.staffHours,
        // Hours are priced at the month each request was resolved in: the mean price is their cost over their hours.
        staffCostPerHour: r.staffHours > 0 ? r.staffCost / r.staffHours : 0,
        monthlyRevenueSaved: r.monthlyRevenueSaved,
        expectedLifetimeMonths,
        acquisitionCostOfSaved: r.missingCpa ? null : r.acquisitionCost,
      });
      return {
        service: r.service ?? null,
        saves: r.saves,
        savesConfirmed: r.savesConfirmed,
        requests: r.requests,
        offerCost: round2(r.offerCost),
        staffHours: round2(r.staffHours),
        monthlyRevenueSaved: round2(r.monthlyRevenueSaved),
        ...e,
      };
    };
    const total = rows.find((r) => r.service === null);
    const empty = { service: null, saves: 0, savesConfirmed: 0, requests: 0, offerCost: 0, staffHours: 0, staffCost: 0, monthlyRevenueSaved: 0, acquisitionCost: 0, missingCpa: false };
    const costs = await this.costs(f.to);
    const missing = new Set<string>();
    for (const m of monthRange(f.from, f.to)) {
      for (const a of (await this.costs(m)).acquisitionCosts) if (a.cost === null) missing.add(a.service);
    }
    return {
      filter: f,
      expectedLifetimeMonths,
      staffCostPerHour: costs.staffCostPerHour,
      missingAcquisitionCosts: [...missing].filter((s) => !f.service || s === f.service).sort(),
      total: view(total ?? empty),
      byService: rows.filter((r) => r.service !== null).map(view),
    };
  }
}
