import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ReasonModelView } from '@retention/contracts';
import { oneReasonModelSpecAtATime, REASON_MODEL_SPEC_WAIT_MS, startApi, TestApi } from '@retention/test-support';

/**
 * A retrain runs in the API process (the job queue's worker) without holding its event loop: the training and its
 * measuring work in slices and yield between them, so requests arriving meanwhile are answered
 * (docs/methodology.md, "Reason suggestions"; libs/api/classifier, reason-learning.service).
 */
describe('reason model training and the event loop', () => {
  let api: TestApi;
  let manager: string;
  let turn: { release: () => Promise<void> } | undefined;
  beforeAll(async () => {
    turn = await oneReasonModelSpecAtATime();
    api = await startApi({ JOB_POLL_SECONDS: '0.5' });
    manager = `Bearer ${await api.token('manager')}`;
  }, REASON_MODEL_SPEC_WAIT_MS);
  afterAll(async () => {
    await api?.close();
    await turn?.release();
  });

  it('the API answers while a retrain runs', async () => {
    // The API runs in this process: the event loop's delay measured here is the API's, from the request for a
    // training until the version is ready (the queue's polling, the reading, the training and its measuring).
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const { body: queued } = await api.http().post('/api/reason-models/retrain').set('Authorization', manager).expect(202);
    let model: ReasonModelView | undefined;
    let sawTraining = false;
    let answered = 0;
    const end = Date.now() + 150_000;
    while (Date.now() < end) {
      const list: ReasonModelView[] = (await api.http().get('/api/reason-models').set('Authorization', manager).expect(200)).body;
      model = list.find((m) => m.version === queued.version);
      if (model?.status === 'ready' || model?.status === 'failed') break;
      sawTraining ||= model?.status === 'training';
      await api.http().get('/api/health/live').expect(200);
      answered++;
    }
    const elapsed = performance.now() - started;
    delay.disable();
    expect(model).toMatchObject({ status: 'ready', heldOutAccuracy: expect.any(Object), evaluationAccuracy: expect.any(Object) });
    expect(sawTraining).toBe(true);
    expect(answered).toBeGreaterThan(0);
    // No stretch of the work held the loop for a fifth of the time it took (in one piece it holds it for most).
    expect(delay.max / 1e6).toBeLessThan(elapsed / 5);
  }, 180_000);
});
