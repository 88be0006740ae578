import type { PoolClient } from 'pg';
import { dayOf } from './calendar';
import { DISABLED_PASSWORD_HASH } from './staff';
import type { SubscriberPlan } from './subscriber-model';

/** Generated sales agents (they cannot sign in, like the generated operators). */
export const DEMO_SALES_AGENT_NAMES: readonly (readonly [string, string])[] = [
  ['r.savchuk', 'Roksolana Savchuk'],
  ['b.levchenko', 'Bohdan Levchenko'],
];

/** Of the subscribers who joined in the last two years, this share (in tenths) were signed up by a sales agent. */
const SIGNED_BY_AGENT_TENTHS = 6;
const SALES_CHANNELS = ['office', 'field', 'phone', 'partner'] as const;
const SECONDS_PER_DAY = 86_400;

/**
 * The team before the history is loaded: salaries and two teams for the operators, and the sales agents
 * (generated ones and the demo sign-in) with a salary. Written while app_user's trigger keeps
 * salary_history. Returns the active sales agents' ids by user name, whom the subscribers are assigned to
 * as their rows are written (DemoPeople). Salaries and teams follow from hashes of names: the same seed
 * gives the same data.
 */
export async function insertDemoTeam(client: PoolClient, hiredAt: string): Promise<string[]> {
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
  return ids.map((r) => r.id);
}

/** A resolved request of a subscriber: when (seconds since 1970) and by whom. */
export interface Resolution {
  at: number;
  by: string;
}

/**
 * The people a subscriber's rows name, decided as the rows are written (not updated afterwards): the sales
 * agent who signed them up and the channel (about 60 % of those who joined in the two years before asOf,
 * spread evenly over the agents and the four channels by hashes of the subscriber's id), their
 * representative (who resolved their latest request) and, for each survey answer, the representative when
 * it was given (who resolved their latest request resolved before the end of the answer's day; nobody
 * before a first request).
 */
export class DemoPeople {
  private readonly signedFrom: number;

  constructor(
    private readonly agents: readonly string[],
    asOf: number,
  ) {
    // asOf less 24 months, the day clamped to the month's last as PostgreSQL's date - interval does.
    const date = new Date(asOf * SECONDS_PER_DAY * 1000);
    const [year, month] = [date.getUTCFullYear() - 2, date.getUTCMonth() + 1];
    this.signedFrom = dayOf(year, month, Math.min(date.getUTCDate(), new Date(Date.UTC(year, month, 0)).getUTCDate()));
  }

  /** sales_agent_id, sales_channel and representative_id of a subscriber row, each behind a tab. */
  subscriberColumns(plan: SubscriberPlan, resolutions: readonly Resolution[]): string {
    let agent = '\\N';
    let channel = '\\N';
    if (this.agents.length > 0 && plan.connected >= this.signedFrom && fnv(`${plan.id}agent`) % 10 < SIGNED_BY_AGENT_TENTHS) {
      agent = this.agents[fnv(plan.id) % this.agents.length];
      channel = SALES_CHANNELS[fnv(`${plan.id}channel`) % SALES_CHANNELS.length];
    }
    return `\t${agent}\t${channel}\t${latestBefore(resolutions, Infinity) ?? '\\N'}`;
  }

  /** The representative on a day (a survey answer's), from the subscriber's resolutions. */
  representativeOn(resolutions: readonly Resolution[]): (day: number) => string | null {
    return (day) => latestBefore(resolutions, (day + 1) * SECONDS_PER_DAY);
  }
}

/** Who resolved the latest request resolved before `end` (seconds since 1970). */
function latestBefore(resolutions: readonly Resolution[], end: number): string | null {
  let best: Resolution | null = null;
  for (const r of resolutions) if (r.at < end && (best === null || r.at > best.at)) best = r;
  return best?.by ?? null;
}

/** FNV-1a, 32 bits, unsigned: a stable hash of a string. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A bonus scheme in effect from twelve months before asOf, so that statements for the past year have
 * deferred parts paid and clawed back. Its amounts give the demo year a spread: some operators below the
 * target, most of those above it paid 3-10 % of their salary, the cap reached in few months; a sales agent
 * earns about a tenth of the salary for the subscribers still there at 6 and 12 months.
 */
export async function insertDemoBonusScheme(client: PoolClient, asOf: string, hiredAt: string): Promise<void> {
  await client.query(
    `INSERT INTO bonus_scheme (month, version, target_save_rate, per_point_above, saved_revenue_share, cap_share, plan_exceeded_cut,
                               deferred_share, sales_bonus_6m, sales_bonus_12m, note, created_by, created_at)
     VALUES (date_trunc('month', $1::date - interval '12 months')::date, 1, 0.3, 50, 0.10, 0.15, 0.5, 0.4, 15, 30,
             'Demo scheme', (SELECT id FROM app_user WHERE username = 'manager'), $2::timestamptz)`,
    [asOf, hiredAt],
  );
}
