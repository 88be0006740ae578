import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Technical closures (a duplicate, merged or test account) are not churn (docs/methodology.md): a
 * third kind of ending beside voluntary and non-payment, on the subscriber, the subscription and the
 * churn facts, kept out of churn and shown apart. The classifier's duplicate_account reason moves to
 * the new group 'closure' that marks them, in a new classifier version (versions are never
 * rewritten; a database without a classifier gets the shipped default, which has it so, at its
 * first start). What earlier closures wrote as churn is recounted as technical.
 */
const TITLE = {
  en: 'Technical closure: duplicate, merged or test account',
  ru: 'Техническое закрытие: дубль, объединение или тестовый счёт',
  uk: 'Технічне закриття: дубль, об’єднання або тестовий рахунок',
};
const DESCRIPTION = {
  en: 'A technical closure: two contracts at the same address, services merged onto one account, re-registration to a family member, an account opened by mistake or for testing. Not churn: it is kept out of the churn figures and the plan, and shown apart.',
  ru: 'Техническое закрытие: два договора по одному адресу, услуги объединяют на одном лицевом счёте, договор переоформляют на члена семьи, счёт открыли по ошибке или для проверки. Это не отток: в цифры оттока и план не входит, показывается отдельно.',
  uk: 'Технічне закриття: два договори за однією адресою, послуги об’єднують на одному особовому рахунку, договір переоформлюють на члена сім’ї, рахунок відкрили помилково або для перевірки. Це не відтік: до показників відтоку та плану не входить, показується окремо.',
};

export class AddTechnicalClosures1795400300000 implements MigrationInterface {
  name = 'AddTechnicalClosures1795400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriber DROP CONSTRAINT subscriber_disconnect_kind_check`);
    await q.query(`ALTER TABLE subscriber ADD CONSTRAINT subscriber_disconnect_kind_check CHECK (disconnect_kind IN ('voluntary', 'non_payment', 'technical'))`);
    await q.query(`ALTER TABLE subscription DROP CONSTRAINT subscription_end_reason_check`);
    await q.query(`
      ALTER TABLE subscription ADD CONSTRAINT subscription_end_reason_check
        CHECK (end_reason IN ('disconnected', 'non_payment', 'technical', 'downgrade', 'upgrade', 'dropped'))`);
    await q.query(`ALTER TABLE churn_fact DROP CONSTRAINT ck_churn_fact_kind`);
    await q.query(`ALTER TABLE churn_fact ADD CONSTRAINT ck_churn_fact_kind CHECK (kind IN ('voluntary', 'non_payment', 'technical'))`);

    await q.query(
      `WITH latest AS (SELECT max(id) AS id FROM classifier_version),
       added AS (
         INSERT INTO classifier_version (version, note)
         SELECT (SELECT max(version) + 1 FROM classifier_version), 'Duplicate, merged and test accounts are technical closures, not churn'
          WHERE EXISTS (SELECT 1 FROM churn_reason r, latest WHERE r.version_id = latest.id AND r.code = 'duplicate_account' AND r.reason_group <> 'closure')
         RETURNING id)
       INSERT INTO churn_reason (version_id, code, sort_order, reason_group, managed, implies_competitor, threshold, content)
       SELECT added.id, r.code, r.sort_order,
              CASE WHEN r.code = 'duplicate_account' THEN 'closure' ELSE r.reason_group END, r.managed, r.implies_competitor, r.threshold,
              CASE WHEN r.code = 'duplicate_account' THEN jsonb_set(jsonb_set(r.content, '{title}', $1::jsonb), '{description}', $2::jsonb) ELSE r.content END
         FROM added, latest, churn_reason r
        WHERE r.version_id = latest.id`,
      [JSON.stringify(TITLE), JSON.stringify(DESCRIPTION)],
    );

    const closed = `d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained') AND d.reason_code = 'duplicate_account'`;
    const endedOn = `COALESCE(d.effective_date, (d.resolved_at AT TIME ZONE 'UTC')::date)`;
    await q.query(`UPDATE churn_fact SET kind = 'technical', reason_group = 'closure' WHERE reason_code = 'duplicate_account'`);
    await q.query(`
      UPDATE subscription x SET end_reason = 'technical'
        FROM disconnect_request d, service v
       WHERE ${closed} AND x.subscriber_id = d.subscriber_id AND v.id = x.service_id
         AND v.code = ANY (d.services) AND NOT (v.code = ANY (COALESCE(d.kept_services, '{}')))
         AND x.end_reason IN ('disconnected', 'non_payment') AND x.ended_on = ${endedOn}`);
    await q.query(`
      UPDATE subscriber s SET disconnect_kind = 'technical'
        FROM disconnect_request d
       WHERE ${closed} AND d.subscriber_id = s.id AND s.disconnected_on = ${endedOn}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE churn_fact SET kind = 'voluntary' WHERE kind = 'technical'`);
    await q.query(`UPDATE subscription SET end_reason = 'disconnected' WHERE end_reason = 'technical'`);
    await q.query(`UPDATE subscriber SET disconnect_kind = 'voluntary' WHERE disconnect_kind = 'technical'`);
    await q.query(`ALTER TABLE churn_fact DROP CONSTRAINT ck_churn_fact_kind`);
    await q.query(`ALTER TABLE churn_fact ADD CONSTRAINT ck_churn_fact_kind CHECK (kind IN ('voluntary', 'non_payment'))`);
    await q.query(`ALTER TABLE subscription DROP CONSTRAINT subscription_end_reason_check`);
    await q.query(`ALTER TABLE subscription ADD CONSTRAINT subscription_end_reason_check CHECK (end_reason IN ('disconnected','non_payment','downgrade','upgrade','dropped'))`);
    await q.query(`ALTER TABLE subscriber DROP CONSTRAINT subscriber_disconnect_kind_check`);
    await q.query(`ALTER TABLE subscriber ADD CONSTRAINT subscriber_disconnect_kind_check CHECK (disconnect_kind IN ('voluntary','non_payment'))`);
  }
}
