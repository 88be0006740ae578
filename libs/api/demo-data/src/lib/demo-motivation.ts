import type { PoolClient } from 'pg';
import { DISABLED_PASSWORD_HASH } from './staff';

/** Generated sales agents (they cannot sign in, like the generated operators). */
export const DEMO_SALES_AGENT_NAMES: readonly (readonly [string, string])[] = [
  ['r.savchuk', 'Roksolana Savchuk'],
  ['b.levchenko', 'Bohdan Levchenko'],
];

/** Of the subscribers who joined in the last two years, this share (in tenths) were signed up by a sales agent. */
const SIGNED_BY_AGENT_TENTHS = 6;

/**
 * The people side of the demo operator, set-based after the history is loaded (before the roll-up
 * triggers are back, so the subscriber updates cost no roll-up work): salaries and two teams for the
 * operators, sales agents (generated ones and the demo sign-in) with the subscribers they signed up
 * in the last two years and a channel each, every subscriber's representative (who resolved their
 * latest request), each survey answer tied to the representative when it was given, and a bonus
 * scheme in effect from twelve months back, so that statements for the past year have deferred parts
 * paid and clawed back. Salaries, teams and assignments follow from hashes of names and ids: the same
 * seed gives the same data.
 */
export async function generateDemoMotivation(client: PoolClient, asOf: string, hiredAt: string): Promise<{ salesAgents: number }> {
  const hash = (expr: string) => `abs(hashtext(${expr}))`;
  await client.query(
    `UPDATE app_user SET monthly_salary = 16000 + (${hash('username')} % 9) * 1000,
            team = CASE WHEN ${hash(`username || 'team'`)} % 2 = 0 THEN 'Kyiv desk' ELSE 'Lviv desk' END
      WHERE role = 'operator'`,
  );
  const { rows: taken } = await client.query<{ name: string }>(`SELECT lower(username) AS name FROM app_user`);
  const used = new Set(taken.map((r) => r.name));
  const agents = DEMO_SALES_AGENT_NAMES.filter(([u]) => !used.has(u));
  if (agents.length) {
    await client.query(
      `INSERT INTO app_user (id, username, password_hash, display_name, role, monthly_salary, team, created_at, updated_at)
       SELECT md5('sales agent ' || a.username)::uuid, a.username, $2, a.display_name, 'sales_agent', 14000, 'Sales', $3::timestamptz, $3::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS a(username text, display_name text)`,
      [JSON.stringify(agents.map(([username, display_name]) => ({ username, display_name }))), DISABLED_PASSWORD_HASH, hiredAt],
    );
  }
  await client.query(`UPDATE app_user SET monthly_salary = COALESCE(monthly_salary, 15000), team = COALESCE(team, 'Sales') WHERE role = 'sales_agent'`);
  const { rows: ids } = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'sales_agent' AND active ORDER BY username`);
  if (ids.length) {
    await client.query(
      `UPDATE subscriber s
          SET sales_agent_id = ($1::uuid[])[1 + ${hash('s.id::text')} % cardinality($1::uuid[])],
              sales_channel = (ARRAY['office', 'field', 'phone', 'partner'])[1 + ${hash(`s.id::text || 'channel'`)} % 4]
        WHERE s.connected_on >= $2::date - interval '24 months' AND ${hash(`s.id::text || 'agent'`)} % 10 < $3`,
      [ids.map((r) => r.id), asOf, SIGNED_BY_AGENT_TENTHS],
    );
  }
  await client.query(
    `UPDATE subscriber s SET representative_id = last.resolved_by
       FROM (SELECT DISTINCT ON (subscriber_id) subscriber_id, resolved_by FROM disconnect_request
              WHERE status = 'resolved' AND resolved_by IS NOT NULL ORDER BY subscriber_id, resolved_at DESC) last
      WHERE s.id = last.subscriber_id`,
  );
  await client.query(
    `UPDATE survey_answer a SET representative_id = x.rep
       FROM (SELECT a2.id,
                    (SELECT d.resolved_by FROM disconnect_request d
                      WHERE d.subscriber_id = a2.subscriber_id AND d.status = 'resolved' AND d.resolved_at < (a2.answered_on + 1)::timestamp AT TIME ZONE 'UTC'
                      ORDER BY d.resolved_at DESC LIMIT 1) AS rep
               FROM survey_answer a2
              WHERE EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = a2.subscriber_id)) x
      WHERE x.id = a.id AND x.rep IS NOT NULL`,
  );
  await client.query(
    `INSERT INTO bonus_scheme (month, version, target_save_rate, per_point_above, saved_revenue_share, cap_share, plan_exceeded_cut,
                               deferred_share, sales_bonus_6m, sales_bonus_12m, note, created_by, created_at)
     VALUES (date_trunc('month', $1::date - interval '12 months')::date, 1, 0.3, 150, 0.25, 0.15, 0.5, 0.4, 150, 300,
             'Demo scheme', (SELECT id FROM app_user WHERE username = 'manager'), $2::timestamptz)`,
    [asOf, hiredAt],
  );
  return { salesAgents: ids.length };
}
