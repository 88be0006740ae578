import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The churn-reason classifier (versioned: a request keeps the version it was classified with),
 * the offer catalogue, disconnect requests with their audit trail, and offer approvals.
 */
export class AddDisconnectRequests1795392900000 implements MigrationInterface {
  name = 'AddDisconnectRequests1795392900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE classifier_version (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        version integer NOT NULL CONSTRAINT uq_classifier_version UNIQUE,
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE churn_reason (
        version_id integer NOT NULL REFERENCES classifier_version(id),
        code varchar(48) NOT NULL,
        sort_order smallint NOT NULL,
        reason_group varchar(24) NOT NULL,
        managed boolean NOT NULL,
        implies_competitor boolean NOT NULL,
        threshold numeric(8,6) NOT NULL CHECK (threshold >= 0 AND threshold <= 1),
        content jsonb NOT NULL,
        PRIMARY KEY (version_id, code)
      )`);

    await q.query(`
      CREATE TABLE offer (
        code varchar(48) PRIMARY KEY,
        kind varchar(24) NOT NULL,
        discount_percent smallint CHECK (discount_percent BETWEEN 0 AND 100),
        months smallint CHECK (months >= 0),
        monthly_cost numeric(12,2) NOT NULL DEFAULT 0,
        one_off_cost numeric(12,2) NOT NULL DEFAULT 0,
        min_tenure_months integer NOT NULL DEFAULT 0,
        min_monthly_revenue numeric(12,2) NOT NULL DEFAULT 0,
        reason_codes text[],
        content jsonb NOT NULL,
        sort_order smallint NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE disconnect_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES subscriber(id),
        services text[] NOT NULL,
        all_services boolean NOT NULL,
        channel varchar(16) NOT NULL,
        stated_reason text NOT NULL DEFAULT '',
        kind varchar(16) NOT NULL DEFAULT 'voluntary' CHECK (kind IN ('voluntary','non_payment')),
        status varchar(16) NOT NULL CHECK (status IN ('new','in_progress','postponed','resolved')),
        assignee_id uuid REFERENCES app_user(id),
        claimed_at timestamptz,
        callback_at timestamptz,
        outcome varchar(24) CHECK (outcome IN ('retained','retained_with_offer','partially_retained','disconnected')),
        reason_version_id integer REFERENCES classifier_version(id),
        reason_code varchar(48),
        competitor_id uuid REFERENCES competitor(id),
        offer_code varchar(48) REFERENCES offer(code),
        offer_cost numeric(12,2),
        kept_services text[],
        effective_date date,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES app_user(id),
        mrr_at_risk numeric(12,2) NOT NULL DEFAULT 0,
        mrr_lost numeric(12,2),
        is_new_subscriber boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        idempotency_key varchar(128),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_request_resolved CHECK ((status = 'resolved') = (outcome IS NOT NULL)),
        CONSTRAINT ck_request_reason CHECK (status <> 'resolved' OR (reason_code IS NOT NULL AND reason_version_id IS NOT NULL)),
        CONSTRAINT fk_request_reason FOREIGN KEY (reason_version_id, reason_code) REFERENCES churn_reason(version_id, code)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_request_idempotency ON disconnect_request (idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX ix_request_queue ON disconnect_request (status, created_at) WHERE status <> 'resolved'`);
    await q.query(`CREATE INDEX ix_request_assignee ON disconnect_request (assignee_id, status)`);
    await q.query(`CREATE INDEX ix_request_resolved ON disconnect_request (resolved_at) WHERE status = 'resolved'`);
    await q.query(`CREATE INDEX ix_request_subscriber ON disconnect_request (subscriber_id, created_at)`);

    await q.query(`
      CREATE TABLE request_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES disconnect_request(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        action varchar(24) NOT NULL,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_request_event_request ON request_event (request_id, at)`);

    await q.query(`
      CREATE TABLE offer_approval (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES disconnect_request(id) ON DELETE CASCADE,
        offer_code varchar(48) NOT NULL REFERENCES offer(code),
        discount_percent smallint NOT NULL,
        requested_by uuid NOT NULL REFERENCES app_user(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        note text NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX ix_offer_approval_status ON offer_approval (status, requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['offer_approval', 'request_event', 'disconnect_request', 'offer', 'churn_reason', 'classifier_version']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
