/**
 * Shared by the migrations that keep a roll-up by statement-level triggers: the three triggers of one table
 * (insert, update, delete, each with the transition tables its statement has, `new_rows` and `old_rows`), and
 * set_report_rollup_triggers(enabled), which installs or removes the triggers it is given (a bulk load into
 * empty tables removes them, loads, installs them again and rebuilds). Not a migration itself.
 */
export type TriggerDef = [table: string, name: string, definition: string];

/** The insert, update and delete triggers `<name>_insert|_update|_delete` on `table` that run `fn()` once per statement. */
export function statementTriggers(table: string, fn: string, name = fn): TriggerDef[] {
  return [
    [table, `${name}_insert`, `AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
    [table, `${name}_update`, `AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
    [table, `${name}_delete`, `AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`],
  ];
}

/**
 * The triggers set_report_rollup_triggers() managed as of KeepChurnFactsByTriggers (AddReportRollups' roll-ups on
 * subscriber, subscription and disconnect_request, and churn_fact's on disconnect_request), written out again
 * here so that later migrations can redefine the function with theirs added.
 */
export const ROLLUP_TRIGGERS_OF_CHURN_FACTS: TriggerDef[] = [
  ...statementTriggers('subscriber', 'rollup_subscriber'),
  ...statementTriggers('subscription', 'rollup_subscription'),
  ...statementTriggers('disconnect_request', 'rollup_request'),
  ['subscriber', 'rollup_subscriber_deleting', 'BEFORE DELETE ON subscriber FOR EACH ROW EXECUTE FUNCTION rollup_subscriber_deleting()'],
  ['disconnect_request', 'churn_fact_insert', 'AFTER INSERT ON disconnect_request REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_churn_facts()'],
  ['disconnect_request', 'churn_fact_update', 'AFTER UPDATE ON disconnect_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_churn_facts()'],
];

/**
 * The triggers set_report_rollup_triggers() managed as of SwitchEveryRollupTrigger: the above, leaver_flow's on
 * churn_fact (AddLeaverFlow), answer_flow's on survey_answer (AddAnswerFlow) and mrr_flow's on revenue_flow (AddMrrFlow).
 */
export const ROLLUP_TRIGGERS_OF_EVERY_FLOW: TriggerDef[] = [
  ...ROLLUP_TRIGGERS_OF_CHURN_FACTS,
  ...statementTriggers('churn_fact', 'keep_leavers', 'rollup_leavers'),
  ...statementTriggers('survey_answer', 'rollup_survey_answer'),
  ...statementTriggers('revenue_flow', 'rollup_revenue_flow'),
];

/**
 * The trigger function `fn()` of a roll-up kept from a table by its statement triggers: `upsert` of what the statement's
 * new rows add (`changes` of `new_rows`, times 1) and its old rows take off (of `old_rows`, times -1). An
 * INSERT ... ON CONFLICT DO UPDATE of the table hands its inserted rows to the INSERT trigger, its updated ones to the
 * UPDATE trigger. `guard` (PL/pgSQL statements) runs first and may return.
 */
export function rollupFunctionSql(fn: string, upsert: (rows: string) => string, changes: (src: string, k: 1 | -1) => string, guard = ''): string {
  return `
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN${guard}
        IF TG_OP = 'INSERT' THEN
          ${upsert(changes('new_rows', 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${upsert(changes('old_rows', -1))};
        ELSE
          ${upsert(`${changes('new_rows', 1)} UNION ALL ${changes('old_rows', -1)}`)};
        END IF;
        RETURN NULL;
      END $fn$`;
}

/** set_report_rollup_triggers(enabled) over `triggers`: drops each (when there), and creates them all when enabled. */
export function setRollupTriggersSql(triggers: readonly TriggerDef[]): string {
  return `
  CREATE OR REPLACE FUNCTION set_report_rollup_triggers(enabled boolean) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    ${triggers.map(([table, name]) => `DROP TRIGGER IF EXISTS ${name} ON ${table};`).join('\n    ')}
    IF enabled THEN
      ${triggers.map(([, name, definition]) => `CREATE TRIGGER ${name} ${definition};`).join('\n      ')}
    END IF;
  END $fn$`;
}
