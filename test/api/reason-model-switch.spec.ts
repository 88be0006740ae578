import { DEFAULT_CHURN_REASONS, seedExamples, trainReasonModel } from '@retention/domain';
import { startApi, TestApi } from '@retention/test-support';
import { DataSource } from 'typeorm';

/**
 * Each API process keeps the active reason model (and the classifier version in use) in memory, so a suggestion
 * asks the database nothing for them; a manager's switch in one process reaches every other one through the
 * PostgreSQL event bus (LISTEN/NOTIFY). Two application instances stand in for two API processes on one database.
 */
/** A local provider no table and no other spec knows. */
const WORD = `Квазарнет${process.pid % 1000}`;
/** Serialises writers of reason_model versions (the service's own lock). */
const MODEL_LOCK = 7_301_002;

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the active reason model across API processes', () => {
  let a: TestApi;
  let b: TestApi;
  let version: number;
  let managerA: string;
  let operatorB: string;

  beforeAll(async () => {
    a = await startApi();
    b = await startApi();
    managerA = `Bearer ${await a.token('manager')}`;
    operatorB = `Bearer ${await b.token('operator')}`;
    // A trained version planted as the training job would store it: the seed examples plus a handful of
    // resolutions that teach it the local word, measured as beating the table (the switch-on gate).
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
    const local = ['уходим в', 'у них дешевле,', 'переходимо на', 'підключились до', 'сосед посоветовал'].map((w) => ({
      text: `${w} ${WORD}`,
      code: 'competitor_cheaper',
    }));
    const model = trainReasonModel([...seedExamples(DEFAULT_CHURN_REASONS), ...local], codes);
    const accuracy = (top1: number) => ({ n: 10, top1, top3: top1 });
    const client = await a.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK]);
      const { rows } = await client.query(
        `INSERT INTO reason_model (version, status, cause, finished_at, examples, held_out, weight, metrics, model)
         VALUES ((SELECT COALESCE(max(version), 0) + 1 FROM reason_model), 'ready', 'manual', app_now(), 5, 0, 0.35, $1, $2)
         RETURNING version`,
        [
          JSON.stringify({ heldOut: { rules: accuracy(0.5), blended: accuracy(0.9) }, evaluation: { rules: accuracy(0.9), blended: accuracy(0.9) }, beatsRules: true }),
          JSON.stringify(model),
        ],
      );
      await client.query('COMMIT');
      version = rows[0].version;
    } finally {
      client.release();
    }
  });
  afterAll(async () => {
    await a?.http().put('/api/reason-models/active').set('Authorization', managerA).send({ version: null });
    await a?.close();
    await b?.close();
  });

  const suggestOnB = async (text: string) =>
    (await b.http().get(`/api/churn-reasons/suggest?text=${encodeURIComponent(text)}`).set('Authorization', operatorB).expect(200)).body as {
      code: string;
      source: string;
    }[];

  it('a suggestion asks the database nothing about the model or the classifier version once they are known', async () => {
    await suggestOnB('інтернет постійно зникає');
    const db = b.app.get(DataSource);
    const spy = jest.spyOn(db, 'query');
    try {
      for (let i = 0; i < 5; i++) expect((await suggestOnB('інтернет постійно зникає'))[0].code).toBe('network_outages');
      const asked = spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => /reason_model|classifier_version/.test(sql));
      expect(asked).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a version switched on in one process is used by another at once, and switched off again', async () => {
    // Process b has the table alone (or another spec's version) in memory: the local word means nothing to it.
    expect((await suggestOnB(`йдемо в ${WORD}`))[0].code).not.toBe('competitor_cheaper');

    await a.http().put('/api/reason-models/active').set('Authorization', managerA).send({ version }).expect(200);
    const on = await until(() => suggestOnB(`йдемо в ${WORD}`), (s) => s[0].code === 'competitor_cheaper');
    expect(on[0]).toMatchObject({ code: 'competitor_cheaper', source: 'learned' });

    await a.http().put('/api/reason-models/active').set('Authorization', managerA).send({ version: null }).expect(200);
    const off = await until(() => suggestOnB(`йдемо в ${WORD}`), (s) => s[0].code !== 'competitor_cheaper');
    expect(off[0].code).not.toBe('competitor_cheaper');
  });
});
