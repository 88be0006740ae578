import type { NpsClass, SaveStateCode, SubscriberDrillFigure } from '@retention/contracts';
import type { ReportPeriod } from '../data/report-query';

/**
 * What a click on a chart, a legend row or a total narrows the drill-down to. Mirrors the filters of
 * `GET /api/reports/drill`; `service` and `month` override the report's own service and period.
 */
export interface DrillCriteria {
  competitorId?: string;
  unknownCompetitor?: boolean;
  toCompetitor?: boolean;
  movedOut?: boolean;
  reasonCode?: string;
  churnType?: 'managed' | 'unmanaged';
  month?: string;
  newSubscribers?: boolean;
  service?: string;
  /** Lists subscribers instead of requests: those behind a key figure (`GET /api/reports/drill/subscribers`). */
  subscribers?: SubscriberCriteria;
}

export interface SubscriberCriteria {
  figure: SubscriberDrillFigure;
  saveState?: SaveStateCode;
  npsClass?: NpsClass;
  /** A risk segment's own narrowing as the API gave it (contractType, tenureRating, spendAbove/spendTo, service, region); it wins over the period's filter. */
  segment?: Readonly<Record<string, string>>;
}

/** Everything the drill panel needs: what to list and how to title it. */
export interface DrillRequest {
  /** Already translated: "FastNet", "Slow speed, managed", "Home internet, Oct 2026". */
  title: string;
  /** Already translated period and filter line. */
  subtitle?: string;
  period: ReportPeriod;
  criteria: DrillCriteria;
}

/** The query string of one page of the drill-down. A month inside the criteria narrows the period to it. */
export function drillParams(period: ReportPeriod, criteria: DrillCriteria, limit: number, offset: number): Record<string, string> {
  const p: Record<string, string> = { from: period.from, to: period.to };
  const service = criteria.service ?? period.service;
  if (service) p['service'] = service;
  if (period.region) p['region'] = period.region;
  if (criteria.competitorId) p['competitorId'] = criteria.competitorId;
  if (criteria.unknownCompetitor) p['unknownCompetitor'] = 'true';
  if (criteria.toCompetitor) p['toCompetitor'] = 'true';
  if (criteria.movedOut) p['movedOut'] = 'true';
  if (criteria.reasonCode) p['reasonCode'] = criteria.reasonCode;
  if (criteria.churnType) p['churnType'] = criteria.churnType;
  if (criteria.month) {
    p['month'] = criteria.month;
    // The month may lie outside the report's period (a 12-month trend on a one-month report).
    if (criteria.month < p['from']) p['from'] = criteria.month;
    if (criteria.month > p['to']) p['to'] = criteria.month;
  }
  if (criteria.newSubscribers) p['newSubscribers'] = 'true';
  p['limit'] = String(limit);
  p['offset'] = String(offset);
  return p;
}

/** The query string of one page of the subscribers behind a key figure. */
export function subscriberDrillParams(period: ReportPeriod, criteria: SubscriberCriteria, limit: number, offset: number): Record<string, string> {
  const p: Record<string, string> = { from: period.from, to: period.to, figure: criteria.figure };
  if (period.service) p['service'] = period.service;
  if (period.region) p['region'] = period.region;
  if (criteria.saveState) p['saveState'] = criteria.saveState;
  if (criteria.npsClass) p['npsClass'] = criteria.npsClass;
  for (const [k, v] of Object.entries(criteria.segment ?? {})) if (k !== 'figure' && k !== 'from' && k !== 'to') p[k] = v;
  p['limit'] = String(limit);
  p['offset'] = String(offset);
  return p;
}
