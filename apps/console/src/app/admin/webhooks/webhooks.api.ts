import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateWebhookEndpointRequest,
  Page,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '@retention/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);

  endpoints(): Observable<WebhookEndpointView[]> {
    return this.http.get<WebhookEndpointView[]>('/api/webhooks/endpoints');
  }
  createEndpoint(body: CreateWebhookEndpointRequest): Observable<WebhookEndpointView> {
    return this.http.post<WebhookEndpointView>('/api/webhooks/endpoints', body);
  }
  updateEndpoint(id: string, body: UpdateWebhookEndpointRequest): Observable<WebhookEndpointView> {
    return this.http.patch<WebhookEndpointView>(`/api/webhooks/endpoints/${encodeURIComponent(id)}`, body);
  }
  deliveries(status: WebhookDeliveryStatus | null): Observable<Page<WebhookDeliveryView>> {
    const params = status ? new HttpParams().set('status', status) : undefined;
    return this.http.get<Page<WebhookDeliveryView>>('/api/webhooks/deliveries', { params });
  }
  replay(id: string): Observable<WebhookDeliveryView> {
    return this.http.post<WebhookDeliveryView>(`/api/webhooks/deliveries/${encodeURIComponent(id)}/replay`, {});
  }
}
