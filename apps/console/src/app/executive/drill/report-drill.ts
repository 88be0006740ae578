import { inject, Injectable } from '@angular/core';
import type { PlanPick } from '../charts/plan-chart.component';
import type { CompetitorBar } from '../charts/competitors-chart.component';
import type { ReasonBar } from '../charts/reasons-chart.component';
import type { TrendPick } from '../charts/trend-chart.component';
import { type FigureKey, figureLabelKey, FIGURES } from '../data/key-figures';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import type { ReportPeriod } from '../data/report-query';
import { MOVED_OUT_ID, UNKNOWN_ID } from '../data/report-views';
import type { DrillCriteria } from './drill';
import { DrillService } from './drill.service';

/** Turns a click on a chart, a legend row, a total or a tile into the drill panel with a title that says what it lists. */
@Injectable({ providedIn: 'root' })
export class ReportDrill {
  private readonly drill = inject(DrillService);
  private readonly fmt = inject(ReportFormat);
  private readonly lookups = inject(ReportLookups);

  /** "Oct 2026 · Home internet · West": the period and the filters in force. */
  private subtitle(period: ReportPeriod, criteria: DrillCriteria): string {
    const parts = [criteria.month ? this.fmt.month(criteria.month) : this.fmt.period(period.from, period.to)];
    const service = criteria.service ?? period.service;
    if (service) parts.push(this.lookups.serviceName(service));
    if (period.region) parts.push(this.lookups.regionName(period.region));
    return parts.join(' · ');
  }

  open(title: string, period: ReportPeriod, criteria: DrillCriteria): void {
    this.drill.open({ title, subtitle: this.subtitle(period, criteria), period, criteria });
  }

  competitor(bar: Pick<CompetitorBar, 'id' | 'label'>, period: ReportPeriod, month?: string): void {
    const criteria: DrillCriteria =
      bar.id === UNKNOWN_ID ? { unknownCompetitor: true } : bar.id === MOVED_OUT_ID ? { movedOut: true } : { competitorId: bar.id };
    if (month) criteria.month = month;
    this.open(bar.label, period, criteria);
  }

  trend(pick: TrendPick, period: ReportPeriod): void {
    this.competitor(pick.series, period, pick.month);
  }

  /** Everyone lost to a competitor (named or not) in the period. */
  allCompetitors(period: ReportPeriod): void {
    this.open(this.fmt.t('drill.allCompetitors'), period, { toCompetitor: true });
  }

  reason(bar: Pick<ReasonBar, 'code' | 'label'>, period: ReportPeriod): void {
    this.open(bar.label, period, { reasonCode: bar.code });
  }

  churnType(type: 'managed' | 'unmanaged' | null, period: ReportPeriod): void {
    const title = type === 'managed' ? 'drill.managed' : type === 'unmanaged' ? 'drill.unmanaged' : 'drill.allChurn';
    this.open(this.fmt.t(title), period, type ? { churnType: type } : {});
  }

  plan(pick: PlanPick, period: ReportPeriod, month?: string): void {
    const criteria: DrillCriteria = { service: pick.bar.service };
    if (pick.churnType) criteria.churnType = pick.churnType;
    if (month) criteria.month = month;
    const type = pick.churnType ? `, ${this.fmt.t(pick.churnType === 'managed' ? 'chart.managed' : 'chart.unmanaged').toLowerCase()}` : '';
    this.open(`${pick.bar.label}${type}`, period, criteria);
  }

  figure(key: FigureKey, period: ReportPeriod): void {
    const criteria = FIGURES[key].drill;
    if (criteria) this.open(this.fmt.t(figureLabelKey(key)), period, criteria);
  }
}
