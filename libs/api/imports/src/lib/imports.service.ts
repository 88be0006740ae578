import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, badRequest, DomainException, JobQueue, notFound } from '@retention/api-core';
import type { ImportKind, ImportMappingEntry, ImportMappingView, ImportRunView } from '@retention/contracts';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { readFileStart, runImport } from './import-pipeline';
import { createRun, failRun, finishRun, progressRun } from './import-runs';
import { listMappings, MappingError, saveMappings } from './import-mappings';

/** The background job that runs a large import. */
export const IMPORT_JOB = 'imports.run';
/** The largest file the API takes. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** The uploaded file is kept in chunks of this size until the import has read it. */
const CHUNK_BYTES = 1024 * 1024;

interface RunRow {
  id: string;
  kind: ImportKind;
  dry_run: boolean;
  status: ImportRunView['status'];
  rows_read: number;
  rows_written: number;
  error_count: number;
  errors: ImportRunView['errors'];
  columns: Record<string, string> & { headers?: string[] };
  encoding: string | null;
  separator: string | null;
  date_formats: string[];
  decimal_separators: string[];
  unknown: ImportRunView['unknown'];
  reasons: ImportRunView['reasons'];
  bytes_read: string;
  file_bytes: string;
  failure: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

function view(r: RunRow): ImportRunView {
  const { headers = [], ...columns } = r.columns;
  return {
    id: r.id,
    kind: r.kind,
    dryRun: r.dry_run,
    status: r.status,
    rowsRead: r.rows_read,
    rowsWritten: r.rows_written,
    errors: r.errors,
    errorCount: r.error_count,
    headers,
    columns,
    detected: { encoding: r.encoding, separator: r.separator, dateFormats: r.date_formats, decimalSeparators: r.decimal_separators },
    unknown: r.unknown,
    reasons: r.reasons,
    progress: { bytesRead: Number(r.bytes_read), fileBytes: Number(r.file_bytes) },
    failure: r.failure,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

const SELECT_RUN = `SELECT r.*, u.display_name AS created_by FROM import_run r LEFT JOIN app_user u ON u.id = r.created_by`;

@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly log = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  private get pool(): Pool {
    return (this.db.driver as PostgresDriver).master as Pool;
  }

  async onModuleInit(): Promise<void> {
    // A retry (the process died mid-import) starts the file again: nothing of the first attempt was committed.
    await this.jobs.define<{ id: string }>({ name: IMPORT_JOB, retryLimit: 2, expireInSeconds: 60 * 60, handle: ({ id }) => this.execute(id) });
  }

  /**
   * Takes the uploaded file (streamed into import_file_chunk, never held whole), then imports it at once
   * when it is small, or queues the background job. `inline` tells the controller which (201 or 202).
   */
  async start(
    body: AsyncIterable<Buffer>,
    options: { kind: ImportKind; dryRun: boolean; columns: Record<string, string>; userId: string },
  ): Promise<{ inline: boolean; run: ImportRunView }> {
    // The header is checked first: a file without a required column is answered at once, its rows never read.
    const fileStart = await readFileStart(body, options.kind, options.columns);
    const id = await createRun(this.pool, { kind: options.kind, dryRun: options.dryRun, source: 'api', columns: options.columns, userId: options.userId });
    if (fileStart.rejected) {
      await this.db.query(`UPDATE import_run SET file_bytes = $2 WHERE id = $1`, [id, fileStart.head.length]);
      await finishRun(this.pool, id, fileStart.rejected);
      return { inline: true, run: await this.get(id) };
    }
    const rest = fileStart.rest;
    async function* whole(): AsyncGenerator<Buffer> {
      yield fileStart.head;
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    }
    let size = 0;
    try {
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (!pendingBytes) return;
        await this.db.query(`INSERT INTO import_file_chunk (import_id, seq, data) VALUES ($1, $2, $3)`, [id, seq++, Buffer.concat(pending)]);
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of whole()) {
        size += chunk.length;
        if (size > IMPORT_MAX_BYTES) throw new DomainException(413, 'payload_too_large', `The file is larger than ${IMPORT_MAX_BYTES / 1024 ** 3} GiB.`);
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
    } catch (e) {
      await this.db.query(`DELETE FROM import_run WHERE id = $1`, [id]);
      throw e;
    }
    await this.db.query(`UPDATE import_run SET file_bytes = $2 WHERE id = $1`, [id, size]);
    if (size <= (this.config.get('IMPORT_INLINE_BYTES', { infer: true }) as number)) {
      await this.execute(id);
      return { inline: true, run: await this.get(id) };
    }
    const jobId = await this.jobs.send(IMPORT_JOB, { id }, { singletonKey: id });
    await this.db.query(`UPDATE import_run SET job_id = $2 WHERE id = $1`, [id, jobId]);
    return { inline: false, run: await this.get(id) };
  }

  /** Runs a stored import (in the request, or as the background job) and records its outcome. */
  async execute(id: string): Promise<void> {
    const {
      rows: [run],
    } = await this.pool.query(
      `UPDATE import_run SET status = 'running', started_at = app_now(), bytes_read = 0, rows_read = 0
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING kind, dry_run, columns, created_by`,
      [id],
    );
    if (!run) return; // finished already (a duplicate delivery)
    try {
      const outcome = await runImport(this.pool, () => this.chunks(id), {
        kind: run.kind,
        dryRun: run.dry_run,
        columns: run.columns,
        userId: run.created_by,
        newSubscriberMonths: this.config.get('NEW_SUBSCRIBER_MONTHS', { infer: true }) as number,
        onProgress: (p) => progressRun(this.pool, id, p),
      });
      await finishRun(this.pool, id, outcome);
    } catch (e) {
      this.log.error(`import ${id} failed: ${(e as Error).message}`);
      await failRun(this.pool, id, e as Error);
    }
  }

  /** The stored file, chunk after chunk (one in memory at a time). */
  private async *chunks(id: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: { data: Buffer }[] = await this.db.query(`SELECT data FROM import_file_chunk WHERE import_id = $1 AND seq = $2`, [id, seq]);
      if (!rows.length) return;
      yield rows[0].data;
    }
  }

  async get(id: string): Promise<ImportRunView> {
    const [row] = await this.db.query(`${SELECT_RUN} WHERE r.id = $1`, [id]);
    if (!row) throw notFound('Import', id);
    return view(row);
  }

  async list(limit = 50, offset = 0): Promise<{ items: ImportRunView[]; total: number }> {
    const rows = await this.db.query(`${SELECT_RUN} ORDER BY r.created_at DESC, r.id LIMIT $1 OFFSET $2`, [limit, offset]);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM import_run`);
    return { items: rows.map(view), total };
  }

  mappings(): Promise<ImportMappingView[]> {
    return listMappings(this.pool);
  }

  async saveMappings(entries: ImportMappingEntry[], userId: string): Promise<ImportMappingView[]> {
    try {
      return await saveMappings(this.pool, entries, userId);
    } catch (e) {
      if (e instanceof MappingError) throw badRequest(`entries.${e.index}.${e.field}`, e.message);
      throw e;
    }
  }

  /** Confirms every suggestion the run's check made for stated reasons without a code: one call. */
  async acceptReasons(id: string, userId: string): Promise<ImportMappingView[]> {
    const run = await this.get(id);
    const entries = run.reasons
      .filter((r) => r.suggestion)
      .map((r) => ({ entity: 'reason' as const, source: r.statedReason, target: r.suggestion?.code as string }));
    if (!entries.length) throw new DomainException(409, 'nothing_to_accept', `Import ${id} suggested no reasons to accept.`);
    return this.saveMappings(entries, userId);
  }
}
