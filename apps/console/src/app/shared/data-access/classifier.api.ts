import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChurnReasonDetail,
  ChurnReasonView,
  ClassifierVersionView,
  OfferView,
  ReasonModelView,
  ReasonSuggestionView,
  UpdateChurnReasonRequest,
  UpdateOfferRequest,
} from '@retention/contracts';
import type { Observable } from 'rxjs';
import type { Language } from '../../core/i18n';

/** The churn-reason classifier (read by everyone, changed by the manager) and the offer catalogue. */
@Injectable({ providedIn: 'root' })
export class ClassifierApi {
  private readonly http = inject(HttpClient);

  /** The active version, or a past one. */
  reasons(lang: Language, version?: number): Observable<ChurnReasonView[]> {
    let params = new HttpParams().set('lang', lang);
    if (version) params = params.set('version', version);
    return this.http.get<ChurnReasonView[]>('/api/churn-reasons', { params });
  }

  suggest(text: string, lang: Language, limit = 5): Observable<ReasonSuggestionView[]> {
    const params = new HttpParams().set('text', text).set('lang', lang).set('limit', limit);
    return this.http.get<ReasonSuggestionView[]>('/api/churn-reasons/suggest', { params });
  }

  versions(): Observable<ClassifierVersionView[]> {
    return this.http.get<ClassifierVersionView[]>('/api/churn-reasons/versions');
  }

  reason(code: string, lang: Language): Observable<ChurnReasonDetail> {
    return this.http.get<ChurnReasonDetail>(`/api/churn-reasons/${encodeURIComponent(code)}`, {
      params: new HttpParams().set('lang', lang),
    });
  }

  updateReason(code: string, body: UpdateChurnReasonRequest, lang: Language): Observable<ChurnReasonDetail> {
    return this.http.put<ChurnReasonDetail>(`/api/churn-reasons/${encodeURIComponent(code)}`, body, {
      params: new HttpParams().set('lang', lang),
    });
  }

  /** Versions of the reason model learnt from resolutions, newest first. */
  models(): Observable<ReasonModelView[]> {
    return this.http.get<ReasonModelView[]>('/api/reason-models');
  }

  retrainModel(): Observable<ReasonModelView> {
    return this.http.post<ReasonModelView>('/api/reason-models/retrain', {});
  }

  /** Blends a version into suggestions; null: the synonym table alone. */
  activateModel(version: number | null): Observable<ReasonModelView[]> {
    return this.http.put<ReasonModelView[]>('/api/reason-models/active', { version });
  }

  offers(lang: Language): Observable<OfferView[]> {
    return this.http.get<OfferView[]>('/api/offers', { params: new HttpParams().set('lang', lang) });
  }

  updateOffer(code: string, body: UpdateOfferRequest, lang: Language): Observable<OfferView> {
    return this.http.put<OfferView>(`/api/offers/${encodeURIComponent(code)}`, body, {
      params: new HttpParams().set('lang', lang),
    });
  }
}
