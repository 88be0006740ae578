import { Role } from '@retention/contracts';
import type { Pool } from 'pg';
import { hashPassword } from './password';

/** The demo sign-ins (password = user name). Only ever created in the demo database. */
export const DEMO_USERS: { username: string; role: Role; displayName: string }[] = [
  { username: 'operator', role: Role.Operator, displayName: 'Olena Kovalenko' },
  { username: 'manager', role: Role.Manager, displayName: 'Mykola Shevchuk' },
  { username: 'executive', role: Role.Executive, displayName: 'Iryna Bondarenko' },
  { username: 'admin', role: Role.Admin, displayName: 'Andriy Melnyk' },
  { username: 'sales_agent', role: Role.SalesAgent, displayName: 'Roman Hnatiuk' },
];

export async function seedDemoUsers(pool: Pool): Promise<void> {
  for (const u of DEMO_USERS) {
    await pool.query(
      `INSERT INTO app_user (username, password_hash, role, display_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(username))) DO NOTHING`,
      [u.username, await hashPassword(u.username), u.role, u.displayName],
    );
  }
}

/** The first administrator of a real database (the create-admin command). */
export async function createAdmin(pool: Pool, username: string, password: string, displayName: string): Promise<boolean> {
  const r = await pool.query(
    `INSERT INTO app_user (username, password_hash, role, display_name) VALUES ($1, $2, 'admin', $3)
     ON CONFLICT ((lower(username))) DO NOTHING`,
    [username, await hashPassword(password), displayName],
  );
  return r.rowCount === 1;
}
