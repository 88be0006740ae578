import { startApi, TestApi } from '@retention/test-support';

describe('churn-reason classifier', () => {
  let api: TestApi;
  let operator: string;
  let manager: string;
  beforeAll(async () => {
    api = await startApi();
    operator = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
  });
  afterAll(() => api.close());

  it('ships exactly 33 reasons with the catch-all last', async () => {
    const { body } = await api.http().get('/api/churn-reasons').set('Authorization', operator).expect(200);
    expect(body).toHaveLength(33);
    for (const r of body) {
      expect(r).toMatchObject({ code: expect.any(String), title: expect.any(String), group: expect.any(String), managed: expect.any(Boolean), impliesCompetitor: expect.any(Boolean), threshold: expect.any(Number) });
    }
    expect(body[32].code).toBe('other_unknown');
    expect(body.some((r: { managed: boolean }) => !r.managed)).toBe(true);
    const ru = await api.http().get('/api/churn-reasons?lang=ru').set('Authorization', operator).expect(200);
    expect(ru.body[0].title).not.toBe(body[0].title);
  });

  it('suggests codes from the subscriber’s words in three languages, best first', async () => {
    const cases: [string, string][] = [
      ['Your competitor offers 500 Mbit for less money', 'competitor'],
      ['переезжаю в другой город', 'relocation'],
      ['інтернет постійно зникає', 'technical'],
    ];
    for (const [text, group] of cases) {
      const { body } = await api.http().get(`/api/churn-reasons/suggest?text=${encodeURIComponent(text)}`).set('Authorization', operator).expect(200);
      expect(body.length).toBeGreaterThan(0);
      expect(body[0]).toMatchObject({ code: expect.any(String), score: expect.any(Number) });
      const { body: reason } = await api.http().get(`/api/churn-reasons/${body[0].code}`).set('Authorization', operator).expect(200);
      expect([group, 'quality']).toContain(reason.group);
      for (let i = 1; i < body.length; i++) expect(body[i - 1].score).toBeGreaterThanOrEqual(body[i].score);
    }
    const none = await api.http().get('/api/churn-reasons/suggest?text=qwzx%20plmk').set('Authorization', operator).expect(200);
    expect(none.body.map((s: { code: string }) => s.code)).toEqual(['other_unknown']);
    await api.http().get('/api/churn-reasons/suggest').set('Authorization', operator).expect(400);
  });

  it('a manager edits a threshold: a new version, past requests keep theirs', async () => {
    const before = await api.http().get('/api/churn-reasons/versions').set('Authorization', manager).expect(200);
    const updated = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager)
      .send({ threshold: 0.0042, note: 'Tighter norm after the tariff review' }).expect(200);
    expect(updated.body.threshold).toBeCloseTo(0.0042, 6);
    expect(updated.body.version).toBe(before.body[0].version + 1);
    const after = await api.http().get('/api/churn-reasons/versions').set('Authorization', manager).expect(200);
    expect(after.body[0]).toMatchObject({ version: before.body[0].version + 1, note: 'Tighter norm after the tariff review', createdBy: expect.any(String) });
    const old = await api.http().get(`/api/churn-reasons?version=${before.body[0].version}`).set('Authorization', manager).expect(200);
    expect(old.body.find((r: { code: string }) => r.code === 'price_increase').threshold).not.toBeCloseTo(0.0042, 6);
    await api.http().put('/api/churn-reasons/price_increase').set('Authorization', operator).send({ threshold: 0.5 }).expect(403);
    const bad = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager).send({ threshold: 2 }).expect(400);
    expect(bad.body.fields[0].field).toBe('threshold');
  });

  it('two managers editing at once both get their own version', async () => {
    const results = await Promise.all([
      api.http().put('/api/churn-reasons/slow_speed').set('Authorization', manager).send({ threshold: 0.001 }),
      api.http().put('/api/churn-reasons/slow_speed').set('Authorization', manager).send({ threshold: 0.0011 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(results.map((r) => r.body.version)).size).toBe(2);
  });

  it('lists the offer catalogue and lets a manager change an offer', async () => {
    const { body } = await api.http().get('/api/offers').set('Authorization', operator).expect(200);
    expect(body.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['pause', 'discount_10_3m', 'technician_visit', 'service_move']));
    const changed = await api.http().put('/api/offers/technician_visit').set('Authorization', manager).send({ oneOffCost: 400 }).expect(200);
    expect(changed.body.oneOffCost).toBe(400);
  });
});
