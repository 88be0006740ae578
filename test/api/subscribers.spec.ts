import { startApi, TestApi } from '@retention/test-support';

describe('subscriber base', () => {
  let api: TestApi;
  let auth: string;
  beforeAll(async () => {
    api = await startApi();
    auth = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api.close());

  const get = (url: string) => api.http().get(url).set('Authorization', auth);

  it('finds a subscriber by account number, by name, by phone digits and by address', async () => {
    const { rows } = await api.pool.query(
      `SELECT account_number, full_name, phone, address FROM subscriber ORDER BY account_number LIMIT 1 OFFSET 17`,
    );
    const s = rows[0];
    const byAccount = await get(`/api/subscribers?search=${encodeURIComponent(s.account_number)}`).expect(200);
    expect(byAccount.body.items[0].accountNumber).toBe(s.account_number);

    const byName = await get(`/api/subscribers?search=${encodeURIComponent(s.full_name.toUpperCase())}`).expect(200);
    expect(byName.body.items.map((i: { accountNumber: string }) => i.accountNumber)).toContain(s.account_number);

    const digits = s.phone.replace(/\D/g, '').slice(-7);
    const byPhone = await get(`/api/subscribers?search=${digits}`).expect(200);
    expect(byPhone.body.items.map((i: { accountNumber: string }) => i.accountNumber)).toContain(s.account_number);

    const street = s.address.split(',')[0];
    const byAddress = await get(`/api/subscribers?search=${encodeURIComponent(street)}&limit=200`).expect(200);
    expect(byAddress.body.total).toBeGreaterThan(0);
    expect(byAddress.body.items.every((i: { address: string }) => i.address.toLowerCase().includes(street.toLowerCase()))).toBe(true);
  });

  it('pages the list with a total', async () => {
    const all = await api.pool.query(`SELECT count(*)::int AS n FROM subscriber`);
    const page = await get('/api/subscribers?limit=10&offset=20').expect(200);
    expect(page.body).toMatchObject({ total: all.rows[0].n, limit: 10, offset: 20 });
    expect(page.body.items).toHaveLength(10);
  });

  it('treats LIKE wildcards in the search as plain characters', async () => {
    const res = await get('/api/subscribers?search=%25%25%25').expect(200);
    expect(res.body.total).toBe(0);
  });

  it('rejects a bad page size, naming the field', async () => {
    const res = await get('/api/subscribers?limit=5000').expect(400);
    expect(res.body.fields[0].field).toBe('limit');
  });

  it('returns the card with subscriptions, revenue, tenure rating and history', async () => {
    const { rows } = await api.pool.query(
      `SELECT s.id, s.account_number FROM subscriber s
        WHERE s.status = 'active' AND EXISTS (SELECT 1 FROM survey_answer a WHERE a.subscriber_id = s.id AND a.kind = 'nps')
        ORDER BY s.account_number LIMIT 1`,
    );
    const card = await get(`/api/subscribers/${rows[0].id}`).expect(200);
    expect(card.body.accountNumber).toBe(rows[0].account_number);
    expect(card.body.status).toBe('active');
    expect(card.body.subscriptions.length).toBeGreaterThan(0);
    for (const sub of card.body.subscriptions) {
      expect(sub).toMatchObject({ service: expect.any(String), tariff: expect.any(String), monthlyFee: expect.any(Number) });
    }
    const running = card.body.subscriptions.filter((s: { endedAt: string | null }) => !s.endedAt);
    const fees = running.reduce((sum: number, s: { monthlyFee: number }) => sum + s.monthlyFee, 0);
    expect(card.body.monthlyRevenue).toBeCloseTo(fees, 2);
    expect(['poor', 'fair', 'good', 'excellent']).toContain(card.body.lifetimeRating);
    expect(card.body.nps).not.toBeNull();
    expect(card.body.payments.length).toBeGreaterThan(0);

    const byAccount = await get(`/api/subscribers/${rows[0].account_number}`).expect(200);
    expect(byAccount.body.id).toBe(rows[0].id);
  });

  it('answers 404 for an unknown subscriber', async () => {
    const res = await get('/api/subscribers/A0000000').expect(404);
    expect(res.body.error).toBe('not_found');
  });
});
