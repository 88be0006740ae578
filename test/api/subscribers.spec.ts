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

  const accounts = (res: { body: { items: { accountNumber: string }[] } }) => res.body.items.map((i) => i.accountNumber);

  it('folds Latin and Cyrillic typing of a name alike', async () => {
    const { rows } = await api.pool.query(
      `SELECT search_fold(a) AS a, search_fold(b) AS b FROM (VALUES
         ('Сергій', 'Serhiy'), ('Сергей', 'Sergei'), ('Наталія', 'Natalia'), ('Ольга', 'Olga'), ('Юлія', 'Yulia'),
         ('Олександр', 'OLEKSANDR'), ('Поліщук', 'Polishchuk'), ('Христина', 'Khrystyna'), ('Алексей', 'Alexei'),
         ('Тетяна', 'Tetiana'), ('Марія', 'Mariia'), ('Дмитро', 'Dmytro'), ('Єгор', 'Yegor'), ('  Ivan,  Kovalenko ', 'ivan kovalenko')) v(a, b)`,
    );
    for (const r of rows) expect(r.a).toBe(r.b);
  });

  it('finds a name typed in Cyrillic, surname first, and ranks the exact name first', async () => {
    const first: Record<string, string> = {
      Olena: 'Олена', Iryna: 'Ірина', Natalia: 'Наталія', Oksana: 'Оксана', Tetiana: 'Тетяна', Yulia: 'Юлія', Olga: 'Ольга',
      Oleksandr: 'Олександр', Andriy: 'Андрій', Dmytro: 'Дмитро', Serhiy: 'Сергій', Ivan: 'Іван', Mykola: 'Микола', Sergei: 'Сергей',
    };
    const last: Record<string, string> = {
      Kovalenko: 'Коваленко', Shevchenko: 'Шевченко', Bondarenko: 'Бондаренко', Tkachenko: 'Ткаченко', Kravchenko: 'Кравченко',
      Melnyk: 'Мельник', Boiko: 'Бойко', Moroz: 'Мороз', Lysenko: 'Лисенко', Polishchuk: 'Поліщук', Petrenko: 'Петренко',
    };
    const { rows: [who] } = await api.pool.query(
      `SELECT full_name FROM subscriber WHERE split_part(full_name, ' ', 1) = ANY($1) AND split_part(full_name, ' ', 2) = ANY($2)
        ORDER BY full_name LIMIT 1`,
      [Object.keys(first), Object.keys(last)],
    );
    const [f, l] = who.full_name.split(' ');
    const { rows } = await api.pool.query(`SELECT account_number FROM subscriber WHERE full_name = $1 ORDER BY account_number`, [who.full_name]);
    const res = await get(`/api/subscribers?search=${encodeURIComponent(`${last[l]} ${first[f]}`)}&limit=200`).expect(200);
    expect(accounts(res)).toEqual(rows.map((r) => r.account_number));
    expect(res.body.total).toBe(rows.length);
    // The surname in Latin capitals and a prefix of the first name.
    const prefix = await get(`/api/subscribers?search=${encodeURIComponent(`${l.toUpperCase()} ${f.slice(0, 3)}`)}&limit=200`).expect(200);
    expect(accounts(prefix)).toEqual(expect.arrayContaining(rows.map((r) => r.account_number)));
    for (const i of prefix.body.items) expect(i.fullName).toMatch(new RegExp(`^${f.slice(0, 3)}\\w* ${l}$`));
  });

  it('ranks a whole first name before longer names that start with it', async () => {
    const res = await get('/api/subscribers?search=ivan&limit=200').expect(200);
    const whole = res.body.items.map((i: { fullName: string }) => /(^| )Ivan( |$)/.test(i.fullName));
    expect(whole[0]).toBe(true);
    expect(whole.indexOf(false)).toBeGreaterThan(0);
    expect(whole.slice(whole.indexOf(false)).includes(true)).toBe(false);
    // Pages follow the same order.
    const one = await get('/api/subscribers?search=ivan&limit=3').expect(200);
    const two = await get('/api/subscribers?search=ivan&limit=3&offset=3').expect(200);
    expect([...accounts(one), ...accounts(two)]).toEqual(accounts(res).slice(0, 6));
    expect(two.body.total).toBe(res.body.total);
  });

  it('finds a phone typed in any format', async () => {
    const { rows } = await api.pool.query(`SELECT account_number, phone FROM subscriber WHERE phone LIKE '+380%' ORDER BY account_number LIMIT 1`);
    const d = rows[0].phone.replace(/\D/g, ''); // 380XXYYYYYYY
    const formats = [rows[0].phone, `+38 (0${d.slice(3, 5)}) ${d.slice(5, 8)}-${d.slice(8, 10)}-${d.slice(10)}`, `0${d.slice(3)}`, d.slice(3)];
    for (const f of formats) {
      const res = await get(`/api/subscribers?search=${encodeURIComponent(f)}`).expect(200);
      expect(accounts(res)).toContain(rows[0].account_number);
    }
  });

  it('keeps the terms in step with a changed name, in the writing transaction', async () => {
    const { rows } = await api.pool.query(`SELECT id, account_number, full_name FROM subscriber ORDER BY account_number DESC LIMIT 1`);
    const s = rows[0];
    await api.pool.query(`UPDATE subscriber SET full_name = 'Zoriana Kvitchenko' WHERE id = $1`, [s.id]);
    try {
      const res = await get(`/api/subscribers?search=${encodeURIComponent('Квітченко')}`).expect(200);
      expect(accounts(res)).toEqual([s.account_number]);
      const old = await get(`/api/subscribers?search=${encodeURIComponent(s.full_name)}&limit=200`).expect(200);
      expect(accounts(old)).not.toContain(s.account_number);
    } finally {
      await api.pool.query(`UPDATE subscriber SET full_name = $2 WHERE id = $1`, [s.id, s.full_name]);
    }
    const back = await get(`/api/subscribers?search=${encodeURIComponent(s.full_name)}&limit=200`).expect(200);
    expect(accounts(back)).toContain(s.account_number);
    const { rows: drift } = await api.pool.query(
      `SELECT count(*)::int AS n FROM (
         SELECT t, account_number FROM subscriber, unnest(subscriber_search_terms(account_number, full_name, phone, address)) t
         EXCEPT SELECT term, account_number FROM subscriber_search_term) d`,
    );
    expect(drift[0].n).toBe(0);
  });

  it('keeps the terms of a statement that renames one subscriber and changes only the balance of another', async () => {
    // The trigger works on the rows whose searched fields changed: the renamed one's terms are replaced, the other's stay.
    const { rows } = await api.pool.query(
      `SELECT id, account_number, full_name, balance FROM subscriber ORDER BY account_number DESC LIMIT 2 OFFSET 3`,
    );
    const [renamed, other] = rows;
    const termsOf = async (account: string) =>
      (await api.pool.query(`SELECT term FROM subscriber_search_term WHERE account_number = $1 ORDER BY term`, [account])).rows.map((r) => r.term);
    const otherBefore = await termsOf(other.account_number);
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE subscriber SET full_name = CASE WHEN id = $1 THEN 'Yaryna Zhovtoverkh' ELSE full_name END, balance = balance + 1 WHERE id IN ($1, $2)`,
        [renamed.id, other.id],
      );
      const { rows: found } = await client.query(
        `SELECT account_number FROM subscriber_search_term WHERE term LIKE search_fold('Жовтоверх') || '%'`,
      );
      expect(found.map((r) => r.account_number)).toEqual([renamed.account_number]);
      const { rows: old } = await client.query(
        `SELECT count(*)::int AS n FROM subscriber_search_term WHERE account_number = $1 AND term = search_fold($2)`,
        [renamed.account_number, renamed.full_name],
      );
      expect(old[0].n).toBe(0);
      const { rows: kept } = await client.query(`SELECT term FROM subscriber_search_term WHERE account_number = $1 ORDER BY term`, [other.account_number]);
      expect(kept.map((r) => r.term)).toEqual(otherBefore);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await termsOf(other.account_number)).toEqual(otherBefore);
  });

  it('holds exactly the terms of the per-row definition the set-based statement replaced (also for Cyrillic, odd phones and addresses)', async () => {
    const client = await api.pool.connect();
    try {
      // The definition the migration had before its backfill became one set-based statement (kept here as the reference).
      await client.query(`
        CREATE FUNCTION pg_temp.reference_terms(account text, full_name text, phone text, address text) RETURNS text[] LANGUAGE sql AS $f$
          WITH name AS (SELECT regexp_split_to_array(search_fold(full_name), ' ') AS w),
               part AS (SELECT regexp_split_to_array(search_fold(p), ' ') AS w
                          FROM unnest(string_to_array(address, ',')) p WHERE search_fold(p) <> '')
          SELECT array(SELECT DISTINCT x FROM (
            SELECT search_fold(account) AS x
            UNION ALL SELECT regexp_replace(account, '[^0-9]', '', 'g')
            UNION ALL SELECT '#' || reverse(regexp_replace(phone, '[^0-9]', '', 'g'))
            UNION ALL SELECT array_to_string(w[i:] || w[:i - 1], ' ') FROM name, generate_subscripts(w, 1) i
            UNION ALL SELECT array_to_string(w[i:], ' ') FROM part, generate_subscripts(w, 1) i WHERE w[i] !~ '^[0-9]+$'
            UNION ALL SELECT search_fold(address)
          ) t WHERE x NOT IN ('', '#'))
        $f$`);
      await client.query('BEGIN');
      // Odd rows of our own, inserted (the insert trigger writes their terms) and rolled back afterwards.
      await client.query(`
        INSERT INTO subscriber (account_number, full_name, phone, address, region_id, connected_on, contract_type, status, temperament, activity_segment)
        SELECT 'TERMS-' || n, v.name, v.phone, v.address, (SELECT id FROM region ORDER BY code LIMIT 1), app_today(), 'month_to_month', 'active', 'sanguine', 'active'
          FROM (VALUES (1, 'Сергій  Ющенко-Квітка', '+38 (067) 123-45-67', 'вул. Хрещатик 1, кв. 5, Київ'),
                       (2, 'ИЛЬЯ ёлкин', '', ',, ,Iela  12,'),
                       (3, 'O''Neil   Xiao', '+7 912 000 00 00', '12, 14, Kyiv'),
                       -- The whole address's term is its parts' folds joined: runs of i, "ie", kh and x at a comma.
                       (4, 'Їжак Хома', '', 'ii,ie Kh,х-к; №5_x, іїй,  ,Yiv,i')) v(n, name, phone, address)`);
      const { rows } = await client.query(`
        WITH reference AS (SELECT t AS term, account_number FROM subscriber, unnest(pg_temp.reference_terms(account_number, full_name, phone, address)) t)
        SELECT (SELECT count(*) FROM (SELECT * FROM reference EXCEPT SELECT term, account_number FROM subscriber_search_term) a)::int AS missing,
               (SELECT count(*) FROM (SELECT term, account_number FROM subscriber_search_term EXCEPT SELECT * FROM reference) b)::int AS extra,
               (SELECT count(*) FROM subscriber_search_term WHERE account_number LIKE 'TERMS-%')::int AS planted`);
      expect(rows[0]).toEqual({ missing: 0, extra: 0, planted: expect.any(Number) });
      expect(rows[0].planted).toBeGreaterThan(10);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
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
