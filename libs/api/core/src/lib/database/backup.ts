import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { pgConfig } from '../time/app-clock';
import { runMigrations } from './data-source';

/**
 * A backup is one gzip file: a JSON header line (the schema's migrations, each table's row count and
 * each sequence's value, all read in the one snapshot), then per table its name on a line, its rows in
 * COPY's text format and an end line `\.`. Everything is read in one REPEATABLE READ transaction, so a
 * backup taken while the console writes is the database at one instant: a disconnect request with its
 * churn facts and the report roll-ups that counted it, or none of them.
 */
export interface BackupHeader {
  format: 'retention-backup';
  version: 1;
  migrations: string[];
  tables: { name: string; rows: number }[];
  sequences: { name: string; value: string; called: boolean }[];
}

const END = '\\.';

export async function backupDatabase(url: string, file: string): Promise<BackupHeader> {
  const client = new Client(pgConfig(url));
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )).rows.map((r) => r.name);
    if (!tables.includes('migrations')) throw new Error('This database has no schema of the console to back up.');
    const migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const sequences: BackupHeader['sequences'] = [];
    for (const { name } of (await client.query<{ name: string }>(
      `SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    )).rows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${name}`);
      sequences.push({ name, value: rows[0].last_value, called: rows[0].is_called });
    }
    const counted: BackupHeader['tables'] = [];
    // Counted in the same snapshot before the copy, so the header comes first; the copy is checked against them.
    for (const name of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
      counted.push({ name, rows: Number(rows[0].n) });
    }
    const header: BackupHeader = { format: 'retention-backup', version: 1, migrations, tables: counted, sequences };
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
    const write = (text: string) => new Promise<void>((resolve, reject) => gzip.write(text, (e) => (e ? reject(e) : resolve())));
    await write(`${JSON.stringify(header)}\n`);
    for (const { name, rows } of counted) {
      await write(`${name}\n`);
      let lines = 0;
      const copy = client.query(copyTo(`COPY ${name} TO STDOUT`));
      await pipeline(
        copy,
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            for (const byte of chunk) if (byte === 10) lines++;
            gzip.write(chunk, done);
          },
        }),
      );
      if (lines !== rows) throw new Error(`${name}: ${lines} rows copied, ${rows} counted in the same snapshot`);
      await write(`${END}\n`);
    }
    gzip.end();
    await written;
    await client.query('COMMIT');
    return header;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into a database without the console's tables (or, with `clean`, after dropping
 * everything in its public schema): the schema from this build's migrations, which must be the
 * backup's, then every table's rows and every sequence's value in one transaction, with triggers and
 * foreign-key checks off while loading (the rows are a consistent snapshot already, roll-ups included).
 * Needs a superuser (session_replication_role), as the embedded database's `postgres` is.
 */
export async function restoreDatabase(url: string, file: string, options: { clean?: boolean } = {}): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const header = await lines.next().then(
    (first) => JSON.parse(first.done ? '' : first.value) as BackupHeader,
    // Not gzip, or not JSON: not a backup.
    () => undefined,
  ).catch(() => undefined);
  if (header?.format !== 'retention-backup' || header.version !== 1) throw new Error(`${file} is not a backup of this console.`);

  const client = new Client(pgConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (Number(rows[0].n) > 0) {
      if (!options.clean) throw new Error('The database already has tables: restore into an empty database, or add --clean --yes to drop them first.');
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
    }
    await runMigrations(url);
    const have = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    if (have.join() !== header.migrations.join()) {
      throw new Error(
        `The backup's schema (${header.migrations.length} migrations, last ${header.migrations.at(-1)}) is not this version's ` +
          `(${have.length}, last ${have.at(-1)}): restore with the version that took it, then upgrade.`,
      );
    }
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`TRUNCATE ${header.tables.map((t) => t.name).join(', ')}`);
    for (const table of header.tables) {
      const next = await lines.next();
      if (next.done || next.value !== table.name) throw new Error(`${file} is cut short or damaged (expected the rows of ${table.name}).`);
      const copy = client.query(copyFrom(`COPY ${table.name} FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => copy.once('finish', resolve).once('error', reject));
      let count = 0;
      for (;;) {
        const line = await lines.next();
        if (line.done) throw new Error(`${file} is cut short (in the rows of ${table.name}).`);
        if (line.value === END) break;
        count++;
        if (!copy.write(`${line.value}\n`)) await new Promise((r) => copy.once('drain', r));
      }
      copy.end();
      await done;
      if (count !== table.rows) throw new Error(`${file} is damaged: ${table.name} has ${count} rows, its header says ${table.rows}.`);
    }
    for (const s of header.sequences) await client.query(`SELECT setval($1, $2, $3)`, [s.name, s.value, s.called]);
    await client.query('COMMIT');
    return header;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
