import { startApi, TestApi } from '@retention/test-support';

describe('users (admin)', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
  });
  afterAll(() => api.close());

  it('creates a user who can then sign in, and refuses the same name twice with 409', async () => {
    const body = { username: 'o.petrenko', password: 'strong-pass-1', role: 'operator', displayName: 'Oksana Petrenko' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    expect(created.body).toMatchObject({ username: 'o.petrenko', role: 'operator', active: true });
    expect(created.body.passwordHash).toBeUndefined();

    const stored = await api.pool.query(`SELECT password_hash FROM app_user WHERE username = 'o.petrenko'`);
    expect(stored.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);

    await api.http().post('/api/auth/login').send({ username: 'o.petrenko', password: 'strong-pass-1' }).expect(200);
    const dup = await api.http().post('/api/users').set('Authorization', admin).send({ ...body, username: 'O.Petrenko' }).expect(409);
    expect(dup.body.error).toBe('username_taken');
  });

  it('deactivates a user: the old token stops working and sign-in is refused', async () => {
    const body = { username: 'to.leave', password: 'strong-pass-2', role: 'manager', displayName: 'Leaving Soon' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    const login = await api.http().post('/api/auth/login').send({ username: 'to.leave', password: 'strong-pass-2' }).expect(200);
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);

    await api.http().patch(`/api/users/${created.body.id}`).set('Authorization', admin).send({ active: false }).expect(200);
    await api.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(401);
    await api.http().post('/api/auth/login').send({ username: 'to.leave', password: 'strong-pass-2' }).expect(401);
  });

  it('validates the new user and names each bad field', async () => {
    const res = await api.http().post('/api/users').set('Authorization', admin)
      .send({ username: 'x', password: 'short', role: 'boss', displayName: '' }).expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('two admins creating the same name at once: exactly one wins', async () => {
    const body = { username: 'race.user', password: 'strong-pass-3', role: 'executive', displayName: 'Race' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.http().post('/api/users').set('Authorization', admin).send(body)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
  });

  it('an admin cannot lock themselves out', async () => {
    const users = await api.http().get('/api/users').set('Authorization', admin).expect(200);
    const me = users.body.find((u: { username: string }) => u.username === 'admin');
    await api.http().patch(`/api/users/${me.id}`).set('Authorization', admin).send({ active: false }).expect(409);
  });
});
