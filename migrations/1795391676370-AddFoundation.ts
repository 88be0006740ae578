import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: users, reference data (regions, services, tariffs, competitors and their
 * tariffs), the subscriber base with subscriptions, payments, monthly usage and survey answers.
 */
export class AddFoundation1795391676370 implements MigrationInterface {
  name = 'AddFoundation1795391676370';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('operator','manager','executive','admin')),
        display_name varchar(120) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_username ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT uq_region_code UNIQUE,
        name varchar(120) NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      CREATE TABLE service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT uq_service_code UNIQUE,
        name varchar(120) NOT NULL,
        usage_unit varchar(16) NOT NULL DEFAULT 'units',
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      CREATE TABLE tariff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(48) NOT NULL CONSTRAINT uq_tariff_code UNIQUE,
        service_id uuid NOT NULL REFERENCES service(id),
        name varchar(120) NOT NULL,
        monthly_price numeric(12,2) NOT NULL CHECK (monthly_price >= 0),
        speed_mbps integer,
        channels integer,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`CREATE INDEX ix_tariff_service ON tariff (service_id)`);
    await q.query(`
      CREATE TABLE competitor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT uq_competitor_code UNIQUE,
        name varchar(120) NOT NULL,
        strengths text NOT NULL DEFAULT '',
        weaknesses text NOT NULL DEFAULT '',
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      CREATE TABLE competitor_tariff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competitor_id uuid NOT NULL REFERENCES competitor(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region(id),
        service_id uuid NOT NULL REFERENCES service(id),
        name varchar(120) NOT NULL,
        monthly_price numeric(12,2) NOT NULL CHECK (monthly_price >= 0),
        speed_mbps integer,
        channels integer
      )`);
    await q.query(`CREATE INDEX ix_competitor_tariff_lookup ON competitor_tariff (competitor_id, region_id, service_id)`);

    await q.query(`
      CREATE TABLE subscriber (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_number varchar(32) NOT NULL CONSTRAINT uq_subscriber_account UNIQUE,
        full_name varchar(160) NOT NULL,
        phone varchar(32) NOT NULL,
        address varchar(240) NOT NULL,
        region_id uuid NOT NULL REFERENCES region(id),
        connected_on date NOT NULL,
        contract_type varchar(16) NOT NULL CHECK (contract_type IN ('month_to_month','12m','24m')),
        status varchar(16) NOT NULL CHECK (status IN ('active','suspended','disconnected')),
        disconnected_on date,
        disconnect_kind varchar(16) CHECK (disconnect_kind IN ('voluntary','non_payment')),
        temperament varchar(16) NOT NULL CHECK (temperament IN ('choleric','sanguine','melancholic','phlegmatic')),
        activity_segment varchar(16) NOT NULL CHECK (activity_segment IN ('active','waiting','passive')),
        balance numeric(12,2) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (
          lower(account_number || ' ' || full_name || ' ' || phone || ' ' ||
                regexp_replace(phone, '[^0-9]', '', 'g') || ' ' || address)
        ) STORED
      )`);
    await q.query(`CREATE INDEX ix_subscriber_search ON subscriber USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_subscriber_region_status ON subscriber (region_id, status)`);
    await q.query(`CREATE INDEX ix_subscriber_connected ON subscriber (connected_on)`);

    await q.query(`
      CREATE TABLE subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES service(id),
        tariff_id uuid NOT NULL REFERENCES tariff(id),
        monthly_fee numeric(12,2) NOT NULL CHECK (monthly_fee >= 0),
        started_on date NOT NULL,
        ended_on date,
        end_reason varchar(16) CHECK (end_reason IN ('disconnected','non_payment','downgrade','upgrade','dropped')),
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query(`CREATE INDEX ix_subscription_subscriber ON subscription (subscriber_id)`);
    await q.query(`CREATE INDEX ix_subscription_service_dates ON subscription (service_id, started_on, ended_on)`);

    await q.query(`
      CREATE TABLE payment (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        paid_on date NOT NULL,
        amount numeric(12,2) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_payment_subscriber_date ON payment (subscriber_id, paid_on)`);

    await q.query(`
      CREATE TABLE usage_monthly (
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES service(id),
        month date NOT NULL,
        amount numeric(14,2) NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (subscriber_id, service_id, month)
      )`);

    await q.query(`
      CREATE TABLE survey_answer (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('nps','csat')),
        score smallint NOT NULL,
        answered_on date NOT NULL,
        comment text,
        CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5))
      )`);
    await q.query(`CREATE INDEX ix_survey_subscriber ON survey_answer (subscriber_id, answered_on)`);

    /** Key/value settings an administrator may change (new-subscriber months, SLA, ...). */
    await q.query(`
      CREATE TABLE app_setting (
        key varchar(64) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'app_setting', 'survey_answer', 'usage_monthly', 'payment', 'subscription', 'subscriber',
      'competitor_tariff', 'competitor', 'tariff', 'service', 'region', 'app_user',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
