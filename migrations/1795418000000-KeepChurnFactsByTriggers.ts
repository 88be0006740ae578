import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * churn_fact is kept the way the report roll-ups are: by statement-level triggers on disconnect_request,
 * inside every writing transaction, whoever writes (the desk's resolution, billing's disconnections, an
 * import, a correction straight in the table), instead of by the application after each write. Its one
 * definition is `churn_fact_rows`: each service a resolved request with a churn outcome (disconnected,
 * partially retained) let go, that is, not kept; dated by the resolution; with the fee of the service
 * when the request was made, the region of the request, the reason's meaning in the classifier version
 * it was classified with, the kind of ending (the domain's churnKind: a technical-closure reason makes
 * it technical, else the request's kind) and where the subscriber went (docs/methodology.md).
 *
 * Two rules are how churn is counted, not settings of a classifier version, as the migrations that
 * brought them in recounted the facts of older versions: "reason not found" (other_unknown) is managed
 * (CountReasonNotFoundAsManaged) and a duplicate account is a technical closure (AddTechnicalClosures).
 *
 * rebuild_report_rollups() recomputes churn_fact with the roll-ups (a repair, and the check of
 * `cli rollups`), and set_report_rollup_triggers() installs and removes these triggers with theirs
 * (the demo generator's bulk load).
 */
const FACT_COLUMNS = `request_id, service, subscriber_id, resolved_at, month, region, fee, outcome, reason_code, reason_group,
                      managed, implies_competitor, competitor_id, is_new_subscriber, resolved_by, kind, destination`;

/** The request columns a churn fact reads. */
const REQUEST_COLUMNS = ['subscriber_id', 'status', 'outcome', 'services', 'kept_services', 'resolved_at', 'reason_version_id', 'reason_code',
  'region_id', 'service_fees', 'competitor_id', 'is_new_subscriber', 'resolved_by', 'kind', 'destination'];

/** Rows of an UPDATE's transition table `side` whose fact columns changed. */
const changed = (side: 'n' | 'o') => `
  (SELECT ${side}.* FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (${REQUEST_COLUMNS.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${REQUEST_COLUMNS.map((c) => `n.${c}`).join(', ')}))`;

/** Inserts the churn facts of the requests `src` (a table or subquery of disconnect_request rows). */
const insertFacts = (src: string) => `
  INSERT INTO churn_fact (${FACT_COLUMNS})
  SELECT d.id, svc.service, d.subscriber_id, d.resolved_at, to_char(d.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM'),
         rg.code, COALESCE((d.service_fees ->> svc.service)::numeric, 0), d.outcome, d.reason_code, g.reason_group,
         cr.managed OR d.reason_code = 'other_unknown', cr.implies_competitor, d.competitor_id, d.is_new_subscriber, d.resolved_by,
         CASE WHEN g.reason_group = 'closure' THEN 'technical' ELSE d.kind END, d.destination
    FROM ${src} d
    JOIN churn_reason cr ON cr.version_id = d.reason_version_id AND cr.code = d.reason_code
    CROSS JOIN LATERAL (SELECT CASE WHEN d.reason_code = 'duplicate_account' THEN 'closure' ELSE cr.reason_group END AS reason_group) g
    JOIN region rg ON rg.id = d.region_id
    CROSS JOIN LATERAL unnest(d.services) AS svc(service)
   WHERE d.status = 'resolved' AND d.outcome IN ('disconnected', 'partially_retained')
     AND NOT (svc.service = ANY (COALESCE(d.kept_services, '{}')))`;

/** The roll-up triggers of AddReportRollups, [table, trigger, definition with %s for the table]. */
const ROLLUP_TRIGGERS: [string, string, string][] = [
  ...(['subscriber', 'subscription', 'disconnect_request'] as const).flatMap((table): [string, string, string][] => {
    const fn = { subscriber: 'rollup_subscriber', subscription: 'rollup_subscription', disconnect_request: 'rollup_request' }[table];
    return [
      [table, `${fn}_insert`, `AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
      [table, `${fn}_update`, `AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
      [table, `${fn}_delete`, `AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
    ];
  }),
  ['subscriber', 'rollup_subscriber_deleting', 'BEFORE DELETE ON %s FOR EACH ROW EXECUTE FUNCTION rollup_subscriber_deleting()'],
];

/** The churn_fact triggers (a deleted request's facts go with it: ON DELETE CASCADE). */
const FACT_TRIGGERS: [string, string, string][] = [
  ['disconnect_request', 'churn_fact_insert', 'AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_churn_facts()'],
  ['disconnect_request', 'churn_fact_update', 'AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_churn_facts()'],
];

const setTriggers = (triggers: [string, string, string][]) => `
  CREATE OR REPLACE FUNCTION set_report_rollup_triggers(enabled boolean) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    ${[...ROLLUP_TRIGGERS, ...FACT_TRIGGERS].map(([table, name]) => `DROP TRIGGER IF EXISTS ${name} ON ${table};`).join('\n    ')}
    IF enabled THEN
      ${triggers.map(([table, name, definition]) => `CREATE TRIGGER ${name} ${definition.replace('%s', table)};`).join('\n      ')}
    END IF;
  END $fn$`;

export class KeepChurnFactsByTriggers1795418000000 implements MigrationInterface {
  name = 'KeepChurnFactsByTriggers1795418000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION keep_churn_facts() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${insertFacts('new_rows')};
        ELSE
          DELETE FROM churn_fact f WHERE f.request_id IN (SELECT c.id FROM ${changed('o')} c);
          ${insertFacts(changed('n'))};
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION rebuild_churn_facts() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE disconnect_request IN SHARE MODE;
        DELETE FROM churn_fact;
        ${insertFacts('disconnect_request')};
      END $fn$`);
    // The roll-ups' rebuild keeps its body under another name; rebuild_report_rollups() rebuilds all.
    await q.query(`ALTER FUNCTION rebuild_report_rollups() RENAME TO rebuild_report_flows`);
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_flows();
        PERFORM rebuild_churn_facts();
      END $fn$`);
    await q.query(setTriggers([...ROLLUP_TRIGGERS, ...FACT_TRIGGERS]));
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(`SELECT rebuild_churn_facts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setTriggers(ROLLUP_TRIGGERS));
    await q.query(`SELECT set_report_rollup_triggers(true)`);
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(`ALTER FUNCTION rebuild_report_flows() RENAME TO rebuild_report_rollups`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_churn_facts(), keep_churn_facts()`);
  }
}
