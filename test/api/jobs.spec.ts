import { JobQueue } from '@retention/api-core';
import { startApi, TestApi, until } from '@retention/test-support';

/**
 * The background job queue (pg-boss on the run's PostgreSQL), with two application instances standing in for
 * two API processes on one database: each job runs once, a failed attempt is retried, and a job queued while
 * no worker runs is done by the next process that starts.
 */
const FAST = { JOB_POLL_SECONDS: '0.5' };
const table = `job_runs_${process.pid}`;

describe('job queue', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startApi(FAST);
    b = await startApi(FAST);
    await a.pool.query(`CREATE TABLE ${table} (job_id text NOT NULL, queue text NOT NULL, process text NOT NULL, attempt int NOT NULL)`);
  });
  afterAll(async () => {
    await a.pool.query(`DROP TABLE IF EXISTS ${table}`);
    await a?.close();
    await b?.close();
  });

  const recorder = (api: TestApi, process: string, failFirst = false) => async (_data: object, job: { id: string; retryCount: number }) => {
    await api.pool.query(`INSERT INTO ${table} VALUES ($1, $2, $3, $4)`, [job.id, 'q', process, job.retryCount]);
    if (failFirst && job.retryCount === 0) throw new Error('first attempt fails');
  };

  it('runs each job once across two processes', async () => {
    const name = `test.once.${process.pid}`;
    await a.app.get(JobQueue).define({ name, handle: recorder(a, 'a') });
    await b.app.get(JobQueue).define({ name, handle: recorder(b, 'b') });
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => a.app.get(JobQueue).send(name, { i })));
    expect(new Set(ids).size).toBe(30);
    const rows = await until(
      async () => (await a.pool.query(`SELECT job_id, process FROM ${table} WHERE job_id = ANY($1)`, [ids])).rows,
      (r) => r.length >= 30,
      20_000,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate, if any, would land by now
    const again = (await a.pool.query(`SELECT job_id FROM ${table} WHERE job_id = ANY($1)`, [ids])).rows;
    expect(again).toHaveLength(30);
    expect(new Set(again.map((r) => r.job_id)).size).toBe(30);
    expect(rows.length).toBe(30);
    const states = await Promise.all(ids.map((id) => a.app.get(JobQueue).state(name, id as string)));
    expect(states.every((s) => s?.state === 'completed')).toBe(true);
  });

  it('retries a failed attempt and completes', async () => {
    const name = `test.retry.${process.pid}`;
    await a.app.get(JobQueue).define({ name, handle: recorder(a, 'a', true), retryLimit: 2, retryDelaySeconds: 1 });
    const id = (await a.app.get(JobQueue).send(name, {})) as string;
    const state = await until(() => a.app.get(JobQueue).state(name, id), (s) => s?.state === 'completed', 20_000);
    expect(state?.state).toBe('completed');
    const attempts = (await a.pool.query(`SELECT attempt FROM ${table} WHERE job_id = $1 ORDER BY attempt`, [id])).rows;
    expect(attempts.map((r) => r.attempt)).toEqual([0, 1]);
  });

  it('keeps one queued job per singleton key', async () => {
    const name = `test.single.${process.pid}`;
    const web = await startApi({ ...FAST, JOB_WORKERS: 'false' });
    try {
      await web.app.get(JobQueue).define({ name, handle: async () => undefined });
      const first = await web.app.get(JobQueue).send(name, {}, { singletonKey: 'month-2026-11' });
      const second = await web.app.get(JobQueue).send(name, {}, { singletonKey: 'month-2026-11' });
      expect(first).toEqual(expect.any(String));
      expect(second).toBeNull();
    } finally {
      await web.close();
    }
  });

  it('a job queued while no process works survives to the next process', async () => {
    const name = `test.restart.${process.pid}`;
    const web = await startApi({ ...FAST, JOB_WORKERS: 'false' });
    let id: string;
    try {
      await web.app.get(JobQueue).define({ name, handle: async () => undefined });
      id = (await web.app.get(JobQueue).send(name, { kept: true })) as string;
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await web.app.get(JobQueue).state(name, id))?.state).toBe('created');
    } finally {
      await web.close();
    }
    const worker = await startApi(FAST);
    try {
      await worker.app.get(JobQueue).define({ name, handle: recorder(worker, 'worker') });
      const state = await until(() => worker.app.get(JobQueue).state(name, id), (s) => s?.state === 'completed', 20_000);
      expect(state?.state).toBe('completed');
      expect((await worker.pool.query(`SELECT process FROM ${table} WHERE job_id = $1`, [id])).rows).toEqual([{ process: 'worker' }]);
    } finally {
      await worker.close();
    }
  });

  // With no retry left (0), the interruption must not fail the job for good.
  it.each([1, 0])('a job running when its process stops is handed back, its handler aborted, and the next process finishes it (retries: %i)', async (retryLimit) => {
    const name = `test.handback.${retryLimit}.${process.pid}`;
    const first = await startApi(FAST);
    let id = '';
    let aborted = false;
    try {
      await first.app.get(JobQueue).define({
        name,
        retryLimit,
        retryDelaySeconds: 1,
        // Works until the process stops (as a long training would).
        handle: async (data, job) => {
          await first.pool.query(`INSERT INTO ${table} VALUES ($1, $2, 'first', $3)`, [job.id, 'q', job.retryCount]);
          await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()));
          aborted = true;
          throw new Error('stopped');
        },
      });
      id = (await first.app.get(JobQueue).send(name, {})) as string;
      await until(() => first.app.get(JobQueue).state(name, id), (s) => s?.state === 'active', 20_000);
    } finally {
      await first.close();
    }
    expect(aborted).toBe(true);
    // Not left `active` until it expires: waiting for its retry (pg-boss counts the attempt when the retry starts;
    // the aborted handler's own failure does not fail it a second time, which would spend the last attempt).
    const [row] = (await a.pool.query(`SELECT state, output FROM pgboss.job WHERE id = $1`, [id])).rows;
    expect(row).toEqual({ state: 'retry', output: { message: 'interrupted: the process running it stopped' } });
    const next = await startApi(FAST);
    try {
      await next.app.get(JobQueue).define({ name, retryLimit: 1, retryDelaySeconds: 1, handle: recorder(next, 'next') });
      const state = await until(() => next.app.get(JobQueue).state(name, id), (s) => s?.state === 'completed', 20_000);
      expect(state?.state).toBe('completed');
      const runs = (await next.pool.query(`SELECT process, attempt FROM ${table} WHERE job_id = $1 ORDER BY attempt`, [id])).rows;
      expect(runs).toEqual([{ process: 'first', attempt: 0 }, { process: 'next', attempt: 1 }]);
    } finally {
      await next.close();
    }
  });

  it('a stopping process takes no new job: the others do them all', async () => {
    const name = `test.stopping.${process.pid}`;
    const stopping = await startApi(FAST);
    try {
      const options = { name, retryLimit: 2, retryDelaySeconds: 1 };
      await stopping.app.get(JobQueue).define({ ...options, handle: recorder(stopping, 'stopping') });
      await b.app.get(JobQueue).define({ ...options, handle: recorder(b, 'b') });
      await stopping.app.get(JobQueue).beforeApplicationShutdown();
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => a.app.get(JobQueue).send(name, { i })));
      const states = await until(
        () => Promise.all(ids.map((id) => a.app.get(JobQueue).state(name, id as string))),
        (s) => s.every((x) => x?.state === 'completed'),
        30_000,
      );
      expect(states.map((s) => s?.state)).toEqual(ids.map(() => 'completed'));
      const runs = (await a.pool.query(`SELECT DISTINCT process FROM ${table} WHERE job_id = ANY($1)`, [ids])).rows;
      expect(runs).toEqual([{ process: 'b' }]);
    } finally {
      await stopping.close();
    }
  });

  it('refuses an unknown JOB_WORKERS value', async () => {
    await expect(startApi({ JOB_WORKERS: 'yes' })).rejects.toThrow(/JOB_WORKERS/);
  });
});
