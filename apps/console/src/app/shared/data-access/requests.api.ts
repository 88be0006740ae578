import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApprovalView,
  CreateDisconnectRequest,
  DeskDraft,
  DisconnectRequestView,
  OfferProposal,
  Page,
  PostponeDisconnectRequest,
  PresentationView,
  RequestDraftView,
  RequestStatusCode,
  ResolveDisconnectRequest,
} from '@retention/contracts';
import type { Observable } from 'rxjs';
import type { Language } from '../../core/i18n';

export interface RequestQuery {
  statuses?: readonly RequestStatusCode[];
  mine?: boolean;
  search?: string;
  limit?: number;
  offset?: number;
}

export type ApprovalStatus = ApprovalView['status'];

/** Disconnect requests (the operator desk and the request list) and the manager's offer approvals. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/disconnect-requests';

  list(q: RequestQuery = {}): Observable<Page<DisconnectRequestView>> {
    let params = new HttpParams();
    if (q.statuses?.length) params = params.set('status', q.statuses.join(','));
    if (q.mine) params = params.set('mine', 'true');
    if (q.search?.trim()) params = params.set('search', q.search.trim());
    if (q.limit !== undefined) params = params.set('limit', q.limit);
    if (q.offset !== undefined) params = params.set('offset', q.offset);
    return this.http.get<Page<DisconnectRequestView>>(this.base, { params });
  }

  get(id: string): Observable<DisconnectRequestView> {
    return this.http.get<DisconnectRequestView>(`${this.base}/${encodeURIComponent(id)}`);
  }

  /** `idempotencyKey`: one per dialog, so that a retried submission never creates a second request. */
  create(body: CreateDisconnectRequest, idempotencyKey: string): Observable<DisconnectRequestView> {
    return this.http.post<DisconnectRequestView>(this.base, body, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  claim(id: string): Observable<DisconnectRequestView> {
    return this.http.post<DisconnectRequestView>(`${this.base}/${encodeURIComponent(id)}/claim`, {});
  }

  release(id: string): Observable<DisconnectRequestView> {
    return this.http.post<DisconnectRequestView>(`${this.base}/${encodeURIComponent(id)}/release`, {});
  }

  postpone(id: string, body: PostponeDisconnectRequest): Observable<DisconnectRequestView> {
    return this.http.post<DisconnectRequestView>(`${this.base}/${encodeURIComponent(id)}/postpone`, body);
  }

  resolve(id: string, body: ResolveDisconnectRequest): Observable<DisconnectRequestView> {
    return this.http.post<DisconnectRequestView>(`${this.base}/${encodeURIComponent(id)}/resolve`, body);
  }

  offers(id: string, reasonCode: string, lang: Language): Observable<OfferProposal[]> {
    const params = new HttpParams().set('reasonCode', reasonCode).set('lang', lang);
    return this.http.get<OfferProposal[]>(`${this.base}/${encodeURIComponent(id)}/offers`, { params });
  }

  presentation(id: string, competitorId: string | null): Observable<PresentationView> {
    const params = competitorId ? new HttpParams().set('competitorId', competitorId) : new HttpParams();
    return this.http.get<PresentationView>(`${this.base}/${encodeURIComponent(id)}/presentation`, { params });
  }

  askApproval(id: string, offerCode: string, note: string): Observable<ApprovalView> {
    return this.http.post<ApprovalView>(`${this.base}/${encodeURIComponent(id)}/approvals`, { offerCode, note });
  }

  approvals(status?: ApprovalStatus): Observable<ApprovalView[]> {
    const params = status ? new HttpParams().set('status', status) : new HttpParams();
    return this.http.get<ApprovalView[]>('/api/approvals', { params });
  }

  decide(approvalId: string, decision: 'approved' | 'rejected', note: string): Observable<ApprovalView> {
    return this.http.post<ApprovalView>(`/api/approvals/${encodeURIComponent(approvalId)}/decision`, { decision, note });
  }

  /** The caller's own draft of a request (the desk's unsent work). */
  draft(id: string): Observable<RequestDraftView> {
    return this.http.get<RequestDraftView>(`${this.base}/${encodeURIComponent(id)}/draft`);
  }

  saveDraft(id: string, draft: DeskDraft): Observable<RequestDraftView> {
    return this.http.put<RequestDraftView>(`${this.base}/${encodeURIComponent(id)}/draft`, draft);
  }

  discardDraft(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}/draft`);
  }
}
