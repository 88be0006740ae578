import { eventually, startApi, TestApi, until } from '@retention/test-support';

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

  it('resetting a password ends every earlier sign-in of the user; the new password signs in', async () => {
    const body = { username: 'reset.me', password: 'old-pass-123', role: 'operator', displayName: 'Reset Me' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    const desk = await api.signIn('reset.me', 'old-pass-123');
    const phone = await api.signIn('reset.me', 'old-pass-123');
    const me = (token: string) => api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    await me(desk).expect(200);

    await api.http().patch(`/api/users/${created.body.id}`).set('Authorization', admin).send({ password: 'new-pass-456' }).expect(200);
    await me(desk).expect(401);
    await me(phone).expect(401);
    await api.http().post('/api/auth/login').send({ username: 'reset.me', password: 'old-pass-123' }).expect(401);
    await me(await api.signIn('reset.me', 'new-pass-456')).expect(200);
    await me(admin.slice(7)).expect(200);
  });

  it('a sign-in that checked the old password while a change was committing gets no session', async () => {
    const body = { username: 'mid.change', password: 'before-pass-1', role: 'operator', displayName: 'Mid Change' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    // Another connection changes the password (as PATCH /api/users/:id does: new hash, sessions ended) and holds
    // the transaction open while the sign-in, which read the old hash, tries to open its session.
    const change = await api.pool.connect();
    try {
      await change.query('BEGIN');
      await change.query(`UPDATE app_user SET password_hash = 'changed-elsewhere' WHERE id = $1`, [created.body.id]);
      await change.query(`DELETE FROM user_session WHERE user_id = $1`, [created.body.id]);
      const signIn = api.http().post('/api/auth/login').send({ username: 'mid.change', password: 'before-pass-1' }).then((r) => r);
      await eventually(
        async () => (await api.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO user_session%'`)).rows[0].n,
        (waiting) => expect(waiting).toBe(1),
      );
      await change.query('COMMIT');
      expect((await signIn).status).toBe(401);
    } finally {
      change.release();
    }
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [created.body.id]);
    expect(rows[0].n).toBe(0);
  });

  it('an admin changing their own password ends their own sign-ins too', async () => {
    const body = { username: 'second.admin', password: 'first-pass-1', role: 'admin', displayName: 'Second Admin' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    const own = `Bearer ${await api.signIn('second.admin', 'first-pass-1')}`;
    await api.http().patch(`/api/users/${created.body.id}`).set('Authorization', own).send({ password: 'second-pass-2' }).expect(200);
    await api.http().get('/api/users').set('Authorization', own).expect(401);
    await api.http().get('/api/users').set('Authorization', `Bearer ${await api.signIn('second.admin', 'second-pass-2')}`).expect(200);
  });

  it('a role change ends the sign-ins, a new display name does not; reactivation brings no old token back', async () => {
    const body = { username: 'role.change', password: 'strong-pass-4', role: 'operator', displayName: 'Role Change' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    const patch = (change: object) => api.http().patch(`/api/users/${created.body.id}`).set('Authorization', admin).send(change).expect(200);
    const me = (token: string) => api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

    const before = await api.signIn('role.change', 'strong-pass-4');
    await patch({ displayName: 'Role Changed', role: 'operator' });
    expect((await me(before).expect(200)).body.displayName).toBe('Role Changed');
    await patch({ role: 'executive' });
    await me(before).expect(401);

    const executive = await api.signIn('role.change', 'strong-pass-4');
    expect((await me(executive).expect(200)).body.role).toBe('executive');
    await patch({ active: false });
    await patch({ active: true });
    await me(executive).expect(401);
    await me(await api.signIn('role.change', 'strong-pass-4')).expect(200);
  });

  it('a session this process keeps is dropped when PostgreSQL announces a change, whoever made it (another process, SQL)', async () => {
    const body = { username: 'kept.session', password: 'strong-pass-7', role: 'operator', displayName: 'Kept Session' };
    const created = await api.http().post('/api/users').set('Authorization', admin).send(body).expect(201);
    const token = await api.signIn('kept.session', 'strong-pass-7');
    const me = () => api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect((await me().expect(200)).body.displayName).toBe('Kept Session');

    // Written straight in the tables, as another API process or an administrator would: this process is not told
    // directly, and keeps the session for SESSION_CACHE_SECONDS (5) unless it hears of the change. Well within that:
    await api.pool.query(`UPDATE app_user SET display_name = 'Kept Renamed' WHERE id = $1`, [created.body.id]);
    const renamed = await until(async () => (await me()).body.displayName, (name) => name === 'Kept Renamed', 2_000, 20);
    expect(renamed).toBe('Kept Renamed');
    const { jti } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { jti: string };
    await api.pool.query(`DELETE FROM user_session WHERE id = $1`, [jti]);
    expect(await until(async () => (await me()).status, (status) => status === 401, 2_000, 20)).toBe(401);
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
