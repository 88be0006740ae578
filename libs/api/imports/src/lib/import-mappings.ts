import type { Pool } from 'pg';
import type { ImportMappingEntry, ImportMappingView } from '@retention/contracts';

/** What went wrong with one entry: its index and field, and the problem. */
export class MappingError extends Error {
  constructor(
    readonly index: number,
    readonly field: 'target' | 'create',
    problem: string,
  ) {
    super(problem);
  }
}

const TABLE: Record<string, string> = { region: 'region', service: 'service', tariff: 'tariff', competitor: 'competitor' };
const CODE = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Keeps billing's names as ours, for this and every later import (the API and the command share it): each
 * entry maps `source` to an existing code, or creates a region, service or competitor with the code
 * `target` named `source` (a tariff needs a service and a price: create it under Admin → Tariffs). A
 * stated reason maps to a reason code of the classifier's active version. All entries or none.
 */
export async function saveMappings(pool: Pool, entries: ImportMappingEntry[], userId: string | null): Promise<ImportMappingView[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const [i, e] of entries.entries()) {
      const source = e.source.trim().toLowerCase();
      if (e.entity === 'reason') {
        if (e.create) throw new MappingError(i, 'create', 'a churn reason is added in the classifier, not by an import');
        const { rowCount } = await client.query(
          `SELECT 1 FROM churn_reason WHERE version_id = (SELECT max(id) FROM classifier_version) AND code = $1`,
          [e.target],
        );
        if (!rowCount) throw new MappingError(i, 'target', `no reason ${e.target} in the active classifier version`);
      } else {
        const table = TABLE[e.entity];
        if (e.create) {
          if (e.entity === 'tariff') throw new MappingError(i, 'create', 'a tariff needs a service and a price: create it under Admin → Tariffs, then map to it');
          if (!CODE.test(e.target) || e.target.length > 32) throw new MappingError(i, 'target', 'a new code is lower-case letters, digits, dashes or underscores, up to 32');
          await client.query(`INSERT INTO ${table} (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [e.target, e.source.trim().slice(0, 120)]);
        } else {
          const { rowCount } = await client.query(`SELECT 1 FROM ${table} WHERE code = $1`, [e.target]);
          if (!rowCount) throw new MappingError(i, 'target', `no ${e.entity} with the code ${e.target}`);
        }
      }
      await client.query(
        `INSERT INTO import_mapping (entity, source, target, updated_by, updated_at) VALUES ($1, $2, $3, $4, app_now())
         ON CONFLICT (entity, source) DO UPDATE SET target = EXCLUDED.target, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
          WHERE import_mapping.target IS DISTINCT FROM EXCLUDED.target`,
        [e.entity, source, e.target, userId],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return listMappings(pool);
}

export async function listMappings(pool: Pool): Promise<ImportMappingView[]> {
  const { rows } = await pool.query(
    `SELECT entity, source, target, updated_at AS "updatedAt" FROM import_mapping ORDER BY entity, source`,
  );
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
}
