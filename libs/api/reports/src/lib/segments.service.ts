import { Injectable } from '@nestjs/common';
import { appClock, ReadDatabase } from '@retention/api-core';
import { regionIs, spendAtSql, subscriptionEndKindSql, tenureRatingSql } from '@retention/api-churn-data';
import type { ReportFilter, RiskDimension, RiskSegment, RiskSegmentsReport } from '@retention/contracts';
import { LIFETIME_RATING_FROM, reportPeriodAsOf, segmentRisks } from '@retention/domain';
import { factsFilter } from './reports.service';


/**
 * Risk segments (docs/methodology.md, "Risk segments"): churn among those present at the period's
 * start, by contract type, spend quartile, tenure band (the lifetime rating at the start), region and
 * service, each with its ratio to the best segment. The same population as the churn rate and the
 * subscriber drill-down's "left" (voluntary leavers; with a service, those who dropped it).
 */
@Injectable()
export class SegmentsService {
  constructor(private readonly read: ReadDatabase) {}

  async report(f: Pick<ReportFilter, 'from' | 'to' | 'region'>): Promise<RiskSegmentsReport> {
    factsFilter({ from: f.from, to: f.to });
    const { current } = reportPeriodAsOf(f.from, f.to, appClock().today());
    const params = [current.start, current.end, f.region ?? null];
    const [subscribers, services] = await Promise.all([
      this.read.query(
        `WITH base AS (
           SELECT s.contract_type, rg.code AS region, ${tenureRatingSql('s.connected_on', '$1::date')} AS tenure,
                  ${spendAtSql('s.id', '$1::date')}::float8 AS spend,
                  (s.disconnected_on < $2::date AND COALESCE(s.disconnect_kind, 'voluntary') = 'voluntary') AS left_
             FROM subscriber s JOIN region rg ON rg.id = s.region_id
            WHERE s.connected_on < $1::date AND (s.disconnected_on IS NULL OR s.disconnected_on >= $1::date) AND ${regionIs('s.region_id', '$3')}
         ), cut AS (
           SELECT percentile_disc(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY spend) AS q FROM base
         ), rated AS (
           SELECT b.*, CASE WHEN b.spend <= c.q[1] THEN 1 WHEN b.spend <= c.q[2] THEN 2 WHEN b.spend <= c.q[3] THEN 3 ELSE 4 END AS quartile, c.q
             FROM base b CROSS JOIN cut c
         )
         SELECT contract_type, region, tenure, quartile, min(q[1])::float8 AS q1, min(q[2])::float8 AS q2, min(q[3])::float8 AS q3,
                count(*)::int AS at_start, count(*) FILTER (WHERE left_)::int AS left_count,
                GROUPING(contract_type) AS g_contract, GROUPING(region) AS g_region, GROUPING(tenure) AS g_tenure, GROUPING(quartile) AS g_quartile
           FROM rated GROUP BY GROUPING SETS ((contract_type), (region), (tenure), (quartile))`,
        params,
      ),
      this.read.query(
        `SELECT v.code AS service, count(*)::int AS at_start,
                count(*) FILTER (WHERE x.ended_on < $2::date AND ${subscriptionEndKindSql('x.end_reason')} = 'voluntary')::int AS left_count
           FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id JOIN service v ON v.id = x.service_id
          WHERE x.started_on < $1::date AND (x.ended_on IS NULL OR x.ended_on >= $1::date) AND ${regionIs('s.region_id', '$3')}
          GROUP BY v.code`,
        params,
      ),
    ]);
    const period = { from: f.from, to: f.to, ...(f.region ? { region: f.region } : {}) };
    const drill = (extra: Record<string, string>) => ({ figure: 'left', ...period, ...extra });
    type Row = { key: string; atStart: number; left: number; extra: Partial<RiskSegment>; drill: Record<string, string> };
    const of = (rows: Row[], order?: readonly string[]): RiskSegment[] => {
      const sorted = order ? [...rows].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) : [...rows].sort((a, b) => a.key.localeCompare(b.key));
      return segmentRisks(sorted).map((s, i) => ({ ...s, ...sorted[i].extra, drill: sorted[i].drill }));
    };
    const pick = (flag: string) => subscribers.filter((r: Record<string, number>) => r[flag] === 0);
    const quartiles = pick('g_quartile') as { quartile: number; q1: number; q2: number; q3: number; at_start: number; left_count: number }[];
    const bounds = (q: number, r: (typeof quartiles)[number]): [number | null, number | null] =>
      [[null, r.q1], [r.q1, r.q2], [r.q2, r.q3], [r.q3, null]][q - 1] as [number | null, number | null];
    const dimensions: { dimension: RiskDimension; segments: RiskSegment[] }[] = [
      {
        dimension: 'contract',
        segments: of(pick('g_contract').map((r: { contract_type: string; at_start: number; left_count: number }) => ({
          key: r.contract_type, atStart: r.at_start, left: r.left_count, extra: {}, drill: drill({ contractType: r.contract_type }),
        })), ['month_to_month', '12m', '24m']),
      },
      {
        dimension: 'spend',
        segments: of(quartiles.map((r) => {
          const [above, to] = bounds(r.quartile, r);
          return {
            key: String(r.quartile), atStart: r.at_start, left: r.left_count, extra: { spendAbove: above, spendTo: to },
            drill: drill({ ...(above !== null ? { spendAbove: String(above) } : {}), ...(to !== null ? { spendTo: String(to) } : {}) }),
          };
        })),
      },
      {
        dimension: 'tenure',
        segments: of(pick('g_tenure').map((r: { tenure: string; at_start: number; left_count: number }) => ({
          key: r.tenure, atStart: r.at_start, left: r.left_count, extra: {}, drill: drill({ tenureRating: r.tenure }),
        })), [...LIFETIME_RATING_FROM].reverse().map((b) => b.rating)),
      },
      {
        dimension: 'region',
        segments: of(pick('g_region').map((r: { region: string; at_start: number; left_count: number }) => ({
          key: r.region, atStart: r.at_start, left: r.left_count, extra: {}, drill: { figure: 'left', from: f.from, to: f.to, region: r.region },
        }))),
      },
      {
        dimension: 'service',
        segments: of(services.map((r: { service: string; at_start: number; left_count: number }) => ({
          key: r.service, atStart: r.at_start, left: r.left_count, extra: {}, drill: drill({ service: r.service }),
        }))),
      },
    ];
    return { filter: period, through: current.through, dimensions };
  }
}
