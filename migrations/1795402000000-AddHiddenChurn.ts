import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hidden churn: the detection rules' versions (a change is a new version; the newest is in force), the scans
 * (at most one queued or running at a time, by a partial unique index), one case per subscriber while open
 * (a partial unique index, so a scan updates an open case instead of adding one), the audit trail of every case
 * change, and call lists assigned to operators.
 */
export class AddHiddenChurn1795402000000 implements MigrationInterface {
  name = 'AddHiddenChurn1795402000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hidden_churn_rules_version (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        rules jsonb NOT NULL,
        note varchar(500) NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT app_now()
      )`);
    await q.query(`
      CREATE TABLE hidden_churn_scan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(16) NOT NULL CHECK (status IN ('queued','running','completed','failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        stage varchar(32) NOT NULL DEFAULT 'queued',
        rules_version integer REFERENCES hidden_churn_rules_version(id),
        trigger varchar(16) NOT NULL CHECK (trigger IN ('manual','schedule','demo')),
        requested_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT app_now(),
        started_at timestamptz,
        finished_at timestamptz,
        counts jsonb,
        error text
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_hidden_churn_scan_active ON hidden_churn_scan ((true)) WHERE status IN ('queued','running')`);
    await q.query(`CREATE INDEX ix_hidden_churn_scan_created ON hidden_churn_scan (created_at DESC)`);

    await q.query(`
      CREATE TABLE hidden_churn_call_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        filter jsonb NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT app_now()
      )`);
    await q.query(`
      CREATE TABLE hidden_churn_call_list_operator (
        call_list_id uuid NOT NULL REFERENCES hidden_churn_call_list(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (call_list_id, operator_id)
      )`);

    await q.query(`
      CREATE TABLE hidden_churn_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL CHECK (status IN ('new','assigned','contacted','returned','lost','false_alarm')),
        signals jsonb NOT NULL DEFAULT '[]',
        signal_codes text[] NOT NULL DEFAULT '{}',
        risk_score smallint NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
        revenue_at_stake numeric(12,2) NOT NULL DEFAULT 0,
        region_id uuid NOT NULL REFERENCES region(id),
        services text[] NOT NULL DEFAULT '{}',
        rules_version integer REFERENCES hidden_churn_rules_version(id),
        first_scan_id uuid REFERENCES hidden_churn_scan(id),
        last_scan_id uuid REFERENCES hidden_churn_scan(id),
        opened_at timestamptz NOT NULL DEFAULT app_now(),
        opened_on date NOT NULL DEFAULT app_today(),
        updated_at timestamptz NOT NULL DEFAULT app_now(),
        assignee_id uuid REFERENCES app_user(id),
        call_list_id uuid REFERENCES hidden_churn_call_list(id),
        contacted_at timestamptz,
        closed_at timestamptz,
        closed_on date,
        close_cause varchar(16) CHECK (close_cause IN ('operator','paid_again','non_payment','request')),
        reason_version_id integer REFERENCES classifier_version(id),
        reason_code varchar(48),
        note text NOT NULL DEFAULT '',
        CONSTRAINT ck_hidden_churn_case_closed CHECK ((status IN ('returned','lost','false_alarm')) = (closed_at IS NOT NULL)),
        CONSTRAINT fk_hidden_churn_case_reason FOREIGN KEY (reason_version_id, reason_code) REFERENCES churn_reason(version_id, code)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_hidden_churn_case_open ON hidden_churn_case (subscriber_id) WHERE status IN ('new','assigned','contacted')`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_status_risk ON hidden_churn_case (status, risk_score DESC)`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_assignee ON hidden_churn_case (assignee_id, status)`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_signals ON hidden_churn_case USING gin (signal_codes)`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_closed ON hidden_churn_case (closed_on) WHERE status = 'lost'`);
    await q.query(`
      CREATE TABLE hidden_churn_case_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES hidden_churn_case(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT app_now(),
        actor_id uuid REFERENCES app_user(id),
        action varchar(16) NOT NULL,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_hidden_churn_case_event_case ON hidden_churn_case_event (case_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'hidden_churn_case_event', 'hidden_churn_case', 'hidden_churn_call_list_operator', 'hidden_churn_call_list',
      'hidden_churn_scan', 'hidden_churn_rules_version',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
