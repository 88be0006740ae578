import type { Pool } from 'pg';
import type { ImportKind } from '@retention/contracts';
import type { ImportOutcome } from './import-pipeline';

/** The history of imports (import_run), written the same way by the API, its job and the command. */

export async function createRun(
  pool: Pool,
  r: { kind: ImportKind; dryRun: boolean; source: 'api' | 'command'; columns: Record<string, string>; userId: string | null; fileBytes?: number; status?: 'queued' | 'running' },
): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO import_run (kind, dry_run, status, source, columns, created_by, file_bytes, started_at)
     VALUES ($1, $2, $3::text, $4, $5, $6, $7, CASE WHEN $3::text = 'running' THEN app_now() END) RETURNING id`,
    [r.kind, r.dryRun, r.status ?? 'queued', r.source, JSON.stringify(r.columns), r.userId, r.fileBytes ?? 0],
  );
  return rows[0].id;
}

export async function progressRun(pool: Pool, id: string, p: { bytesRead: number; rowsRead: number }): Promise<void> {
  await pool.query(`UPDATE import_run SET bytes_read = $2, rows_read = $3 WHERE id = $1`, [id, p.bytesRead, p.rowsRead]);
}

/** Records what the import found and did, and drops the stored file. */
export async function finishRun(pool: Pool, id: string, o: ImportOutcome): Promise<void> {
  await pool.query(
    `UPDATE import_run
        SET status = $2, rows_read = $3, rows_written = $4, error_count = $5, errors = $6, columns = $7, encoding = $8, separator = $9,
            date_formats = $10, decimal_separators = $11, unknown = $12, reasons = $13, bytes_read = file_bytes, finished_at = app_now()
      WHERE id = $1`,
    [
      id, o.status, o.rowsRead, o.rowsWritten, o.errorCount, JSON.stringify(o.errors), JSON.stringify({ ...o.columns, headers: o.headers }),
      o.detected.encoding, o.detected.separator, o.detected.dateFormats, o.detected.decimalSeparators, JSON.stringify(o.unknown), JSON.stringify(o.reasons),
    ],
  );
  await pool.query(`DELETE FROM import_file_chunk WHERE import_id = $1`, [id]);
}

/** An import that stopped on something other than the file's content (the database, a bug): kept as failed. */
export async function failRun(pool: Pool, id: string, e: Error): Promise<void> {
  await pool.query(`UPDATE import_run SET status = 'failed', failure = $2, finished_at = app_now() WHERE id = $1`, [id, `The import stopped: ${e.message}`]);
  await pool.query(`DELETE FROM import_file_chunk WHERE import_id = $1`, [id]);
}
