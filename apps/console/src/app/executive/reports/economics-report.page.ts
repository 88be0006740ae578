import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { RetentionEconomicsReport, RetentionEconomicsRow } from '@retention/contracts';
import { I18nService, TranslatePipe } from '../../core/i18n';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { ReportFilterComponent } from '../ui/report-filter.component';

/** Retention economics (checklist point 8): the cost of saves against the revenue they keep and the cost of acquisition. */
@Component({
  selector: 'rc-economics-report-page',
  imports: [MatTableModule, TranslatePipe, PageHeaderComponent, ChipComponent, ErrorStateComponent, ReportFilterComponent],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './economics-report.page.html',
  styleUrl: './report-page.scss',
})
export class EconomicsReportPage {
  private readonly http = inject(HttpClient);
  protected readonly i18n = inject(I18nService);
  protected readonly state = inject(ReportQueryState);
  protected readonly report = reportResource(this.state.period, (p) => {
    let params = new HttpParams().set('from', p.from).set('to', p.to);
    if (p.service) params = params.set('service', p.service);
    if (p.region) params = params.set('region', p.region);
    return this.http.get<RetentionEconomicsReport>('/api/reports/retention-economics', { params });
  });
  protected readonly columns = ['service', 'saves', 'requests', 'offerCost', 'staffHours', 'staffCost', 'costPerSave', 'costPerAcquisition', 'revenueSaved'];
  protected readonly rows = computed<RetentionEconomicsRow[]>(() => {
    const r = this.report.value();
    return r ? [...r.byService, r.total] : [];
  });
  protected readonly subtitle = computed(() => {
    const p = this.state.period();
    const period = p.from === p.to ? this.i18n.month(p.from) : `${this.i18n.month(p.from)} – ${this.i18n.month(p.to)}`;
    return this.i18n.t('economics.subtitle', { period });
  });
  protected readonly verdict = computed(() => {
    const k = this.report.value()?.total.keepingPaysBetter;
    return k === true ? 'economics.verdict.keep' : k === false ? 'economics.verdict.acquire' : 'economics.verdict.none';
  });
}
