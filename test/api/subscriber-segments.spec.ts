import { ownRegion, startApi, TestApi } from '@retention/test-support';

/** Staff record and correct a subscriber's temperament and activity segment from the card, audited. */
describe('subscriber segments', () => {
  let api: TestApi;
  let op: string;
  let subscriberId: string;

  beforeAll(async () => {
    api = await startApi();
    op = `Bearer ${await api.token('operator')}`;
    [subscriberId] = await ownRegion(api.pool, `zseg${process.pid % 100_000}`, [{ connected: '2024-01-10', subscriptions: [{ service: 'internet', fee: 30, start: '2024-01-10' }] }]);
  });
  afterAll(() => api.close());

  it('records a correction with who, when, from what and why, and answers the card with the new segment', async () => {
    const before = (await api.http().get(`/api/subscribers/${subscriberId}`).set('Authorization', op).expect(200)).body;
    expect(before).toMatchObject({ temperament: 'sanguine', activitySegment: 'active', segmentChangedBy: null, segmentChangedAt: null });

    const { body: card } = await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', op)
      .send({ temperament: 'melancholic', activitySegment: 'passive', note: ' Asked the same question three times ' }).expect(200);
    expect(card).toMatchObject({ id: subscriberId, temperament: 'melancholic', activitySegment: 'passive', segmentChangedBy: expect.any(String) });
    expect(Date.parse(card.segmentChangedAt)).toBeGreaterThan(0);
    const { rows } = await api.pool.query(
      `SELECT u.username, c.temperament_from, c.temperament_to, c.activity_from, c.activity_to, c.note
         FROM subscriber_segment_change c JOIN app_user u ON u.id = c.changed_by WHERE c.subscriber_id = $1`,
      [subscriberId],
    );
    expect(rows).toEqual([{ username: 'operator', temperament_from: 'sanguine', temperament_to: 'melancholic', activity_from: 'active', activity_to: 'passive', note: 'Asked the same question three times' }]);
    expect((await api.http().get(`/api/subscribers/${subscriberId}`).set('Authorization', op).expect(200)).body).toMatchObject({ temperament: 'melancholic', activitySegment: 'passive' });

    // The same segment again writes nothing more; a manager's correction is a second audit row.
    await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', op).send({ temperament: 'melancholic', activitySegment: 'passive' }).expect(200);
    const manager = `Bearer ${await api.token('manager')}`;
    await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', manager).send({ temperament: 'phlegmatic', activitySegment: 'passive' }).expect(200);
    const { rows: audit } = await api.pool.query(`SELECT temperament_from, temperament_to FROM subscriber_segment_change WHERE subscriber_id = $1 ORDER BY changed_at`, [subscriberId]);
    expect(audit).toEqual([{ temperament_from: 'sanguine', temperament_to: 'melancholic' }, { temperament_from: 'melancholic', temperament_to: 'phlegmatic' }]);
  });

  it('refuses an unknown segment or a long note naming the field, changing nothing; an unknown subscriber is a 404', async () => {
    const bad = await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', op).send({ temperament: 'grumpy', activitySegment: 'passive' }).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, fields: [{ field: 'temperament', problems: [expect.stringMatching(/choleric, sanguine, melancholic, phlegmatic/)] }] });
    const long = await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', op).send({ temperament: 'choleric', activitySegment: 'active', note: 'x'.repeat(501) }).expect(400);
    expect(long.body.fields[0].field).toBe('note');
    const card = (await api.http().get(`/api/subscribers/${subscriberId}`).set('Authorization', op).expect(200)).body;
    expect(card.temperament).not.toBe('choleric');
    await api.http().put('/api/subscribers/00000000-0000-4000-8000-000000000000/segment').set('Authorization', op).send({ temperament: 'choleric', activitySegment: 'active' }).expect(404);
    await api.http().put(`/api/subscribers/${subscriberId}/segment`).set('Authorization', `Bearer ${await api.token('executive')}`).send({ temperament: 'choleric', activitySegment: 'active' }).expect(403);
  });
});
