import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One narrow row per service a resolved request disconnected, written when the request is
 * resolved (and by the demo generator): plans and reports aggregate these instead of unnesting
 * wide request rows. It keeps what the request meant then: the fee, the region, the reason's
 * group and managed flag in the classifier version it was classified with.
 */
export class AddChurnFacts1795396000000 implements MigrationInterface {
  name = 'AddChurnFacts1795396000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE churn_fact (
        request_id uuid NOT NULL REFERENCES disconnect_request(id) ON DELETE CASCADE,
        service varchar(32) NOT NULL,
        subscriber_id uuid NOT NULL,
        resolved_at timestamptz NOT NULL,
        month char(7) NOT NULL,
        region varchar(32) NOT NULL,
        fee numeric(12,2) NOT NULL,
        outcome varchar(24) NOT NULL,
        reason_code varchar(48) NOT NULL,
        reason_group varchar(24) NOT NULL,
        managed boolean NOT NULL,
        implies_competitor boolean NOT NULL,
        competitor_id uuid,
        is_new_subscriber boolean NOT NULL,
        resolved_by uuid,
        PRIMARY KEY (request_id, service)
      )`);
    await q.query(`CREATE INDEX ix_churn_fact_resolved ON churn_fact (resolved_at)`);
    // Backfill from the requests resolved so far (the same definition the API writes with).
    await q.query(`
      INSERT INTO churn_fact
      SELECT d.id, svc.service, d.subscriber_id, d.resolved_at, to_char(d.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM'),
             rg.code, COALESCE((d.service_fees ->> svc.service)::numeric, 0), d.outcome, d.reason_code, cr.reason_group,
             cr.managed, cr.implies_competitor, d.competitor_id, d.is_new_subscriber, d.resolved_by
        FROM disconnect_request d
        JOIN churn_reason cr ON cr.version_id = d.reason_version_id AND cr.code = d.reason_code
        JOIN region rg ON rg.id = COALESCE(d.region_id, (SELECT region_id FROM subscriber WHERE id = d.subscriber_id))
        CROSS JOIN LATERAL unnest(d.services) AS svc(service)
       WHERE d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained')
         AND NOT (svc.service = ANY (COALESCE(d.kept_services, '{}')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS churn_fact`);
  }
}
