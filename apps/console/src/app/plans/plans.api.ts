import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChurnPlanView, PlanLineRequest, PlanVersionView, SetChurnPlanRequest } from '@retention/contracts';
import type { Observable } from 'rxjs';

/** `/api/churn-plans/:month`: read by managers and executives (reports:read), set by managers (plans:manage). */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  /** The month's plan with actuals, fulfilment, forecast and drivers; 404 when the month has no plan. */
  get(month: string): Observable<ChurnPlanView> {
    return this.http.get<ChurnPlanView>(`/api/churn-plans/${encodeURIComponent(month)}`);
  }

  versions(month: string): Observable<PlanVersionView[]> {
    return this.http.get<PlanVersionView[]>(`/api/churn-plans/${encodeURIComponent(month)}/versions`);
  }

  /** A proposal (not saved): the last plan before the month, or the average of the last three; 404 without one. */
  draft(month: string, from: 'last' | 'average3'): Observable<PlanLineRequest[]> {
    return this.http.get<PlanLineRequest[]>(`/api/churn-plans/${encodeURIComponent(month)}/draft`, {
      params: new HttpParams().set('from', from),
    });
  }

  /** Saves a new version of the month's plan. */
  save(month: string, body: SetChurnPlanRequest): Observable<ChurnPlanView> {
    return this.http.put<ChurnPlanView>(`/api/churn-plans/${encodeURIComponent(month)}`, body);
  }
}
