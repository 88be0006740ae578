import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Salary history: each salary holds from a month until a later one, and a statement reads the salary
 * of its own month (the bonus cap is a share of it). Whoever writes app_user.monthly_salary, the
 * history follows: the first salary recorded for a person holds for every earlier month too (it is
 * what they were hired on), a change holds from the month it is made. A row with no salary means none
 * is recorded from that month.
 */
export class AddSalaryHistory1795410200000 implements MigrationInterface {
  name = 'AddSalaryHistory1795410200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE salary_history (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        monthly_salary numeric(12,2) CHECK (monthly_salary >= 0),
        PRIMARY KEY (user_id, month)
      )`);
    await q.query(`INSERT INTO salary_history (user_id, month, monthly_salary)
                   SELECT id, DATE '1900-01-01', monthly_salary FROM app_user WHERE monthly_salary IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION salary_of_month(p_user uuid, p_month date) RETURNS numeric LANGUAGE sql STABLE AS $$
        SELECT h.monthly_salary FROM salary_history h WHERE h.user_id = p_user AND h.month <= p_month ORDER BY h.month DESC LIMIT 1
      $$`);
    await q.query(`
      CREATE FUNCTION app_user_salary_history() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        this_month date := date_trunc('month', app_today())::date;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM salary_history WHERE user_id = NEW.id) THEN
          IF NEW.monthly_salary IS NOT NULL THEN
            INSERT INTO salary_history (user_id, month, monthly_salary) VALUES (NEW.id, DATE '1900-01-01', NEW.monthly_salary);
          END IF;
        ELSIF salary_of_month(NEW.id, this_month) IS DISTINCT FROM NEW.monthly_salary THEN
          INSERT INTO salary_history (user_id, month, monthly_salary) VALUES (NEW.id, this_month, NEW.monthly_salary)
          ON CONFLICT (user_id, month) DO UPDATE SET monthly_salary = EXCLUDED.monthly_salary;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_app_user_salary_history AFTER INSERT OR UPDATE OF monthly_salary ON app_user
                     FOR EACH ROW EXECUTE FUNCTION app_user_salary_history()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS tr_app_user_salary_history ON app_user`);
    await q.query(`DROP FUNCTION IF EXISTS app_user_salary_history()`);
    await q.query(`DROP FUNCTION IF EXISTS salary_of_month(uuid, date)`);
    await q.query(`DROP TABLE IF EXISTS salary_history`);
  }
}
