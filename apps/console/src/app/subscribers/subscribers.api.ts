import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, SetSegmentRequest, SubscriberCard, SubscriberListItem } from '@retention/contracts';
import type { Observable } from 'rxjs';

export interface SubscriberQuery {
  search: string;
  limit: number;
  offset: number;
}

@Injectable({ providedIn: 'root' })
export class SubscribersApi {
  private readonly http = inject(HttpClient);

  search(q: SubscriberQuery): Observable<Page<SubscriberListItem>> {
    let params = new HttpParams().set('limit', q.limit).set('offset', q.offset);
    if (q.search.trim()) {
      params = params.set('search', q.search.trim());
    }
    return this.http.get<Page<SubscriberListItem>>('/api/subscribers', { params });
  }

  card(id: string): Observable<SubscriberCard> {
    return this.http.get<SubscriberCard>(`/api/subscribers/${encodeURIComponent(id)}`);
  }

  /** Records the temperament and activity segment (audited); answers the card. */
  setSegment(id: string, body: SetSegmentRequest): Observable<SubscriberCard> {
    return this.http.put<SubscriberCard>(`/api/subscribers/${encodeURIComponent(id)}/segment`, body);
  }
}
