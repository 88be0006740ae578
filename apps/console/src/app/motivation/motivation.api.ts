import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BonusSchemeSettings,
  BonusSchemeView,
  SatisfactionFollowUp,
  SatisfactionGrouping,
  SatisfactionReport,
  SchemePreview,
  SetBonusSchemeRequest,
  StaffStatementDetail,
  TeamStatements,
  WorkloadView,
} from '@retention/contracts';
import type { Observable } from 'rxjs';

/** `/api/motivation`: statements (one's own, or the team's for a manager) and the manager's bonus scheme. */
@Injectable({ providedIn: 'root' })
export class MotivationApi {
  private readonly http = inject(HttpClient);

  statements(month: string): Observable<TeamStatements> {
    return this.http.get<TeamStatements>(`/api/motivation/statements/${encodeURIComponent(month)}`);
  }

  statement(month: string, userId: string): Observable<StaffStatementDetail> {
    return this.http.get<StaffStatementDetail>(`/api/motivation/statements/${encodeURIComponent(month)}/${encodeURIComponent(userId)}`);
  }

  /** The team's statements as an XLSX file. */
  statementsXlsx(month: string): Observable<Blob> {
    return this.http.get(`/api/motivation/statements/${encodeURIComponent(month)}`, { params: new HttpParams().set('format', 'xlsx'), responseType: 'blob' });
  }

  scheme(month: string): Observable<BonusSchemeView> {
    return this.http.get<BonusSchemeView>(`/api/motivation/schemes/${encodeURIComponent(month)}`);
  }

  /** What the settings would have paid in the month before `month` (nothing saved). */
  preview(month: string, settings: BonusSchemeSettings): Observable<SchemePreview> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(settings)) params = params.set(k, String(v));
    return this.http.get<SchemePreview>(`/api/motivation/schemes/${encodeURIComponent(month)}/preview`, { params });
  }

  saveScheme(month: string, body: SetBonusSchemeRequest): Observable<BonusSchemeView> {
    return this.http.put<BonusSchemeView>(`/api/motivation/schemes/${encodeURIComponent(month)}`, body);
  }

  /** The month's NPS and CSAT per group, with the coverage and the twelve months to it. */
  satisfaction(month: string, by: SatisfactionGrouping): Observable<SatisfactionReport> {
    return this.http.get<SatisfactionReport>(`/api/motivation/satisfaction/${encodeURIComponent(month)}`, { params: new HttpParams().set('by', by) });
  }

  /** The month's detractors to call back, or promoters to ask for a referral. */
  followUps(month: string, cls: 'detractor' | 'promoter'): Observable<SatisfactionFollowUp[]> {
    return this.http.get<SatisfactionFollowUp[]>(`/api/motivation/satisfaction/${encodeURIComponent(month)}/follow-up`, { params: new HttpParams().set('class', cls) });
  }

  /** Requests and call-backs per weekday and hour against the operators on duty, days from..to inclusive. */
  workload(from: string, to: string): Observable<WorkloadView> {
    return this.http.get<WorkloadView>('/api/motivation/workload', { params: new HttpParams().set('from', from).set('to', to) });
  }
}
