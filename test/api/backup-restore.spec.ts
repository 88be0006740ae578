import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { backupDatabase, pgConfig, restoreDatabase } from '@retention/api-core';
import { checkReportRollups } from '@retention/api-churn-data';
import { freshSubscribers, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/**
 * A backup taken while the console writes restores, into a database of its own, to the database at one
 * instant: every table's rows as counted in the snapshot, report roll-ups that match a recomputation,
 * and a console that signs in and answers on it.
 */
describe('backup and restore', () => {
  let api: TestApi;
  let restored: TestApi | undefined;
  let root: string;
  const target = `retention_restore_${process.pid}`;
  const sourceUrl = process.env['DATABASE_URL'] as string;
  const targetUrl = (() => {
    const u = new URL(sourceUrl);
    u.pathname = `/${target}`;
    return u.toString();
  })();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'retention-backup-'));
    api = await startApi();
    await api.pool.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await api.pool.query(`CREATE DATABASE ${target}`);
  });

  afterAll(async () => {
    await restored?.close();
    // The restored application's configuration named the other database: the run's is the source again.
    process.env['DATABASE_URL'] = sourceUrl;
    await api.pool.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await api.close();
    rmSync(root, { recursive: true, force: true });
  });

  const count = async (url: string, table: string): Promise<number> => {
    const client = new Client(pgConfig(url));
    await client.connect();
    try {
      return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    } finally {
      await client.end();
    }
  };

  it('restores a backup taken under writes to a consistent, working console', async () => {
    const file = join(root, 'under-writes.backup');
    const operator = `Bearer ${await api.token('operator')}`;
    const subscribers = await freshSubscribers(api.pool, 40);
    let backingUp = true;
    let writtenDuring = 0;
    // Disconnect requests taken one after another for as long as the backup runs.
    const writer = (async () => {
      for (const s of subscribers) {
        if (!backingUp) break;
        await api.http().post('/api/disconnect-requests').set('Authorization', operator)
          .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Backup probe' }).expect(201);
        if (backingUp) writtenDuring++;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const header = await backupDatabase(sourceUrl, file).finally(() => (backingUp = false));
    await writer;
    expect(writtenDuring).toBeGreaterThan(0);

    await restoreDatabase(targetUrl, file);

    // Every table holds what the snapshot counted; requests written after it are not there.
    const requests = header.tables.find((t) => t.name === 'disconnect_request')?.rows as number;
    for (const t of header.tables) expect({ table: t.name, rows: await count(targetUrl, t.name) }).toEqual({ table: t.name, rows: t.rows });
    expect(await count(sourceUrl, 'disconnect_request')).toBeGreaterThan(requests);
    expect(header.tables.find((t) => t.name === 'subscriber')?.rows).toBeGreaterThan(0);

    // The report roll-ups agree with a recomputation from the restored source tables (`cli rollups`).
    const client = new Client(pgConfig(targetUrl));
    await client.connect();
    try {
      const { drifted } = await checkReportRollups(async (sql, params) => (await client.query(sql, params)).rows);
      expect(drifted).toEqual([]);
    } finally {
      await client.end();
    }

    // The console works on it: sign-in, the queue and a report.
    restored = await startApi({ DATABASE_URL: targetUrl });
    const manager = `Bearer ${await restored.token('manager')}`;
    const queue = await restored.http().get('/api/disconnect-requests?limit=1').set('Authorization', manager).expect(200);
    expect(queue.body.total).toBeGreaterThan(0);
    const month = TEST_TODAY.slice(0, 7);
    await restored.http().get(`/api/reports/key-figures?from=${month}&to=${month}`).set('Authorization', manager).expect(200);
    // Sequences continue where the snapshot left them: a new request is accepted.
    const [s] = await freshSubscribers(api.pool, 1);
    await restored.http().post('/api/disconnect-requests').set('Authorization', `Bearer ${await restored.token('operator')}`)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'After restore' }).expect(201);
  }, 180_000); // a backup and a restore of the whole test database: minutes on a loaded machine

  it('refuses a database that has tables unless told to drop them, and a file that is not a backup', async () => {
    const file = join(root, 'again.backup');
    await backupDatabase(targetUrl, file);
    await expect(restoreDatabase(targetUrl, file)).rejects.toThrow(/already has tables.*--clean --yes/);
    const header = await restoreDatabase(targetUrl, file, { clean: true });
    for (const t of header.tables) expect(await count(targetUrl, t.name)).toBe(t.rows);
    await expect(restoreDatabase(targetUrl, __filename)).rejects.toThrow(/not a backup of this console/);
  });
});
