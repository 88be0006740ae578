import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff motivation: a salary (admin-only) and a team for each user, the sales-agent role, a
 * subscriber's representative (who serves them) and the sales agent and channel that signed them up,
 * survey answers tied to the representative at the time of the answer, and the manager's bonus
 * scheme, versioned per month it takes effect from.
 */
export class AddStaffMotivation1795403000000 implements MigrationInterface {
  name = 'AddStaffMotivation1795403000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
                     CHECK (role IN ('operator','manager','executive','admin','sales_agent'))`);
    await q.query(`ALTER TABLE app_user
                     ADD COLUMN monthly_salary numeric(12,2) CHECK (monthly_salary >= 0),
                     ADD COLUMN team varchar(64)`);

    await q.query(`ALTER TABLE subscriber
                     ADD COLUMN representative_id uuid REFERENCES app_user(id),
                     ADD COLUMN sales_agent_id uuid REFERENCES app_user(id),
                     ADD COLUMN sales_channel varchar(16) CHECK (sales_channel IN ('office','phone','online','field','partner'))`);
    await q.query(`CREATE INDEX ix_subscriber_representative ON subscriber (representative_id) WHERE representative_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_subscriber_sales_agent ON subscriber (sales_agent_id, connected_on) WHERE sales_agent_id IS NOT NULL`);

    // An answer counts for the subscriber's representative when it was given, whoever writes it
    // (the desk, the API, an import): filled from the subscriber unless the writer names one.
    await q.query(`ALTER TABLE survey_answer
                     ADD COLUMN representative_id uuid REFERENCES app_user(id),
                     ADD COLUMN request_id uuid REFERENCES disconnect_request(id)`);
    await q.query(`CREATE INDEX ix_survey_representative ON survey_answer (representative_id, answered_on) WHERE representative_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION survey_answer_representative() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.representative_id IS NULL THEN
          SELECT representative_id INTO NEW.representative_id FROM subscriber WHERE id = NEW.subscriber_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_survey_answer_representative BEFORE INSERT ON survey_answer
                     FOR EACH ROW EXECUTE FUNCTION survey_answer_representative()`);

    // Statements count claims (SLA breaches) and postponements (call-backs) by time.
    await q.query(`CREATE INDEX ix_request_event_action_at ON request_event (action, at)`);

    await q.query(`
      CREATE TABLE bonus_scheme (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        version integer NOT NULL,
        target_save_rate numeric(5,4) NOT NULL CHECK (target_save_rate BETWEEN 0 AND 1),
        per_point_above numeric(12,2) NOT NULL CHECK (per_point_above >= 0),
        saved_revenue_share numeric(5,4) NOT NULL CHECK (saved_revenue_share BETWEEN 0 AND 1),
        cap_share numeric(5,4) NOT NULL DEFAULT 0.15 CHECK (cap_share BETWEEN 0 AND 1),
        plan_exceeded_cut numeric(5,4) NOT NULL CHECK (plan_exceeded_cut BETWEEN 0 AND 1),
        deferred_share numeric(5,4) NOT NULL CHECK (deferred_share BETWEEN 0 AND 1),
        sales_bonus_6m numeric(12,2) NOT NULL CHECK (sales_bonus_6m >= 0),
        sales_bonus_12m numeric(12,2) NOT NULL CHECK (sales_bonus_12m >= 0),
        note text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_bonus_scheme_month_version UNIQUE (month, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS bonus_scheme`);
    await q.query(`DROP INDEX IF EXISTS ix_request_event_action_at`);
    await q.query(`DROP TRIGGER IF EXISTS tr_survey_answer_representative ON survey_answer`);
    await q.query(`DROP FUNCTION IF EXISTS survey_answer_representative()`);
    await q.query(`ALTER TABLE survey_answer DROP COLUMN IF EXISTS request_id, DROP COLUMN IF EXISTS representative_id`);
    await q.query(`ALTER TABLE subscriber DROP COLUMN IF EXISTS sales_channel, DROP COLUMN IF EXISTS sales_agent_id, DROP COLUMN IF EXISTS representative_id`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS team, DROP COLUMN IF EXISTS monthly_salary`);
    await q.query(`DELETE FROM app_user WHERE role = 'sales_agent'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('operator','manager','executive','admin'))`);
  }
}
