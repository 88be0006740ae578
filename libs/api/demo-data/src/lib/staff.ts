import type { PoolClient } from 'pg';
import { Rng, streamSeed } from './prng';

/**
 * The retention team of the fictional operator: a dozen operators who took two years of disconnect
 * requests, plus the demo sign-in 'operator' when it exists. They cannot sign in (their password
 * hash matches no password); they exist so that the desk, the leaderboard and the reports have
 * people behind the figures.
 */

export interface Operator {
  id: string;
  username: string;
  displayName: string;
  /** Share of the requests they handle that they save (about 0.15 to 0.45). */
  skill: number;
  /** Relative workload (part-timers take fewer requests). */
  weight: number;
  /** A generated operator (false for the demo sign-in). */
  generated: boolean;
}

/** Fixed names, so that screenshots and documentation can name them; skills and workloads come from the seed. */
export const DEMO_OPERATOR_NAMES: readonly (readonly [string, string])[] = [
  ['d.kovalenko', 'Dmytro Kovalenko'],
  ['k.melnyk', 'Kateryna Melnyk'],
  ['o.lysenko', 'Oksana Lysenko'],
  ['a.bondar', 'Andriy Bondar'],
  ['t.hrytsenko', 'Tetiana Hrytsenko'],
  ['s.tkachenko', 'Serhiy Tkachenko'],
  ['n.savchenko', 'Natalia Savchenko'],
  ['i.polishchuk', 'Ihor Polishchuk'],
  ['y.moroz', 'Yulia Moroz'],
  ['m.rudenko', 'Maksym Rudenko'],
  ['s.orlova', 'Svetlana Orlova'],
  ['v.kuznetsov', 'Viktor Kuznetsov'],
];

/** Matches no scrypt hash: verifyPassword refuses it, so nobody signs in as a generated operator. */
export const DISABLED_PASSWORD_HASH = 'disabled';
/** The demo sign-in that also takes requests (seeded by seedDemoUsers, absent on a bare database). */
export const DEMO_OPERATOR_USERNAME = 'operator';
const DEMO_OPERATOR_SKILL = 0.32;

const STREAM_STAFF = 10;
const SKILL_MIN = 0.15;
const SKILL_MAX = 0.45;

/**
 * Inserts the generated operators (a user name already taken gets a number appended) and returns
 * them, the demo 'operator' first when it exists.
 */
export async function insertStaff(client: PoolClient, seed: number, hiredAt: string): Promise<Operator[]> {
  const rng = new Rng(streamSeed(seed, STREAM_STAFF, 0));
  const n = DEMO_OPERATOR_NAMES.length;
  // Skills spread evenly over the range, handed out in a seeded order.
  const skills = Array.from({ length: n }, (_, i) => SKILL_MIN + ((SKILL_MAX - SKILL_MIN) * i) / (n - 1));
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [skills[i], skills[j]] = [skills[j], skills[i]];
  }
  const { rows: taken } = await client.query<{ name: string }>(`SELECT lower(username) AS name FROM app_user`);
  const used = new Set(taken.map((r) => r.name));
  const generated: Operator[] = DEMO_OPERATOR_NAMES.map(([username, displayName], i) => {
    let name = username;
    for (let k = 2; used.has(name); k++) name = `${username}${k}`;
    used.add(name);
    return {
      id: rng.uuid(),
      username: name,
      displayName,
      skill: Math.round(skills[i] * 1000) / 1000,
      weight: 0.7 + 0.6 * rng.next(),
      generated: true,
    };
  });
  const values = generated
    .map((_, r) => `($${r * 4 + 1}, $${r * 4 + 2}, $${r * 4 + 3}, $${r * 4 + 4}, 'operator', $${n * 4 + 1}::timestamptz, $${n * 4 + 1}::timestamptz)`)
    .join(', ');
  await client.query(
    `INSERT INTO app_user (id, username, password_hash, display_name, role, created_at, updated_at) VALUES ${values}`,
    [...generated.flatMap((o) => [o.id, o.username, DISABLED_PASSWORD_HASH, o.displayName]), hiredAt],
  );

  const { rows: demo } = await client.query<{ id: string; username: string; display_name: string }>(
    `SELECT id, username, display_name FROM app_user
      WHERE lower(username) = $1 AND role = 'operator' AND active ORDER BY id LIMIT 1`,
    [DEMO_OPERATOR_USERNAME],
  );
  const team = demo.map(
    (d): Operator => ({ id: d.id, username: d.username, displayName: d.display_name, skill: DEMO_OPERATOR_SKILL, weight: 1, generated: false }),
  );
  return [...team, ...generated];
}
