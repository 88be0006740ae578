import { DEFAULT_CHURN_REASONS, seedExamples, trainReasonModel } from '@retention/domain';
import { oneReasonModelSpecAtATime, plantReasonModel, REASON_MODEL_SPEC_WAIT_MS, startApi, TestApi, until } from '@retention/test-support';
import { DataSource } from 'typeorm';

/**
 * Each API process keeps the active reason model (and the classifier version in use) in memory, so a suggestion
 * asks the database nothing for them; a manager's switch in one process reaches every other one through the
 * PostgreSQL event bus (LISTEN/NOTIFY). Two application instances stand in for two API processes on one database.
 */
/** A local provider no table and no other spec knows. */
const WORD = `Квазарнет${process.pid % 1000}`;

describe('the active reason model across API processes', () => {
  let a: TestApi;
  let b: TestApi;
  let version: number;
  let managerA: string;
  let operatorB: string;
  let turn: { release: () => Promise<void> } | undefined;

  beforeAll(async () => {
    turn = await oneReasonModelSpecAtATime();
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
    version = await plantReasonModel(a.pool, model);
  }, REASON_MODEL_SPEC_WAIT_MS);
  afterAll(async () => {
    await a?.http().put('/api/reason-models/active').set('Authorization', managerA).send({ version: null });
    await a?.close();
    await b?.close();
    await turn?.release();
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
    const on = await until(() => suggestOnB(`йдемо в ${WORD}`), (s) => s[0].code === 'competitor_cheaper', 10_000, 50);
    expect(on[0]).toMatchObject({ code: 'competitor_cheaper', source: 'learned' });

    await a.http().put('/api/reason-models/active').set('Authorization', managerA).send({ version: null }).expect(200);
    const off = await until(() => suggestOnB(`йдемо в ${WORD}`), (s) => s[0].code !== 'competitor_cheaper', 10_000, 50);
    expect(off[0].code).not.toBe('competitor_cheaper');
  });
});
