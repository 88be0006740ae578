import type { ReasonModelView } from '@retention/contracts';
import { ReasonLearningService } from '@retention/api-classifier';
import { DEFAULT_CHURN_REASONS, REASON_FEATURE_SET, seedExamples, trainReasonModel } from '@retention/domain';
import { oneReasonModelSpecAtATime, plantReasonModel, REASON_MODEL_SPEC_WAIT_MS, startApi, TestApi, until } from '@retention/test-support';

/**
 * Word stems come from @orama/stemmers since feature set 2 (docs/methodology.md, "Reason suggestions"): a version
 * trained before on the hand-written stems cannot be switched on (its figures were measured on other stems), and an
 * upgrade trains a version on the current features when the newest trained one is older.
 */
const FAST = { JOB_POLL_SECONDS: '0.5' };

describe('reason model versions trained on older features', () => {
  let api: TestApi;
  let manager: string;
  let stale: number;
  let turn: { release: () => Promise<void> } | undefined;

  beforeAll(async () => {
    turn = await oneReasonModelSpecAtATime();
    api = await startApi(FAST);
    manager = `Bearer ${await api.token('manager')}`;
    // A version as one stored before the upgrade: no feature set recorded (the hand-written stems), beating the table.
    const { features, ...old } = trainReasonModel(seedExamples(DEFAULT_CHURN_REASONS), DEFAULT_CHURN_REASONS.map((r) => r.code));
    expect(features).toBe(REASON_FEATURE_SET);
    stale = await plantReasonModel(api.pool, old);
  }, REASON_MODEL_SPEC_WAIT_MS);
  afterAll(async () => {
    await api?.close();
    await turn?.release();
  });

  it('refuses to switch on a version trained on the old stems', async () => {
    const { body } = await api.http().put('/api/reason-models/active').set('Authorization', manager).send({ version: stale }).expect(409);
    expect(body.message).toMatch(/older set of word stems/);
    const { body: list } = await api.http().get('/api/reason-models').set('Authorization', manager).expect(200);
    expect(list.find((m: ReasonModelView) => m.version === stale).active).toBe(false);
  });

  it('trains a version on the current features when the newest trained one is older, and then no more', async () => {
    const pending = (await api.pool.query(`SELECT version FROM reason_model WHERE status IN ('queued', 'training')`)).rows;
    await api.app.get(ReasonLearningService).trainIfFeaturesChanged();
    const newer = await until(
      async () => (await api.pool.query(
        `SELECT version, status, cause, (model->>'features')::int AS features FROM reason_model WHERE version > $1 ORDER BY version`, [stale])).rows,
      (rows) => rows.some((r) => r.status === 'ready'),
    );
    // The upgrade's own training, unless another spec's training was already pending (a request then is that one).
    if (pending.length === 0) expect(newer[0].cause).toBe('upgrade');
    const ready = newer.find((r) => r.status === 'ready');
    expect(ready).toMatchObject({ features: REASON_FEATURE_SET });
    // The newest trained version has the current features now: asking again trains nothing.
    await api.app.get(ReasonLearningService).trainIfFeaturesChanged();
    const upgrades = await api.pool.query(`SELECT 1 FROM reason_model WHERE cause = 'upgrade' AND version > $1`, [ready.version]);
    expect(upgrades.rows).toEqual([]);
  });
});
