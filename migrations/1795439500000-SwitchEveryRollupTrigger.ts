import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_TRIGGERS_OF_CHURN_FACTS, setRollupTriggersSql, statementTriggers, TriggerDef } from './rollup-triggers';

/**
 * set_report_rollup_triggers(enabled) removes and installs every trigger that keeps a report roll-up, so that a
 * bulk load can switch them all off, load, rebuild_report_rollups() and switch them on again. It knew the triggers
 * of base_flow, revenue_flow and save_flow (on subscriber, subscription, disconnect_request), churn_fact's and
 * leaver_flow's (AddLeaverFlow), but not those of answer_flow on survey_answer (AddAnswerFlow) and of mrr_flow on
 * revenue_flow (AddMrrFlow). A load with the switch off still paid them on every statement (and mrr_flow's fired on
 * the rebuild of revenue_flow itself). It is redefined here with all twenty-one; down() gives back the fifteen.
 */
const BEFORE: TriggerDef[] = [...ROLLUP_TRIGGERS_OF_CHURN_FACTS, ...statementTriggers('churn_fact', 'keep_leavers', 'rollup_leavers')];

/** answer_flow's (AddAnswerFlow) and mrr_flow's (AddMrrFlow). */
const LATER: TriggerDef[] = [...statementTriggers('survey_answer', 'rollup_survey_answer'), ...statementTriggers('revenue_flow', 'rollup_revenue_flow')];

export class SwitchEveryRollupTrigger1795439500000 implements MigrationInterface {
  name = 'SwitchEveryRollupTrigger1795439500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(setRollupTriggersSql([...BEFORE, ...LATER]));
    // The definitions are the ones AddAnswerFlow and AddMrrFlow created: installing them again changes nothing.
    await q.query(`SELECT set_report_rollup_triggers(true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setRollupTriggersSql(BEFORE));
    // The later triggers are left installed, as their own migrations had them (their down() removes them).
    for (const [table, name, definition] of LATER) {
      await q.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      await q.query(`CREATE TRIGGER ${name} ${definition}`);
    }
  }
}
