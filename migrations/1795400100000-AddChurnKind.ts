import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kind of each churned service (docs/methodology.md, "Three kinds of ending"): a disconnection
 * asked for by the subscriber is voluntary, one made for debt is non-payment, and the two are kept
 * apart in plans and reports. Until now a request made for non-payment wrote its subscriber and
 * subscriptions as a voluntary disconnection: those are repaired here (the roll-up triggers follow).
 */
export class AddChurnKind1795400100000 implements MigrationInterface {
  name = 'AddChurnKind1795400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE churn_fact ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'voluntary'
        CONSTRAINT ck_churn_fact_kind CHECK (kind IN ('voluntary', 'non_payment'))`);
    await q.query(`
      UPDATE churn_fact f SET kind = d.kind
        FROM disconnect_request d
       WHERE d.id = f.request_id AND d.kind <> 'voluntary'`);
    // The day a resolved request ended its services: its effective date, else the day it was resolved.
    const endedOn = `COALESCE(d.effective_date, (d.resolved_at AT TIME ZONE 'UTC')::date)`;
    const lost = `d.kind = 'non_payment' AND d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained')`;
    await q.query(`
      UPDATE subscription x SET end_reason = 'non_payment'
        FROM disconnect_request d, service v
       WHERE ${lost} AND x.subscriber_id = d.subscriber_id AND v.id = x.service_id
         AND v.code = ANY (d.services) AND NOT (v.code = ANY (COALESCE(d.kept_services, '{}')))
         AND x.end_reason = 'disconnected' AND x.ended_on = ${endedOn}`);
    await q.query(`
      UPDATE subscriber s SET disconnect_kind = 'non_payment'
        FROM disconnect_request d
       WHERE ${lost} AND d.subscriber_id = s.id AND s.disconnect_kind = 'voluntary' AND s.disconnected_on = ${endedOn}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE churn_fact DROP COLUMN IF EXISTS kind`);
  }
}
