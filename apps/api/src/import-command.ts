import { createReadStream, readFileSync, statSync } from 'node:fs';
import { AppConfig, pgConfig } from '@retention/api-core';
import { IMPORT_ENTITIES, IMPORT_KINDS, ImportKind, ImportMappingEntry } from '@retention/contracts';
import { createRun, failRun, finishRun, progressRun, runImport, saveMappings } from '@retention/api-imports';
import { Pool } from 'pg';

/**
 * `import <kind> <file> [--dry-run] [--mapping map.json]`: the API's import, run in this process on the
 * same pipeline, kept in the same history. The mapping file holds `columns` (our column -> the file's
 * header) and `references` (kept mappings, as PUT /api/imports/mappings takes them), both optional:
 *   {"columns": {"account_number": "Acct"}, "references": [{"entity": "region", "source": "Kyiv", "target": "centre"}]}
 * Exit code 0 when the file was imported (or, with --dry-run, would be), 1 when it was rejected.
 */
export async function importCommand(url: string, config: AppConfig, args: { kind?: string; file?: string; dryRun: boolean; mapping?: string }): Promise<number> {
  if (!args.kind || !(IMPORT_KINDS as readonly string[]).includes(args.kind)) throw new Error(`the kind is one of: ${IMPORT_KINDS.join(', ')}`);
  if (!args.file) throw new Error('name the file to import');
  const kind = args.kind as ImportKind;
  const fileBytes = statSync(args.file).size;
  const mapping = args.mapping ? readMapping(args.mapping) : { columns: {}, references: [] };

  const pool = new Pool(pgConfig(url, { max: 3 }));
  try {
    if (mapping.references.length) {
      await saveMappings(pool, mapping.references, null);
      say(`Kept ${mapping.references.length} mapping(s) from ${args.mapping}.`);
    }
    const id = await createRun(pool, { kind, dryRun: args.dryRun, source: 'command', columns: mapping.columns, userId: null, fileBytes, status: 'running' });
    const started = Date.now();
    const bar = progressBar(fileBytes);
    try {
      const outcome = await runImport(pool, () => createReadStream(args.file as string, { highWaterMark: 1024 * 1024 }), {
        kind,
        dryRun: args.dryRun,
        columns: mapping.columns,
        userId: null,
        newSubscriberMonths: config.NEW_SUBSCRIBER_MONTHS,
        onProgress: async (p) => {
          bar(p.bytesRead, p.rowsRead);
          await progressRun(pool, id, p);
        },
      });
      bar(fileBytes, outcome.rowsRead, true);
      await finishRun(pool, id, outcome);
      const seconds = (Date.now() - started) / 1000;
      const d = outcome.detected;
      say(`Detected: ${d.encoding}, separator "${d.separator}", dates ${d.dateFormats.join(' and ') || '-'}, decimals ${d.decimalSeparators.join(' and ') || '-'}.`);
      for (const u of outcome.unknown) say(`Unknown ${u.entity} "${u.value}" (${u.rows} rows, first on line ${u.firstLine}): map it with --mapping.`);
      for (const r of outcome.reasons) say(`Stated reason "${r.statedReason}" (${r.rows} rows): suggested ${r.suggestion?.code ?? 'nothing'}.`);
      for (const e of outcome.errors.slice(0, 50)) say(`line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
      if (outcome.errorCount > 50) say(`... ${outcome.errorCount - 50} more error(s): GET /api/imports/${id} lists the first 1,000.`);
      say(
        `Import ${id}: ${args.dryRun ? 'dry run, ' : ''}${outcome.status}; ${outcome.rowsRead} rows read, ${outcome.rowsWritten} written, ` +
          `${outcome.errorCount} error(s), ${seconds.toFixed(1)} s (${Math.round(outcome.rowsRead / Math.max(seconds, 0.001))} rows/s).`,
      );
      return outcome.status === 'completed' ? 0 : 1;
    } catch (e) {
      await failRun(pool, id, e as Error);
      throw e;
    }
  } finally {
    // pool.end() resolves before its connections have closed: the embedded PostgreSQL stopping right after
    // may still reach one of them, which is no error of this command.
    pool.on('error', () => undefined);
    await pool.end();
  }
}

function readMapping(path: string): { columns: Record<string, string>; references: ImportMappingEntry[] } {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { columns?: unknown; references?: unknown };
  const columns = raw.columns ?? {};
  if (typeof columns !== 'object' || Array.isArray(columns) || Object.values(columns as object).some((v) => typeof v !== 'string')) {
    throw new Error(`${path}: "columns" must map our column names to the file's headers`);
  }
  const references = (raw.references ?? []) as ImportMappingEntry[];
  if (!Array.isArray(references) || references.some((r) => ![...IMPORT_ENTITIES, 'reason'].includes(r?.entity) || typeof r.source !== 'string' || typeof r.target !== 'string')) {
    throw new Error(`${path}: "references" must be a list of {entity, source, target[, create]}`);
  }
  return { columns: columns as Record<string, string>, references };
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** A progress bar on a terminal (redrawn in place), else a line every tenth of the file. */
function progressBar(total: number): (bytes: number, rows: number, done?: boolean) => void {
  let lastTenth = -1;
  return (bytes, rows, done = false) => {
    const share = total ? Math.min(1, bytes / total) : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${rows} rows${done ? '\n' : ''}`);
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth || done) {
        lastTenth = tenth;
        process.stderr.write(`${Math.round(share * 100)}% (${rows} rows)\n`);
      }
    }
  };
}
