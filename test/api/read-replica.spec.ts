import { ReadDatabase } from '@retention/api-core';
import { freshSubscribers, startApi, TestApi } from '@retention/test-support';

/**
 * DATABASE_READ_URL: the reports and their exports read from a replica, everything else from DATABASE_URL.
 * The "replica" here is the test database itself reached under a connection name of its own (what the
 * reports read is then visible in pg_stat_activity), or an address where nothing listens (the reports fail
 * with the one 503, the rest of the console works).
 */
describe('reads from a replica (DATABASE_READ_URL)', () => {
  const month = '2018-06';
  // Nest's ConfigModule copies the validated settings into process.env, where a later application of the
  // same process would find this one's replica.
  afterEach(() => delete process.env['DATABASE_READ_URL']);

  it('without DATABASE_READ_URL the reports read from the primary', async () => {
    const api = await startApi({ DATABASE_READ_URL: '' });
    try {
      expect(api.app.get(ReadDatabase).isReplica).toBe(false);
      const executive = `Bearer ${await api.token('executive')}`;
      await api.http().get(`/api/reports/churn-to-competitors?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
    } finally {
      await api.close();
    }
  });

  it('sends the reports and their exports to the replica, the rest to the primary', async () => {
    const name = `replica-spec-${process.pid}`;
    const url = new URL(process.env['DATABASE_URL'] as string);
    url.searchParams.set('application_name', name);
    const api: TestApi = await startApi({ DATABASE_READ_URL: url.toString() });
    try {
      expect(api.app.get(ReadDatabase).isReplica).toBe(true);
      const executive = `Bearer ${await api.token('executive')}`;
      const replicaQueries = async () =>
        (await api.pool.query(`SELECT query FROM pg_stat_activity WHERE application_name = $1`, [name])).rows.map((r) => r.query as string);
      expect(await replicaQueries()).toEqual([]);
      const report = await api.http().get(`/api/reports/churn-to-competitors?from=${month}&to=${month}`).set('Authorization', executive).expect(200);
      expect(report.body).toHaveProperty('rows');
      await api.http().get(`/api/reports/churn-to-competitors?from=${month}&to=${month}&format=csv`).set('Authorization', executive).expect(200);
      const seen = await replicaQueries();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.join('\n')).toMatch(/competitor/);
      // Its own clock, as every API connection has: the replica's app_today() is the primary's.
      expect((await api.app.get(ReadDatabase).query(`SELECT app_today()::text AS d`))[0].d).toBe((await api.pool.query(`SELECT app_today()::text AS d`)).rows[0].d);
      expect(await api.app.get(ReadDatabase).lagSeconds()).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('a replica that cannot be reached fails the reports with the 503 and leaves the rest of the console working', async () => {
    const url = new URL(process.env['DATABASE_URL'] as string);
    url.port = '1';
    const api = await startApi({ DATABASE_READ_URL: url.toString() });
    try {
      const executive = `Bearer ${await api.token('executive')}`;
      const report = await api.http().get(`/api/reports/churn-to-competitors?from=${month}&to=${month}`).set('Authorization', executive).expect(503);
      expect(report.body).toMatchObject({ statusCode: 503, error: 'service_unavailable' });
      const [s] = await freshSubscribers(api.pool, 1);
      const operator = `Bearer ${await api.token('operator')}`;
      await api.http().get(`/api/subscribers/${s.id}`).set('Authorization', operator).expect(200);
    } finally {
      await api.close();
    }
  });

});
