import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApprovalView,
  CallListView,
  CreateCallList,
  HiddenChurnCaseDetail,
  HiddenChurnCaseFilter,
  HiddenChurnCaseItem,
  HiddenChurnRulesView,
  HiddenChurnScanView,
  OfferProposal,
  Page,
  PresentationView,
  ResolveHiddenChurnCase,
} from '@retention/contracts';
import type { Observable } from 'rxjs';
import type { Language } from '../../core/i18n';

export interface CaseQuery extends HiddenChurnCaseFilter {
  sort?: 'risk' | 'revenue';
  limit?: number;
  offset?: number;
}

/** Hidden churn: scans, cases, call lists (manager) and one's own cases (operator). */
@Injectable({ providedIn: 'root' })
export class HiddenChurnApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/hidden-churn';

  cases(q: CaseQuery = {}): Observable<Page<HiddenChurnCaseItem>> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
    return this.http.get<Page<HiddenChurnCaseItem>>(`${this.base}/cases`, { params });
  }
  detail(id: string): Observable<HiddenChurnCaseDetail> {
    return this.http.get<HiddenChurnCaseDetail>(`${this.base}/cases/${id}`);
  }
  contact(id: string, note: string): Observable<HiddenChurnCaseDetail> {
    return this.http.post<HiddenChurnCaseDetail>(`${this.base}/cases/${id}/contact`, note ? { note } : {});
  }
  resolve(id: string, body: ResolveHiddenChurnCase): Observable<HiddenChurnCaseDetail> {
    return this.http.post<HiddenChurnCaseDetail>(`${this.base}/cases/${id}/resolve`, body);
  }
  /** The offers for the case's subscriber and a reason, ranked as the desk ranks them for a request. */
  caseOffers(id: string, reasonCode: string, lang: Language): Observable<OfferProposal[]> {
    const params = new HttpParams().set('reasonCode', reasonCode).set('lang', lang);
    return this.http.get<OfferProposal[]>(`${this.base}/cases/${id}/offers`, { params });
  }
  /** Asks a manager to approve an offer above the operator's authority for the case (the managers' one approvals list). */
  askApproval(id: string, offerCode: string, note: string): Observable<ApprovalView> {
    return this.http.post<ApprovalView>(`${this.base}/cases/${id}/approvals`, note ? { offerCode, note } : { offerCode });
  }
  casePresentation(id: string, competitorId: string | null): Observable<PresentationView> {
    const params = competitorId ? new HttpParams().set('competitorId', competitorId) : new HttpParams();
    return this.http.get<PresentationView>(`${this.base}/cases/${id}/presentation`, { params });
  }
  /** The rules in force (the newest version). */
  rules(): Observable<HiddenChurnRulesView> {
    return this.http.get<HiddenChurnRulesView>(`${this.base}/rules`);
  }
  /** Saves the rules as a new version (none when nothing changed); answers the rules in force after it. */
  updateRules(rules: HiddenChurnRulesView['rules'], note: string): Observable<HiddenChurnRulesView> {
    return this.http.put<HiddenChurnRulesView>(`${this.base}/rules`, note ? { rules, note } : { rules });
  }
  startScan(): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${this.base}/scans`, {});
  }
  scan(id: string): Observable<HiddenChurnScanView> {
    return this.http.get<HiddenChurnScanView>(`${this.base}/scans/${id}`);
  }
  scans(): Observable<HiddenChurnScanView[]> {
    return this.http.get<HiddenChurnScanView[]>(`${this.base}/scans`);
  }
  operators(): Observable<{ id: string; displayName: string; openCases: number }[]> {
    return this.http.get<{ id: string; displayName: string; openCases: number }[]>(`${this.base}/operators`);
  }
  createCallList(body: CreateCallList): Observable<CallListView> {
    return this.http.post<CallListView>(`${this.base}/call-lists`, body);
  }
  callLists(): Observable<CallListView[]> {
    return this.http.get<CallListView[]>(`${this.base}/call-lists`);
  }
}
