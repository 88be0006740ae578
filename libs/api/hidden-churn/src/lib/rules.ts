import { DEFAULT_HIDDEN_CHURN_RULES, HiddenChurnRules } from '@retention/domain';
import { rowsOf, SqlRunner } from './scan.sql';

/**
 * Makes sure a rules version exists (the domain's defaults as version 1) and returns the one in force, the newest.
 * Used by the API and by the demo generator's first scan.
 */
export async function activeHiddenChurnRules(db: SqlRunner): Promise<{ version: number; rules: HiddenChurnRules }> {
  await db.query(
    `INSERT INTO hidden_churn_rules_version (rules, note)
     SELECT $1::jsonb, 'Shipped defaults' WHERE NOT EXISTS (SELECT 1 FROM hidden_churn_rules_version)`,
    [JSON.stringify(DEFAULT_HIDDEN_CHURN_RULES)],
  );
  const [row] = rowsOf<{ id: number; rules: HiddenChurnRules }>(await db.query('SELECT id, rules FROM hidden_churn_rules_version ORDER BY id DESC LIMIT 1'));
  return { version: row.id, rules: row.rules };
}
