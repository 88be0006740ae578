import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChurnByReasonReport,
  ChurnToCompetitorsReport,
  DrillRow,
  KeyFiguresReport,
  NpsByOperatorReport,
  Page,
  PlanVsActualReport,
  SubscriberDrillRow,
} from '@retention/contracts';
import { map, type Observable } from 'rxjs';
import { type DrillCriteria, drillParams, type SubscriberCriteria, subscriberDrillParams } from '../drill/drill';
import { I18nService } from '../../core/i18n';
import { fileNameFrom } from './download';
import type { ReportPeriod } from './report-query';

/** The four executive reports, by the last part of their address. */
export type ReportName = 'churn-to-competitors' | 'churn-by-reason' | 'plan-vs-actual' | 'key-figures';
export type ExportFormat = 'xlsx' | 'csv';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function periodParams(p: ReportPeriod): HttpParams {
  let params = new HttpParams().set('from', p.from).set('to', p.to);
  if (p.service) params = params.set('service', p.service);
  if (p.region) params = params.set('region', p.region);
  return params;
}

/** `/api/reports/*` (reports:read: managers and executives). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);

  competitors(p: ReportPeriod): Observable<ChurnToCompetitorsReport> {
    return this.http.get<ChurnToCompetitorsReport>('/api/reports/churn-to-competitors', { params: periodParams(p) });
  }

  reasons(p: ReportPeriod): Observable<ChurnByReasonReport> {
    return this.http.get<ChurnByReasonReport>('/api/reports/churn-by-reason', { params: periodParams(p) });
  }

  planVsActual(p: ReportPeriod): Observable<PlanVsActualReport> {
    return this.http.get<PlanVsActualReport>('/api/reports/plan-vs-actual', { params: periodParams(p) });
  }

  keyFigures(p: ReportPeriod): Observable<KeyFiguresReport> {
    return this.http.get<KeyFiguresReport>('/api/reports/key-figures', { params: periodParams(p) });
  }

  npsByOperator(p: ReportPeriod): Observable<NpsByOperatorReport> {
    return this.http.get<NpsByOperatorReport>('/api/reports/nps-by-operator', { params: periodParams(p) });
  }

  drill(p: ReportPeriod, criteria: DrillCriteria, limit: number, offset: number): Observable<Page<DrillRow>> {
    return this.http.get<Page<DrillRow>>('/api/reports/drill', {
      params: new HttpParams({ fromObject: drillParams(p, criteria, limit, offset) }),
    });
  }

  drillSubscribers(p: ReportPeriod, criteria: SubscriberCriteria, limit: number, offset: number): Observable<Page<SubscriberDrillRow>> {
    return this.http.get<Page<SubscriberDrillRow>>('/api/reports/drill/subscribers', {
      params: new HttpParams({ fromObject: subscriberDrillParams(p, criteria, limit, offset) }),
    });
  }

  /** The report as a file. Fetched (not linked) because the API wants the bearer token the interceptor adds. */
  download(report: ReportName, p: ReportPeriod, format: ExportFormat): Observable<DownloadedFile> {
    return this.http
      .get(`/api/reports/${report}`, { params: periodParams(p).set('format', format).set('lang', this.i18n.language()), responseType: 'blob', observe: 'response' })
      .pipe(
        map((res) => ({
          blob: res.body ?? new Blob([]),
          fileName: fileNameFrom(res.headers.get('Content-Disposition'), `${report}-${p.from}-${p.to}.${format}`),
        })),
      );
  }
}
