import { freshSubscribers, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/** The API, its SQL and the tests' own sessions run on the one test clock, whatever the real date. */
describe('the test clock', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is today for SQL sessions, column defaults and the API', async () => {
    const { rows: [db] } = await api.pool.query(`SELECT app_today()::text AS today, (app_now() AT TIME ZONE 'UTC')::date::text AS now_day`);
    expect(db).toEqual({ today: TEST_TODAY, now_day: TEST_TODAY });

    const op = `Bearer ${await api.token('operator')}`;
    const [s] = await freshSubscribers(api.pool, 1);
    const { body } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber: s.accountNumber, services: [], channel: 'phone' }).expect(201);
    expect(body.createdAt.slice(0, 10)).toBe(TEST_TODAY);
  });
});
