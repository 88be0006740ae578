/**
 * Outbound events for billing and telephony: what happened in the console, delivered to the webhook
 * endpoints an administrator configures. Each event has one id (the receiver deduplicates by it: a delivery
 * is at least once) and is signed with the endpoint's secret.
 */
export const WEBHOOK_EVENT_TYPES = ['request.created', 'request.resolved', 'offer.applied', 'case.opened'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body POSTed to an endpoint. */
export interface WebhookEventBody<T = Record<string, unknown>> {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  data: T;
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  createdAt: string;
  /** Only in the answer that created the endpoint: the signing secret, never shown again. */
  secret?: string;
}

export interface CreateWebhookEndpointRequest {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
  active?: boolean;
}

export type UpdateWebhookEndpointRequest = Partial<CreateWebhookEndpointRequest>;

export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  eventType: WebhookEventType;
  occurredAt: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  replays: number;
}
