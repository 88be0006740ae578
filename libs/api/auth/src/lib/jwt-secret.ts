import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The token-signing secret: JWT_SECRET when set; otherwise one generated on first start and
 * kept in app_setting, so sessions survive restarts and no secret lives in the repository.
 */
export async function resolveJwtSecret(configured: string | undefined, db: DataSource): Promise<string> {
  if (configured) return configured;
  const candidate = randomBytes(48).toString('base64url');
  await db.query(
    `INSERT INTO app_setting (key, value) VALUES ('jwt_secret', to_jsonb($1::text)) ON CONFLICT (key) DO NOTHING`,
    [candidate],
  );
  const rows: { value: string }[] = await db.query(`SELECT value #>> '{}' AS value FROM app_setting WHERE key = 'jwt_secret'`);
  return rows[0].value;
}
