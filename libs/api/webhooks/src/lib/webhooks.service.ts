import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, appClock, EventBus, JobQueue, notFound, OUTBOX_CHANNEL, queryPrepared } from '@retention/api-core';
import type { Page, WebhookDeliveryView, WebhookEndpointView, WebhookEventBody } from '@retention/contracts';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, newWebhookSecret, SIGNATURE_HEADER, signatureHeader } from './signature';
import { CreateWebhookEndpointDto, ListDeliveriesQueryDto, UpdateWebhookEndpointDto } from './webhooks.dto';

export const DELIVER_JOB = 'webhooks.deliver';
export const DISPATCH_JOB = 'webhooks.dispatch';
/** A receiver that has not answered within this many seconds is a failed attempt. */
const TIMEOUT_MS = 10_000;
/** A delivery queued this long ago and still not delivered nor failed lost its job (a crash): queue it again. */
const REQUEUE_AFTER_MINUTES = 30;

/**
 * Delivers the outbox's events (written by `Events.emit` in the transaction of the change) to the endpoints:
 * a worker LISTENs for the commit's NOTIFY (and sweeps every minute, for a process that was down) and queues
 * one job per delivery; the job POSTs the signed event and records the attempt. A failed attempt (no answer,
 * or not 2xx) is retried by the job queue with exponential backoff (WEBHOOK_RETRY_SECONDS, doubling, up to
 * WEBHOOK_RETRIES), then the delivery is `failed` until an administrator replays it.
 */
@Injectable()
export class WebhooksService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Webhooks');
  private listening?: Subscription;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly bus: EventBus,
  ) {}

  private get retries(): number {
    return this.config.get('WEBHOOK_RETRIES', { infer: true });
  }

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ deliveryId: string }>({
      name: DELIVER_JOB,
      retryLimit: this.retries,
      retryDelaySeconds: this.config.get('WEBHOOK_RETRY_SECONDS', { infer: true }),
      expireInSeconds: 60,
      handle: (data, job) => this.deliver(data.deliveryId, job.retryCount),
    });
    await this.jobs.define({ name: DISPATCH_JOB, cron: '* * * * *', retryLimit: 0, handle: async () => void (await this.dispatch()) });
    if (this.config.get('JOB_WORKERS', { infer: true })) await this.listen();
  }

  onApplicationShutdown(): void {
    this.listening?.unsubscribe();
  }

  /** Each commit that emitted events wakes the dispatcher (heard on the event bus's one listening connection). */
  private async listen(): Promise<void> {
    const outbox = await this.bus.notifications(OUTBOX_CHANNEL);
    this.listening = outbox.subscribe(() => void this.dispatch().catch((e) => this.log.warn(`dispatch: ${(e as Error).message}`)));
    await this.dispatch();
  }

  /** Queues a job for every delivery not queued yet (and re-queues one whose job was lost). Safe to run anywhere at once. */
  async dispatch(): Promise<number> {
    // Runs after every commit that emitted an event: prepared, so PostgreSQL does not plan it each time.
    const rows: { id: string }[] = await queryPrepared(
      this.db,
      `WITH due AS (
         SELECT id FROM webhook_delivery
          WHERE (queued_at IS NULL AND status = 'pending')
             OR (status IN ('pending', 'retrying') AND queued_at < app_now() - make_interval(mins => $1))
          ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED),
       queued AS (UPDATE webhook_delivery d SET queued_at = app_now() FROM due WHERE d.id = due.id RETURNING d.id)
       SELECT id FROM queued`,
      [REQUEUE_AFTER_MINUTES],
    );
    for (const r of rows) await this.jobs.send(DELIVER_JOB, { deliveryId: r.id }, { singletonKey: r.id });
    return rows.length;
  }

  /** One attempt: POST the signed event; a 2xx delivers it, anything else throws for the queue to retry. */
  async deliver(deliveryId: string, retryCount: number): Promise<void> {
    const [d] = await this.db.query(
      `SELECT d.status, e.id AS event_id, e.type, e.payload, e.occurred_at, w.url, w.secret
         FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id JOIN webhook_endpoint w ON w.id = d.endpoint_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d || d.status === 'delivered') return;
    const event: WebhookEventBody = { id: d.event_id, type: d.type, occurredAt: new Date(d.occurred_at).toISOString(), data: d.payload };
    const body = JSON.stringify(event);
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'retention-console-webhooks',
          [EVENT_ID_HEADER]: event.id,
          [EVENT_TYPE_HEADER]: event.type,
          [SIGNATURE_HEADER]: signatureHeader(d.secret, Math.floor(appClock().nowMs() / 1000), body),
        },
        body,
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : describeFetchError(e);
    }
    const ok = error === null;
    const last = retryCount >= this.retries;
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO webhook_attempt (delivery_id, status_code, error, duration_ms) VALUES ($1, $2, $3, $4)`,
        [deliveryId, statusCode, error, Date.now() - started]);
      await tx.query(
        `UPDATE webhook_delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_attempt_at = app_now(),
                status = CASE WHEN status = 'delivered' THEN status WHEN $4 THEN 'delivered' WHEN $5 THEN 'failed' ELSE 'retrying' END,
                delivered_at = CASE WHEN $4 AND delivered_at IS NULL THEN app_now() ELSE delivered_at END
          WHERE id = $1`,
        [deliveryId, statusCode, error, ok, last],
      );
    });
    if (!ok) throw new Error(`webhook delivery ${deliveryId} to ${new URL(d.url).host}: ${error}`);
  }

  async endpoints(): Promise<WebhookEndpointView[]> {
    return (await this.db.query(`SELECT * FROM webhook_endpoint ORDER BY created_at, id`)).map(toEndpointView);
  }

  async createEndpoint(dto: CreateWebhookEndpointDto): Promise<WebhookEndpointView> {
    const secret = newWebhookSecret();
    const [row] = await this.db.query(
      `INSERT INTO webhook_endpoint (url, description, secret, event_types, active) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [dto.url, dto.description ?? '', secret, dto.eventTypes, dto.active ?? true],
    );
    return { ...toEndpointView(row), secret };
  }

  async updateEndpoint(id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    const [row] = await this.db.query(
      `WITH changed AS (
         UPDATE webhook_endpoint SET url = COALESCE($2, url), description = COALESCE($3, description),
                event_types = COALESCE($4, event_types), active = COALESCE($5, active), updated_at = app_now()
          WHERE id = $1 RETURNING *)
       SELECT * FROM changed`,
      [id, dto.url ?? null, dto.description ?? null, dto.eventTypes ?? null, dto.active ?? null],
    );
    if (!row) throw notFound('Webhook endpoint', id);
    return toEndpointView(row);
  }

  async deliveries(q: ListDeliveriesQueryDto): Promise<Page<WebhookDeliveryView>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const rows = await this.db.query(
      `${DELIVERY_VIEW} WHERE ($1::uuid IS NULL OR d.endpoint_id = $1) AND ($2::text IS NULL OR d.status = $2)
        ORDER BY e.occurred_at DESC, d.id LIMIT $3 OFFSET $4`,
      [q.endpointId ?? null, q.status ?? null, limit, offset],
    );
    return { items: rows.map(toDeliveryView), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  /**
   * Sends a delivery again, whatever its state (a receiver that lost a delivered event asks for it again): back
   * to pending, one more job, the same event id and body (only the signature's timestamp is new).
   */
  async replay(id: string): Promise<WebhookDeliveryView> {
    const [row] = await this.db.query(
      `WITH changed AS (
         UPDATE webhook_delivery SET status = 'pending', replays = replays + 1, queued_at = app_now()
          WHERE id = $1 RETURNING id, replays)
       SELECT * FROM changed`,
      [id],
    );
    if (!row) throw notFound('Webhook delivery', id);
    await this.jobs.send(DELIVER_JOB, { deliveryId: id, replay: row.replays }, { singletonKey: `${id}:replay:${row.replays}` });
    const [view] = await this.db.query(`${DELIVERY_VIEW} WHERE d.id = $1`, [id]);
    return toDeliveryView(view);
  }
}

const DELIVERY_VIEW = `
  SELECT d.*, e.type, e.occurred_at, w.url, count(*) OVER () AS total
    FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id JOIN webhook_endpoint w ON w.id = d.endpoint_id`;

function iso(v: Date | string | null): string | null {
  return v === null ? null : new Date(v).toISOString();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toEndpointView(r: any): WebhookEndpointView {
  return { id: r.id, url: r.url, description: r.description, eventTypes: r.event_types, active: r.active, createdAt: new Date(r.created_at).toISOString() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toDeliveryView(r: any): WebhookDeliveryView {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    endpointUrl: r.url,
    eventId: r.event_id,
    eventType: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastAttemptAt: iso(r.last_attempt_at),
    deliveredAt: iso(r.delivered_at),
    replays: r.replays,
  };
}

/** fetch's "fetch failed" with its cause (connection refused, DNS, TLS), without the URL's credentials. */
function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
