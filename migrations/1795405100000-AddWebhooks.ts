import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: the endpoints an administrator configures, the outbox of events (written in the
 * transaction of the change they announce), one delivery per event and endpoint with its state, and
 * every attempt (the delivery log). `NOTIFY webhook_outbox`, sent by whoever writes an event, reaches
 * the listening workers when that transaction commits.
 */
export class AddWebhooks1795405100000 implements MigrationInterface {
  name = 'AddWebhooks1795405100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url varchar(2000) NOT NULL,
        description varchar(200) NOT NULL DEFAULT '',
        secret varchar(100) NOT NULL,
        event_types text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT app_now(),
        updated_at timestamptz NOT NULL DEFAULT app_now()
      )`);
    await q.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT app_now()
      )`);
    await q.query(`CREATE INDEX ix_outbox_event_occurred ON outbox_event (occurred_at)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES outbox_event(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        replays integer NOT NULL DEFAULT 0,
        queued_at timestamptz,
        last_status_code integer,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT app_now(),
        CONSTRAINT uq_webhook_delivery UNIQUE (event_id, endpoint_id)
      )`);
    await q.query(`CREATE INDEX ix_webhook_delivery_unqueued ON webhook_delivery (created_at) WHERE queued_at IS NULL`);
    await q.query(`CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT app_now(),
        status_code integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['webhook_attempt', 'webhook_delivery', 'outbox_event', 'webhook_endpoint']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
