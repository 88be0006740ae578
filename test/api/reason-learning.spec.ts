import type { ReasonModelView } from '@retention/contracts';
import { ReasonLearningService } from '@retention/api-classifier';
import { freshSubscribers, oneReasonModelSpecAtATime, REASON_MODEL_SPEC_WAIT_MS, startApi, TestApi, until } from '@retention/test-support';

/**
 * Reason suggestions learn from the operators: every resolution stores the stated words with the chosen code,
 * a manager has a new model version trained in the background, sees its accuracy, switches it on, and the
 * suggestions for the operator's local words change (docs/methodology.md, "Reason suggestions").
 */
const FAST = { JOB_POLL_SECONDS: '0.5' };
/** A local provider no table knows, in the ways operators write it down. */
const LOCAL_WORDS = [
  'уходим в Бризнет',
  'у Бризнета дешевле',
  'Бризнет предложил за 150',
  'переходять на Бризнет',
  'Бризнет, там акція',
  'в Бризнет, сосед посоветовал',
  'підключились до Бризнет',
  'Бризнет дешевше на 100',
];

describe('reason suggestions learn from resolutions', () => {
  let api: TestApi;
  let operator: string;
  let manager: string;
  let turn: { release: () => Promise<void> } | undefined;
  beforeAll(async () => {
    turn = await oneReasonModelSpecAtATime();
    api = await startApi(FAST);
    operator = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
  }, REASON_MODEL_SPEC_WAIT_MS);
  afterAll(async () => {
    await api?.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: null });
    await api?.close();
    await turn?.release();
  });

  const suggest = async (text: string) =>
    (await api.http().get(`/api/churn-reasons/suggest?text=${encodeURIComponent(text)}`).set('Authorization', operator).expect(200)).body;

  it('says why it abstains, and proposes a named competitor over plain price', async () => {
    expect(await suggest('no comment')).toEqual([
      expect.objectContaining({ code: 'other_unknown', abstained: 'refused', source: 'rules' }),
    ]);
    const [first] = await suggest('ціна висока, у Ланета дешевше');
    expect(first).toMatchObject({ code: 'competitor_cheaper', competitor: { code: null, name: 'Lanet' } });
    const { body: competitors } = await api.http().get('/api/competitors').set('Authorization', operator).expect(200);
    const [configured] = await suggest(`too expensive, going to ${competitors[0].name}`);
    expect(configured).toMatchObject({ code: 'competitor_cheaper', competitor: { code: competitors[0].code, name: competitors[0].name } });
  });

  it('stores each resolution’s words, retrains as a job, and a manager switches the version on', async () => {
    const before = await suggest('йдемо в Бризнет');
    expect(before[0]).toMatchObject({ code: 'other_unknown', abstained: expect.any(String) });

    // Forty resolutions with the local word (one in five of them is held back to measure the model).
    const subscribers = await freshSubscribers(api.pool, 40);
    const ids: string[] = [];
    for (let i = 0; i < subscribers.length; i += 8) {
      ids.push(
        ...(await Promise.all(
          subscribers.slice(i, i + 8).map(async (s, k) => {
            const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
              .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: LOCAL_WORDS[(i + k) % LOCAL_WORDS.length] })
              .expect(201);
            await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', operator).expect(200);
            await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', operator)
              .send({ outcome: 'retained', reasonCode: 'competitor_cheaper' }).expect(200);
            return req.id as string;
          }),
        )),
      );
    }
    const stored = await api.pool.query(`SELECT stated_reason, reason_code FROM reason_example WHERE request_id = ANY($1)`, [ids]);
    expect(stored.rows).toHaveLength(40);
    expect(stored.rows.every((r) => r.reason_code === 'competitor_cheaper' && r.stated_reason.includes('Бризнет'))).toBe(true);

    await api.http().post('/api/reason-models/retrain').set('Authorization', operator).expect(403);
    const { body: queued } = await api.http().post('/api/reason-models/retrain').set('Authorization', manager).expect(202);
    expect(queued).toMatchObject({ version: expect.any(Number), active: false });
    expect(['manual', 'resolutions', 'nightly', 'upgrade']).toContain(queued.cause); // or one the schedule queued just before
    expect(['queued', 'training']).toContain(queued.status);
    // A second request while it is pending is the same version, not a second job.
    const { body: again } = await api.http().post('/api/reason-models/retrain').set('Authorization', manager).expect(202);
    if (again.status !== 'ready') expect(again.version).toBe(queued.version);

    const versions: ReasonModelView[] = await until(
      async () => (await api.http().get('/api/reason-models').set('Authorization', manager).expect(200)).body,
      (list: ReasonModelView[]) => list.some((m) => m.version === queued.version && m.status !== 'queued' && m.status !== 'training'),
    );
    const trained = versions.find((m) => m.version === queued.version) as ReasonModelView;
    expect(trained).toMatchObject({
      status: 'ready',
      examples: expect.any(Number),
      heldOut: expect.any(Number),
      weight: expect.any(Number),
      heldOutAccuracy: { rules: { n: expect.any(Number), top1: expect.any(Number), top3: expect.any(Number) }, blended: expect.any(Object) },
      evaluationAccuracy: { rules: { n: expect.any(Number) }, blended: { n: expect.any(Number) } },
      beatsRules: true,
      error: null,
    });
    expect(trained.heldOutAccuracy?.blended.top1).toBeGreaterThan(trained.heldOutAccuracy?.rules.top1 ?? 1);
    // Versioned with the classifier: the version names the classifier version it was trained with (the one in use,
    // or a newer one another spec wrote meanwhile).
    const { body: classifierVersions } = await api.http().get('/api/churn-reasons/versions').set('Authorization', manager).expect(200);
    expect(classifierVersions.map((v: { version: number }) => v.version)).toContain(trained.classifierVersion);
    expect(trained.evaluationAccuracy?.rules.n).toBeGreaterThan(300);
    // A second delivery of the finished version's training job trains nothing again (the claim refuses it).
    const [version] = (await api.pool.query(`SELECT id, finished_at, model::text AS model FROM reason_model WHERE version = $1`, [trained.version])).rows;
    await api.app.get(ReasonLearningService).train(version.id);
    expect((await api.pool.query(`SELECT status, finished_at, model::text AS model FROM reason_model WHERE id = $1`, [version.id])).rows[0])
      .toEqual({ status: 'ready', finished_at: version.finished_at, model: version.model });

    // Not yet switched on: the suggestion is still the table's.
    expect((await suggest('йдемо в Бризнет'))[0].code).toBe('other_unknown');
    await api.http().put('/api/reason-models/active').set('Authorization', operator).send({ version: trained.version }).expect(403);
    const { body: after } = await api.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: trained.version }).expect(200);
    expect(after.find((m: { version: number }) => m.version === trained.version).active).toBe(true);
    expect(after.filter((m: { active: boolean }) => m.active)).toHaveLength(1);

    const learnt = await suggest('йдемо в Бризнет');
    expect(learnt[0]).toMatchObject({ code: 'competitor_cheaper', source: 'learned' });
    // What the table knows still holds.
    expect((await suggest('інтернет постійно зникає'))[0].code).toBe('network_outages');

    // Back to the table alone.
    await api.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: null }).expect(200);
    expect((await suggest('йдемо в Бризнет'))[0].code).toBe('other_unknown');
  });

  it('refuses an unknown version and bad input, naming the field', async () => {
    await api.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: 999_999 }).expect(404);
    const bad = await api.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: 'x' }).expect(400);
    expect(bad.body.fields[0].field).toBe('version');
    await api.http().put('/api/reason-models/active').set('Authorization', manager).send({}).expect(400);
  });
});
