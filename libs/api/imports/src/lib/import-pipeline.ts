import { Readable } from 'node:stream';
import { once } from 'node:events';
import { Parser } from 'csv-parse';
import * as iconv from 'iconv-lite';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  ChurnReasonDefinition,
  detectEncoding,
  detectSeparator,
  fitsNumeric,
  ImportEncoding,
  parseImportDate,
  parseImportDecimal,
  parseImportMonth,
  splitCodeList,
  suggestReasonsDetailed,
} from '@retention/domain';
import type { ImportError, ImportKind, ImportStatedReason, ImportUnknownValue } from '@retention/contracts';
import { activeReasonModel, configuredCompetitorNames, RowQuery, toDefinition } from '@retention/api-classifier';
import { ColumnSpec, KINDS } from './import-kinds';

/** At most this many errors (and unknown values, and stated reasons) are reported; the total is counted. */
export const MAX_REPORTED = 1000;
/** The sample the encoding and the separator are read from. */
const HEAD_BYTES = 64 * 1024;
/** One import writes at a time (they share natural keys and the roll-ups): a transaction-scoped advisory lock. */
const IMPORT_LOCK = 'retention.imports';

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  /** Our column name -> the file's header, for a file whose headers differ from ours. */
  columns?: Record<string, string>;
  userId: string | null;
  newSubscriberMonths: number;
  /** Called about once a second while the file streams, and once at the end of reading. */
  onProgress?: (p: { bytesRead: number; rowsRead: number }) => void | Promise<void>;
  /** Called as each phase ends, with its milliseconds (the benchmark prints them). */
  onPhase?: (phase: 'read and stage' | 'resolve and check' | 'merge', ms: number) => void;
}

export interface ImportOutcome {
  status: 'completed' | 'rejected';
  rowsRead: number;
  rowsWritten: number;
  errors: ImportError[];
  errorCount: number;
  headers: string[];
  columns: Record<string, string>;
  detected: { encoding: ImportEncoding | null; separator: string | null; dateFormats: string[]; decimalSeparators: string[] };
  unknown: ImportUnknownValue[];
  reasons: ImportStatedReason[];
}

/** A value as PostgreSQL's COPY text format writes it. */
function copyText(v: string | null): string {
  if (v === null) return '\\N';
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

/** Reads from `input` until `bytes` are in hand (or it ends): the head, and an iterator over the rest. */
async function peek(input: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const it = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await it.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    parts.push(chunk);
    size += chunk.length;
  }
  return { head: Buffer.concat(parts), rest: it };
}

interface RowChecker {
  /** Normalised values of our columns (null = absent or empty), or the errors of the row. */
  check(record: string[], line: number, errors: (e: ImportError) => void): (string | null)[] | null;
  dateFormats: Set<string>;
  decimalSeparators: Set<string>;
}

/** The per-row checks of a kind's columns, read from the file's positions of them. */
function rowChecker(columns: ColumnSpec[], positions: (number | undefined)[]): RowChecker {
  const dateFormats = new Set<string>();
  const decimalSeparators = new Set<string>();
  const check = (record: string[], line: number, errors: (e: ImportError) => void): (string | null)[] | null => {
    const out: (string | null)[] = new Array(columns.length);
    let ok = true;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const at = positions[i];
      const raw = at === undefined ? '' : (record[at] ?? '').trim();
      if (raw === '') {
        if (c.nonEmpty) {
          errors({ line, column: c.name, message: 'is empty' });
          ok = false;
        }
        out[i] = c.spec.type === 'codes' ? '' : null;
        continue;
      }
      if (raw.includes('\u0000')) {
        errors({ line, column: c.name, message: 'holds a NUL character' });
        ok = false;
        continue;
      }
      const s = c.spec;
      switch (s.type) {
        case 'text':
          if (raw.length > s.max) {
            errors({ line, column: c.name, message: `is longer than ${s.max} characters` });
            ok = false;
          }
          out[i] = raw;
          break;
        case 'ref':
          if (raw.length > 240) {
            errors({ line, column: c.name, message: 'is longer than 240 characters' });
            ok = false;
          }
          out[i] = raw;
          break;
        case 'codes': {
          const codes = splitCodeList(raw);
          if (codes.some((x) => x.length > 240 || x.includes('|'))) {
            errors({ line, column: c.name, message: 'holds a name longer than 240 characters' });
            ok = false;
          }
          out[i] = codes.join('|');
          break;
        }
        case 'date': {
          const d = parseImportDate(raw);
          if (!d) {
            errors({ line, column: c.name, message: `"${raw.slice(0, 40)}" is not a date (YYYY-MM-DD or DD.MM.YYYY)` });
            ok = false;
          } else {
            dateFormats.add(d.format);
            out[i] = d.date;
          }
          break;
        }
        case 'month': {
          const m = parseImportMonth(raw);
          if (!m) {
            errors({ line, column: c.name, message: `"${raw.slice(0, 40)}" is not a month (YYYY-MM, MM.YYYY or a date)` });
            ok = false;
          }
          out[i] = m;
          break;
        }
        case 'decimal': {
          const v = parseImportDecimal(raw, s.scale);
          if (v === null) {
            errors({ line, column: c.name, message: `"${raw.slice(0, 40)}" is not a number with at most ${s.scale} decimals` });
            ok = false;
          } else if (!fitsNumeric(v, s.precision, s.scale)) {
            errors({ line, column: c.name, message: `${v} is too large` });
            ok = false;
          } else if (s.min === 'positive' && (v.startsWith('-') || !/[1-9]/.test(v))) {
            errors({ line, column: c.name, message: `must be positive, not ${v}` });
            ok = false;
          } else if (s.min === 'zero' && v.startsWith('-') && /[1-9]/.test(v)) {
            errors({ line, column: c.name, message: `must not be negative (${v})` });
            ok = false;
          } else {
            if (/[.,]/.test(raw)) decimalSeparators.add(raw.includes(',') ? ',' : '.');
            out[i] = v;
          }
          break;
        }
        case 'choice': {
          const v = raw.toLowerCase();
          if (!s.choices.includes(v)) {
            errors({ line, column: c.name, message: `"${raw.slice(0, 40)}" is not one of ${s.choices.join(', ')}` });
            ok = false;
          }
          out[i] = v;
          break;
        }
      }
    }
    return ok ? out : null;
  };
  return { check, dateFormats, decimalSeparators };
}

/**
 * csv-parse's stream, each record with the line it ends on. The parser pushes a record as soon as it has
 * read it, so its line count is the record's at that moment; the parser's own `info` option copies its
 * whole state into every record, which made reading a large file twice as slow.
 */
class LineParser extends Parser {
  override push(record: unknown): boolean {
    return super.push(record === null ? null : { record, line: this.info.lines });
  }
}

/** The header's names, as compared: trimmed, lower-case. */
const headerKey = (h: string) => h.trim().toLowerCase();

/**
 * One import, whichever way it came in (the API, its background job, the command): the file streams
 * through the decoder and the CSV parser, each row is checked and COPYed into a temporary staging table,
 * the staged rows are resolved and checked in SQL, and only a file without errors (and not a dry run) is
 * written, in the same transaction. Nothing of a rejected file or a dry run is kept.
 */
export async function runImport(pool: Pool, input: AsyncIterable<Buffer>, options: ImportOptions): Promise<ImportOutcome> {
  const spec = KINDS[options.kind];
  const errors: ImportError[] = [];
  let errorCount = 0;
  const addError = (e: ImportError) => {
    errorCount++;
    if (errors.length < MAX_REPORTED) errors.push(e);
  };
  const outcome = (rest: Partial<ImportOutcome>): ImportOutcome => ({
    status: 'rejected',
    rowsRead: 0,
    rowsWritten: 0,
    errors,
    errorCount,
    headers: [],
    columns: {},
    detected: { encoding: null, separator: null, dateFormats: [], decimalSeparators: [] },
    unknown: [],
    reasons: [],
    ...rest,
  });

  const { head, rest } = await peek(input, HEAD_BYTES);
  if (!head.length) {
    addError({ line: 1, column: null, message: 'the file is empty' });
    return outcome({});
  }
  const encoding = detectEncoding(head);
  const decoder = iconv.getDecoder(encoding === 'windows-1251' ? 'win1251' : 'utf8', { stripBOM: true });
  const headText = decoder.write(head);
  const separator = detectSeparator(headText.split(/\r?\n/, 1)[0]);
  const detected = { encoding, separator, dateFormats: [] as string[], decimalSeparators: [] as string[] };

  let bytesRead = head.length;
  async function* text(): AsyncGenerator<string> {
    yield headText;
    for (;;) {
      const next = await rest.next();
      if (next.done) break;
      bytesRead += next.value.length;
      yield decoder.write(next.value);
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  const parser = new LineParser({ delimiter: separator, relax_column_count: true, skip_empty_lines: true, bom: true });
  const source = Readable.from(text(), { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);

  let phaseStart = Date.now();
  const phase = (name: 'read and stage' | 'resolve and check' | 'merge') => {
    options.onPhase?.(name, Date.now() - phaseStart);
    phaseStart = Date.now();
  };
  const client: PoolClient = await pool.connect();
  let headers: string[] = [];
  const columns: Record<string, string> = {};
  let rowsRead = 0;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_LOCK]);
    await client.query(
      `CREATE TEMPORARY TABLE import_stage (line integer NOT NULL, ${spec.columns.map((c) => `${c.name} text`).join(', ')}) ON COMMIT DROP`,
    );
    const copy = client.query(copyFrom(`COPY import_stage (line, ${spec.columns.map((c) => c.name).join(', ')}) FROM STDIN`));
    const copied = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });

    let checker: RowChecker | undefined;
    let width = 0;
    let buffer = '';
    let lastProgress = Date.now();
    try {
      for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
        if (!checker) {
          headers = record.map((h) => h.trim());
          width = record.length;
          const byName = new Map(headers.map((h, i) => [headerKey(h), i]));
          const positions = spec.columns.map((c) => {
            const theirs = options.columns?.[c.name];
            const at = byName.get(headerKey(theirs ?? c.name));
            if (at !== undefined) columns[c.name] = headers[at];
            return at;
          });
          spec.columns.forEach((c, i) => {
            if (positions[i] === undefined && c.required) {
              addError({ line, column: c.name, message: options.columns?.[c.name] ? `the file has no column "${options.columns[c.name]}"` : 'the file has no such column: map one of its columns to it' });
            }
          });
          if (errorCount) break;
          checker = rowChecker(spec.columns, positions);
          continue;
        }
        rowsRead++;
        if (record.length !== width) {
          addError({ line, column: null, message: `${record.length} columns instead of ${width}` });
          continue;
        }
        const values = checker.check(record, line, addError);
        if (values) buffer += `${line}\t${values.map(copyText).join('\t')}\n`;
        if (buffer.length > 256 * 1024) {
          if (!copy.write(buffer)) await once(copy, 'drain');
          buffer = '';
        }
        if (options.onProgress && Date.now() - lastProgress > 1000) {
          lastProgress = Date.now();
          await options.onProgress({ bytesRead, rowsRead });
        }
      }
    } catch (e) {
      const csv = e as { code?: string; lines?: number; message: string };
      if (!csv.code?.startsWith('CSV_') && !csv.code?.startsWith('INVALID_')) throw e;
      addError({ line: csv.lines ?? rowsRead + 1, column: null, message: `the file is not valid CSV here: ${csv.message}` });
    }
    if (!checker && !errorCount) addError({ line: 1, column: null, message: 'the file has no header line' });
    if (buffer) copy.write(buffer);
    copy.end();
    await copied;
    source.destroy();
    if (checker) {
      detected.dateFormats = [...checker.dateFormats].sort();
      detected.decimalSeparators = [...checker.decimalSeparators].sort();
    }
    await options.onProgress?.({ bytesRead, rowsRead });
    phase('read and stage');
    if (!checker) {
      await client.query('ROLLBACK');
      return outcome({ rowsRead, headers, columns, detected });
    }

    await client.query(`CREATE TEMPORARY TABLE import_ready ON COMMIT DROP AS ${spec.resolve}`);
    await client.query('ANALYZE import_ready');
    const union = spec.checks
      .map((c) => `SELECT line, '${c.column}'::text AS column, (${c.message})::text AS message FROM import_ready WHERE ${c.where}`)
      .join(' UNION ALL ');
    const found = await client.query<{ line: number; column: string; message: string; total: string }>(
      `SELECT line, "column", message, count(*) OVER () AS total FROM (${union}) e ORDER BY line, "column" LIMIT ${MAX_REPORTED}`,
    );
    const sqlTotal = found.rows.length ? Number(found.rows[0].total) : 0;
    errorCount += sqlTotal;
    const merged = [...errors, ...found.rows.map((r) => ({ line: r.line, column: r.column, message: r.message }))]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_REPORTED);
    errors.length = 0;
    errors.push(...merged);

    const unknown = await unknownValues(client, spec.unknown);
    const reasons = options.kind === 'disconnections' ? await statedReasons(client) : [];
    phase('resolve and check');

    if (errorCount || options.dryRun) {
      await client.query('ROLLBACK');
      return outcome({ status: errorCount ? 'rejected' : 'completed', rowsRead, headers, columns, detected, unknown, reasons });
    }
    let rowsWritten = 0;
    for (const step of spec.merge({ userId: options.userId, newSubscriberMonths: options.newSubscriberMonths })) {
      const res = await client.query<{ n: number }>(step.sql, step.params);
      rowsWritten += Number(res.rows[0]?.n ?? 0);
    }
    await client.query('COMMIT');
    phase('merge');
    return outcome({ status: 'completed', rowsRead, rowsWritten, headers, columns, detected, unknown, reasons });
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    source.destroy();
    throw e;
  } finally {
    client.release();
  }
}

async function unknownValues(client: PoolClient, queries: { entity: ImportUnknownValue['entity']; value: string; where: string; unnest?: boolean }[]): Promise<ImportUnknownValue[]> {
  if (!queries.length) return [];
  const parts = queries.map((q) =>
    q.unnest
      ? `SELECT '${q.entity}'::text AS entity, v AS value, line FROM import_ready, unnest(${q.value}) v WHERE ${q.where}`
      : `SELECT '${q.entity}'::text AS entity, ${q.value} AS value, line FROM import_ready WHERE ${q.where}`,
  );
  const { rows } = await client.query<{ entity: ImportUnknownValue['entity']; value: string; rows: number; first_line: number }>(
    `SELECT entity, min(value) AS value, count(*)::int AS rows, min(line) AS first_line
       FROM (${parts.join(' UNION ALL ')}) u GROUP BY entity, lower(value) ORDER BY entity, min(line) LIMIT ${MAX_REPORTED}`,
  );
  return rows.map((r) => ({ entity: r.entity, value: r.value, rows: r.rows, firstLine: r.first_line }));
}

/** The distinct stated reasons of voluntary leavers without a code or a kept mapping, with the classifier's suggestion. */
async function statedReasons(client: PoolClient): Promise<ImportStatedReason[]> {
  const { rows } = await client.query<{ stated: string; rows: number }>(
    `SELECT min(stated_reason) AS stated, count(*)::int AS rows FROM import_ready
      WHERE request_kind = 'voluntary' AND reason_code IS NULL AND NOT reason_known AND stated_reason IS NOT NULL
      GROUP BY lower(stated_reason) ORDER BY count(*) DESC, min(stated_reason) LIMIT ${MAX_REPORTED}`,
  );
  if (!rows.length) return [];
  const definitions = await activeReasons(client);
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  // The desk's suggestion: the configured competitors and the reason model switched on, besides the classifier.
  const query: RowQuery = async (sql, params) => (await client.query(sql, params)).rows;
  const competitors = await configuredCompetitorNames(query);
  const learned = (await activeReasonModel(query))?.scorer ?? null;
  return rows.map((r) => {
    const [best] = suggestReasonsDetailed(r.stated, { reasons: definitions, limit: 1, competitors, learned }).suggestions;
    return {
      statedReason: r.stated,
      rows: r.rows,
      suggestion: best ? { code: best.code, title: byCode.get(best.code)?.title.en ?? best.code, score: Math.round(best.score * 1000) / 1000 } : null,
    };
  });
}

async function activeReasons(client: PoolClient): Promise<ChurnReasonDefinition[]> {
  const { rows } = await client.query(
    `SELECT r.*, v.version FROM churn_reason r JOIN classifier_version v ON v.id = r.version_id
      WHERE r.version_id = (SELECT max(id) FROM classifier_version) ORDER BY r.sort_order`,
  );
  return rows.map(toDefinition);
}
