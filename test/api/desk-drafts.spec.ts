import { freshSubscribers, startApi, TestApi } from '@retention/test-support';

/** The desk's drafts: an operator's unsent work on a claimed request, kept on the server for its owner only. */
describe('desk drafts', () => {
  let api: TestApi;
  let op1: string;
  let op2: string;

  beforeAll(async () => {
    api = await startApi();
    op1 = `Bearer ${await api.token('operator')}`;
    const admin = `Bearer ${await api.token('admin')}`;
    await api.http().post('/api/users').set('Authorization', admin)
      .send({ username: 'drafter2', password: 'drafter-pass-2', role: 'operator', displayName: 'Drafter Two' });
    op2 = `Bearer ${(await api.http().post('/api/auth/login').send({ username: 'drafter2', password: 'drafter-pass-2' })).body.accessToken}`;
  });
  afterAll(() => api.close());

  const draft = {
    statedText: 'FastNet is cheaper, I am switching',
    reasonCode: 'price_increase',
    outcome: 'retained_with_offer',
    offerCode: null,
    destination: null,
    competitorId: null,
    effectiveDate: null,
    keptServices: [],
    note: 'call back after 18:00',
  };

  async function newRequest(): Promise<string> {
    const [s] = await freshSubscribers(api.pool, 1);
    const { body } = await api.http().post('/api/disconnect-requests').set('Authorization', op1)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: 'Too expensive' }).expect(201);
    return body.id;
  }

  it('keeps the claimed request’s draft for its owner, replaces it, and the resolve step removes it', async () => {
    const id = await newRequest();
    const url = `/api/disconnect-requests/${id}/draft`;
    // Nothing yet; and nothing may be kept before the request is claimed.
    expect((await api.http().get(url).set('Authorization', op1).expect(200)).body).toEqual({ requestId: id, draft: null, updatedAt: null });
    const early = await api.http().put(url).set('Authorization', op1).send(draft).expect(409);
    expect(early.body.error).toBe('not_claimed');

    await api.http().post(`/api/disconnect-requests/${id}/claim`).set('Authorization', op1).expect(200);
    const saved = await api.http().put(url).set('Authorization', op1).send(draft).expect(200);
    expect(saved.body).toEqual({ requestId: id, draft, updatedAt: expect.any(String) });
    const replaced = await api.http().put(url).set('Authorization', op1).send({ ...draft, statedText: 'Cheaper at FastNet', outcome: null }).expect(200);
    expect(replaced.body.draft).toMatchObject({ statedText: 'Cheaper at FastNet', outcome: null });
    // Read back, as another machine of the same operator would.
    expect((await api.http().get(url).set('Authorization', op1).expect(200)).body.draft).toEqual({ ...draft, statedText: 'Cheaper at FastNet', outcome: null });

    // Another operator neither sees it nor may write one for a request they do not hold.
    expect((await api.http().get(url).set('Authorization', op2).expect(200)).body.draft).toBeNull();
    expect((await api.http().put(url).set('Authorization', op2).send(draft).expect(409)).body.error).toBe('not_claimed');

    await api.http().post(`/api/disconnect-requests/${id}/resolve`).set('Authorization', op1)
      .send({ outcome: 'retained', reasonCode: 'price_increase' }).expect(200);
    expect((await api.http().get(url).set('Authorization', op1).expect(200)).body.draft).toBeNull();
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM request_draft WHERE request_id = $1`, [id]);
    expect(rows[0].n).toBe(0);
  });

  it('discards a draft on request; refuses a bad draft naming the field, writing nothing', async () => {
    const id = await newRequest();
    const url = `/api/disconnect-requests/${id}/draft`;
    await api.http().post(`/api/disconnect-requests/${id}/claim`).set('Authorization', op1).expect(200);
    const bad = await api.http().put(url).set('Authorization', op1).send({ ...draft, outcome: 'maybe', effectiveDate: '2026-02-30' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['effectiveDate', 'outcome']);
    expect((await api.http().get(url).set('Authorization', op1).expect(200)).body.draft).toBeNull();

    await api.http().put(url).set('Authorization', op1).send(draft).expect(200);
    await api.http().delete(url).set('Authorization', op1).expect(204);
    expect((await api.http().get(url).set('Authorization', op1).expect(200)).body.draft).toBeNull();
    await api.http().get('/api/disconnect-requests/00000000-0000-4000-8000-000000000000/draft').set('Authorization', op1).expect(404);
  });
});
