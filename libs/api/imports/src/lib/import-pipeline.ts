import { Readable } from 'node:stream';
import { once } from 'node:events';
import { Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import * as iconv from 'iconv-lite';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { ChurnReasonDefinition, detectEncoding, detectSeparator, ImportEncoding, ImportSeparator, suggestReasonsDetailed } from '@retention/domain';
import type { ImportError, ImportKind, ImportStatedReason, ImportUnknownValue } from '@retention/contracts';
import { activeReasonModel, configuredCompetitorNames, RowQuery, toDefinition } from '@retention/api-classifier';
import { KINDS } from './import-kinds';
import { checkedTableSql, scanSql, stageSql, valueErrorsSql } from './import-values.sql';

/** At most this many errors (and unknown values, and stated reasons) are reported; the total is counted. */
export const MAX_REPORTED = 1000;
/** The sample the encoding and the separator are read from. */
const HEAD_BYTES = 64 * 1024;
/** One import writes at a time (they share natural keys and the roll-ups): a transaction-scoped advisory lock. */
const IMPORT_LOCK = 'retention.imports';
/**
 * The sort and hash memory of an import's own statements and triggers (SET LOCAL: its transaction only). Its
 * sorts (the natural keys' windows, the merge's order, a million subscribers' nine million search terms) and
 * hashes (the accounts) spilled past the server's work_mem to temporary files and were merged back, and a bulk
 * insert's search-term key is built with maintenance_work_mem; imports run one at a time, so one backend at a
 * time may take this much. Measured: docs/scaling.md, "Imports".
 */
const IMPORT_WORK_MEM = '1GB';
/**
 * The import's work tables: the file as staged, its values checked, its rows resolved. Unlogged tables, not
 * temporary ones, because PostgreSQL never reads a temporary table in parallel: the check and the resolve are
 * per-row work over every row of the file, and with the tables ordinary each runs on every core (parallel workers
 * see the import's own uncommitted rows). They are created inside the import's transaction and dropped before it
 * commits, so no other session ever sees them and a rollback or a crash leaves nothing; the imports' advisory lock
 * keeps a second import from making the same names meanwhile. Unlogged: no write-ahead log for rows that never
 * outlive the transaction. Measured: docs/scaling.md, "Imports".
 */
const WORK_TABLES = ['import_raw', 'import_checked', 'import_ready'];
/**
 * A parallel plan's costs for the import's statements (SET LOCAL): the check's statement is a projection of every
 * row, which the planner, costing each row's passage from a worker at the default 0.1, kept in one process though its
 * per-row functions are most of the time (a million payments' check: 3.8-4.2 s in one process, 2.4-2.6 s on two cores).
 */
const IMPORT_PARALLEL = ['SET LOCAL parallel_tuple_cost = 0.001', 'SET LOCAL parallel_setup_cost = 10'];

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
  onPhase?: (phase: ImportPhase, ms: number) => void;
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

/** Reads from `input` until `bytes` are in hand (or it ends): the head, an iterator over the rest, and whether it ended. */
async function peek(input: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer; rest: AsyncIterator<Buffer>; ended: boolean }> {
  const it = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    parts.push(chunk);
    size += chunk.length;
  }
  return { head: Buffer.concat(parts), rest: it, ended };
}

/** The header's names, as compared: trimmed, lower-case. */
const headerKey = (h: string) => h.trim().toLowerCase();

/** The start of a file: its head (the sample the encoding and the separator are read from) and its header. */
export interface FileStart {
  head: Buffer;
  /** The head decoded (without a byte-order mark). */
  headText: string;
  rest: AsyncIterator<Buffer>;
  decoder: ReturnType<typeof iconv.getDecoder>;
  encoding: ImportEncoding;
  separator: ImportSeparator;
  headers: string[];
  /** Our column name -> the file's header it was found under. */
  columns: Record<string, string>;
  /** The file's position of each of the kind's columns (undefined: the file has none). */
  positions: (number | undefined)[];
  /** The line the header record ends on (1 unless blank lines or a quoted line break come first). */
  headerLine: number;
  /** What is wrong with the file before its first row (empty, no header, a required column missing): it is rejected at once. */
  rejected: ImportOutcome | null;
}

/**
 * Reads a file's head, detects its encoding and separator and checks its header against the kind's columns
 * (through the admin's mapping of them). A file whose header lacks a required column is rejected here,
 * before a row is read: nothing after the head is taken from `input`. The API checks an upload this way
 * before storing it, and every import (API job, command, benchmark) before staging it.
 */
export async function readFileStart(input: AsyncIterable<Buffer>, kind: ImportKind, mapping?: Record<string, string>): Promise<FileStart> {
  const spec = KINDS[kind];
  const { head, rest, ended } = await peek(input, HEAD_BYTES);
  const encoding = detectEncoding(head);
  const decoder = iconv.getDecoder(encoding === 'windows-1251' ? 'win1251' : 'utf8', { stripBOM: true });
  const headText = decoder.write(head);
  const separator = detectSeparator(headText.split(/\r?\n/, 1)[0]);
  const errors: ImportError[] = [];
  const start: FileStart = { head, headText, rest, decoder, encoding, separator, headers: [], columns: {}, positions: [], headerLine: 1, rejected: null };
  const reject = (e: ImportError) => {
    errors.push(e);
    start.rejected = emptyOutcome({
      errors,
      errorCount: errors.length,
      headers: start.headers,
      columns: start.columns,
      detected: { encoding: head.length ? encoding : null, separator: head.length ? separator : null, dateFormats: [], decimalSeparators: [] },
    });
  };
  if (!head.length) {
    reject({ line: 1, column: null, message: 'the file is empty' });
    return start;
  }
  // The header record, parsed as the stream will parse it; only lines that end inside the head are read.
  const complete = ended ? headText : headText.slice(0, Math.max(headText.lastIndexOf('\n'), headText.lastIndexOf('\r')) + 1);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseSync(complete, { delimiter: separator, relax_column_count: true, skip_empty_lines: true, bom: true, to: 1, info: true }) as unknown as typeof parsed;
  } catch (e) {
    const csv = e as { lines?: number; message: string };
    reject({ line: csv.lines ?? 1, column: null, message: ended ? `the file is not valid CSV here: ${csv.message}` : `the header does not end within the first ${HEAD_BYTES / 1024} KiB` });
    return start;
  }
  if (!parsed.length) {
    reject({ line: 1, column: null, message: ended ? 'the file has no header line' : `the header does not end within the first ${HEAD_BYTES / 1024} KiB` });
    return start;
  }
  const [{ record, info }] = parsed;
  start.headerLine = info.lines;
  start.headers = record.map((h) => h.trim());
  const byName = new Map(start.headers.map((h, i) => [headerKey(h), i]));
  start.positions = spec.columns.map((c) => {
    const at = byName.get(headerKey(mapping?.[c.name] ?? c.name));
    if (at !== undefined) start.columns[c.name] = start.headers[at];
    return at;
  });
  const missing = spec.columns.filter((c, i) => start.positions[i] === undefined && c.required);
  for (const c of missing) {
    reject({ line: info.lines, column: c.name, message: mapping?.[c.name] ? `the file has no column "${mapping[c.name]}"` : 'the file has no such column: map one of its columns to it' });
  }
  return start;
}

function emptyOutcome(rest: Partial<ImportOutcome>): ImportOutcome {
  return {
    status: 'rejected',
    rowsRead: 0,
    rowsWritten: 0,
    errors: [],
    errorCount: 0,
    headers: [],
    columns: {},
    detected: { encoding: null, separator: null, dateFormats: [], decimalSeparators: [] },
    unknown: [],
    reasons: [],
    ...rest,
  };
}

/** COPY text is handed on in chunks of about this many characters. */
const COPY_CHUNK = 256 * 1024;

/**
 * csv-parse's stream, which hands each record to `onRecord` as the parser reads it, with the line the
 * record ends on (the parser's line count when it pushes the record), and passes on what `onRecord` makes
 * of them (COPY text) in chunks of COPY_CHUNK characters: no object per record downstream and no await per
 * record, and the stream's backpressure holds the parser while the COPY is behind. (The parser's own `info`
 * and `on_record` options copy its whole state into every record, which made reading a large file twice as
 * slow; an object per record read through an async iterator cost as much again.)
 */
class StagingParser extends Parser {
  private text = '';

  constructor(
    options: ConstructorParameters<typeof Parser>[0],
    private readonly onRecord: (record: string[], line: number) => string | null,
  ) {
    super(options);
  }

  /** The COPY text not yet handed on (what was read before the file stopped being valid CSV). */
  takePending(): string {
    const text = this.text;
    this.text = '';
    return text;
  }

  override push(record: unknown): boolean {
    if (record === null) {
      if (this.text) super.push(this.text);
      this.text = '';
      return super.push(null);
    }
    const text = this.onRecord(record as string[], this.info.lines);
    if (text) {
      this.text += text;
      if (this.text.length >= COPY_CHUNK) {
        super.push(this.text);
        this.text = '';
      }
    }
    return true;
  }
}

/**
 * A file to import: its bytes, or a way to open them afresh. Only a file that can be read twice takes the
 * fast way (COPY of the file itself), since a file COPY refuses is read again by the CSV parser.
 */
export type ImportInput = AsyncIterable<Buffer> | (() => AsyncIterable<Buffer>);

/** The phases an import reports (the benchmark prints them). */
export type ImportPhase = 'COPY the file' | 'COPY refused the file' | 'parse and stage' | 'check values' | 'resolve and check' | 'merge';

/** What COPY says of a file it cannot read as CSV of the header's width (or in its encoding): the parser reads it instead. */
const COPY_REFUSALS = new Set(['22P04', '22021', '22P05', '54000']);

/**
 * The file itself, streamed by COPY (FORMAT csv, the detected separator and encoding, the header skipped)
 * into import_raw, whose identity numbers the rows from line 2. Those are the file's lines only when every
 * record is one line: the line breaks are counted as the bytes pass, and a file with a quoted line break
 * (or anything else that makes records and lines differ) is answered null, as a file COPY refuses is, and
 * goes to the parser. Nothing is checked here: import_raw holds the fields as the file has them.
 */
async function copyFile(
  client: PoolClient,
  start: FileStart,
  progress: (p: { bytesRead: number; rowsRead: number }) => Promise<void>,
): Promise<{ rowsRead: number; bytesRead: number } | null> {
  const fields = start.headers.map((_, i) => `f${i + 1}`).join(', ');
  const copy = client.query(
    copyFrom(
      `COPY import_raw (${fields}) FROM STDIN (FORMAT csv, HEADER true, DELIMITER '${start.separator}', ENCODING '${start.encoding === 'windows-1251' ? 'WIN1251' : 'UTF8'}')`,
    ),
  );
  let breaks = 0;
  let bytesRead = 0;
  let last = 10;
  const count = (b: Buffer) => {
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) breaks++;
    bytesRead += b.length;
    if (b.length) last = b[b.length - 1];
  };
  const { head, rest } = start;
  async function* file(): AsyncGenerator<Buffer> {
    count(head);
    yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      count(next.value);
      await progress({ bytesRead, rowsRead: breaks - 1 });
      yield next.value;
    }
  }
  await pipeline(Readable.from(file(), { objectMode: false }), copy);
  const lines = breaks + (last === 10 ? 0 : 1);
  return copy.rowCount === lines - 1 ? { rowsRead: copy.rowCount, bytesRead } : null;
}

/**
 * A file COPY cannot take (a row of another width, broken quoting, a NUL, bytes not of its encoding, a
 * quoted line break): csv-parse reads it and each record goes on as COPY text into import_raw with the line
 * it ends on, so that every such problem is reported with its line and every other row is checked as the
 * fast way checks it. Only what COPY could not take is checked here: the width of a row and NUL characters.
 */
async function parseFile(
  client: PoolClient,
  start: FileStart,
  names: string[],
  addError: (e: ImportError) => void,
  progress: (p: { bytesRead: number; rowsRead: number }) => Promise<void>,
): Promise<{ rowsRead: number; bytesRead: number }> {
  const { head, headText, rest, decoder, encoding, separator, headers, positions } = start;
  const used = positions.flatMap((at, i) => (at === undefined ? [] : [{ at, name: names[i] }]));
  let bytesRead = head.length;
  // UTF-8 goes to the parser as it came (csv-parse reads bytes, and skips a byte-order mark); a Windows-1251 file
  // is decoded first.
  const utf8 = encoding !== 'windows-1251';
  async function* bytes(): AsyncGenerator<Buffer | string> {
    yield utf8 ? head : headText;
    for (;;) {
      const next = await rest.next();
      if (next.done) break;
      bytesRead += next.value.length;
      yield utf8 ? next.value : decoder.write(next.value);
    }
    const tail = utf8 ? '' : decoder.end();
    if (tail) yield tail;
  }

  let rowsRead = 0;
  const width = headers.length;
  /** The header record (checked by readFileStart) comes first and is passed over. */
  let header = true;
  const onRecord = (record: string[], line: number): string | null => {
    if (header) {
      header = false;
      return null;
    }
    rowsRead++;
    if (record.length !== width) {
      addError({ line, column: null, message: `${record.length} columns instead of ${width}` });
      return null;
    }
    let text = String(line);
    let ok = true;
    for (const { at, name } of used) {
      const v = record[at];
      if (v.includes('\u0000')) {
        addError({ line, column: name, message: 'holds a NUL character' });
        ok = false;
      }
      text += `\t${copyText(v)}`;
    }
    return ok ? `${text}\n` : null;
  };
  const parser = new StagingParser({ delimiter: separator, relax_column_count: true, skip_empty_lines: true, bom: true }, onRecord);
  const source = Readable.from(bytes(), { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  // The parser may fail before the loop below reads it (a small file is parsed while the COPY starts): its
  // error is kept and raised there.
  let parseError: unknown;
  parser.on('error', (e) => (parseError ??= e));
  source.pipe(parser);
  try {
    const copy = client.query(copyFrom(`COPY import_raw (line, ${used.map(({ at }) => `f${at + 1}`).join(', ')}) FROM STDIN`));
    const copied = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    try {
      for await (const text of parser as AsyncIterable<string>) {
        if (!copy.write(text)) await once(copy, 'drain');
        await progress({ bytesRead, rowsRead });
      }
      if (parseError) throw parseError;
    } catch (e) {
      const csv = e as { code?: string; lines?: number; message: string };
      if (!csv.code?.startsWith('CSV_') && !csv.code?.startsWith('INVALID_')) throw e;
      addError({ line: csv.lines ?? rowsRead + 1, column: null, message: `the file is not valid CSV here: ${csv.message}` });
      const pending = parser.takePending();
      if (pending) copy.write(pending);
    }
    copy.end();
    await copied;
    return { rowsRead, bytesRead };
  } finally {
    source.destroy();
  }
}

/**
 * One import, whichever way it came in (the API, its background job, the command). The file lands as it
 * is in a staging table of the transaction (WORK_TABLES): by COPY of the file itself (FORMAT csv), or, for a file COPY refuses,
 * through the CSV parser, which reports what made COPY refuse it with its line. Then the same SQL checks
 * every value (import-values.sql.ts), resolves the rows (accounts, references, duplicates) and checks them,
 * and only a file without errors (and not a dry run) is written, in the same transaction. Nothing of a
 * rejected file or a dry run is kept.
 */
export async function runImport(pool: Pool, input: ImportInput, options: ImportOptions): Promise<ImportOutcome> {
  const spec = KINDS[options.kind];
  const open = () => (typeof input === 'function' ? input() : input);
  const start = await readFileStart(open(), options.kind, options.columns);
  if (start.rejected) return start.rejected;
  const { encoding, separator, headers, columns } = start;
  const detected = { encoding, separator, dateFormats: [] as string[], decimalSeparators: [] as string[] };
  const errors: ImportError[] = [];
  let errorCount = 0;
  const addError = (e: ImportError) => {
    errorCount++;
    if (errors.length < MAX_REPORTED) errors.push(e);
  };
  const outcome = (rest: Partial<ImportOutcome>): ImportOutcome => emptyOutcome({ errors, errorCount, headers, columns, detected, ...rest });
  let lastProgress = Date.now();
  const progress = async (p: { bytesRead: number; rowsRead: number }) => {
    if (options.onProgress && Date.now() - lastProgress > 1000) {
      lastProgress = Date.now();
      await options.onProgress(p);
    }
  };
  let phaseStart = Date.now();
  const phase = (name: ImportPhase) => {
    options.onPhase?.(name, Date.now() - phaseStart);
    phaseStart = Date.now();
  };

  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_LOCK]);
    await client.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    await client.query(`SET LOCAL maintenance_work_mem = '${IMPORT_WORK_MEM}'`);
    for (const setting of IMPORT_PARALLEL) await client.query(setting);
    await client.query(
      `CREATE UNLOGGED TABLE import_raw (line integer GENERATED BY DEFAULT AS IDENTITY (START WITH 2),
                                         ${headers.map((_, i) => `f${i + 1} text`).join(', ')})`,
    );
    let staged: { rowsRead: number; bytesRead: number } | null = null;
    let fresh = start;
    if (typeof input === 'function' && start.headerLine === 1) {
      await client.query('SAVEPOINT copy_file');
      try {
        staged = await copyFile(client, start, progress);
      } catch (e) {
        if (!COPY_REFUSALS.has((e as { code?: string }).code ?? '')) throw e;
      }
      await client.query(staged ? 'RELEASE SAVEPOINT copy_file' : 'ROLLBACK TO SAVEPOINT copy_file');
      phase(staged ? 'COPY the file' : 'COPY refused the file');
      if (!staged) fresh = await readFileStart(input(), options.kind, options.columns);
    }
    if (!staged) {
      staged = await parseFile(client, fresh, spec.columns.map((c) => c.name), addError, progress);
      phase('parse and stage');
    }
    const { rowsRead, bytesRead } = staged;
    await options.onProgress?.({ bytesRead, rowsRead });

    // Every value checked and normalised in SQL, the same for both ways in. Its statistics let the resolve
    // join a large file to the subscribers by hash rather than by an index probe per row.
    await client.query(checkedTableSql(spec.columns, start.positions));
    await client.query('ANALYZE import_checked');
    // One scan for the formats the values were written in and the columns that hold an error: only those are read
    // again for their errors.
    const scan = scanSql(spec.columns);
    const { dates, decimals, erring } = scan.read((await client.query<Record<string, boolean>>(scan.sql)).rows[0]);
    detected.dateFormats = dates;
    detected.decimalSeparators = decimals;
    phase('check values');

    await client.query(`CREATE UNLOGGED TABLE import_ready AS WITH import_stage AS (${stageSql(spec.columns)}) SELECT * FROM (${spec.resolve}) q`);
    await client.query('ANALYZE import_ready');
    const place = (column: string) => Math.max(0, spec.columns.findIndex((c) => c.name === column));
    const union = [
      valueErrorsSql(spec.columns, erring),
      ...spec.checks.map(
        (c) => `SELECT line, '${c.column}'::text AS column, (${c.message})::text AS message, ${place(c.column)} AS place FROM import_ready WHERE ${c.where}`,
      ),
    ]
      .filter(Boolean)
      .join(' UNION ALL ');
    const found = await client.query<{ line: number; column: string; message: string; total: string }>(
      `SELECT line, "column", message, count(*) OVER () AS total FROM (${union}) e ORDER BY line, place, message LIMIT ${MAX_REPORTED}`,
    );
    errorCount += found.rows.length ? Number(found.rows[0].total) : 0;
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
      return outcome({ status: errorCount ? 'rejected' : 'completed', rowsRead, unknown, reasons });
    }
    let rowsWritten = 0;
    for (const step of spec.merge({ userId: options.userId, newSubscriberMonths: options.newSubscriberMonths })) {
      const res = await client.query<{ n: number }>(step.sql, step.params);
      rowsWritten += res.command === 'INSERT' && !res.fields.length ? (res.rowCount ?? 0) : Number(res.rows[0]?.n ?? 0);
    }
    await client.query(`DROP TABLE ${WORK_TABLES.join(', ')}`);
    await client.query('COMMIT');
    phase('merge');
    return outcome({ status: 'completed', rowsRead, rowsWritten, unknown, reasons });
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
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
