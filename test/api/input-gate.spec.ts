import { COLUMN_FIELDS, COLUMNS, toApiError } from '@retention/api-core';
import { addDays } from '@retention/domain';
import { appClock, FieldSpec, freshSubscribers, listRouteInputs, startApi, TestApi } from '@retention/test-support';
import { QueryFailedError } from 'typeorm';

/** The input gate's fixed cases (bad-input.property.spec.ts generates the rest). */
describe('input gate', () => {
  let api: TestApi;
  let op: string;
  let manager: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi();
    op = `Bearer ${await api.token('operator')}`;
    manager = `Bearer ${await api.token('manager')}`;
    admin = `Bearer ${await api.token('admin')}`;
  });
  afterAll(() => api.close());

  const errorShape = (status: number, error: string) =>
    expect.objectContaining({ statusCode: status, error, message: expect.any(String), requestId: expect.stringMatching(/\S/) });

  describe('bodies that do not parse', () => {
    it('malformed JSON is a 400 in the error shape, with the request id the caller sent', async () => {
      const res = await api.http().post('/api/regions').set('Authorization', admin).set('X-Request-Id', 'trace-42')
        .set('Content-Type', 'application/json').send('{"code": "north", "name": ');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorShape(400, 'malformed_body'));
      expect(res.body.requestId).toBe('trace-42');
      expect(res.headers['x-request-id']).toBe('trace-42');
    });

    it('a body over the limit is a 413 in the error shape with a request id', async () => {
      const res = await api.http().post('/api/regions').set('Authorization', admin).set('Content-Type', 'application/json')
        .send(JSON.stringify({ code: 'big', name: 'x'.repeat(200 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual(errorShape(413, 'payload_too_large'));
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it('JSON nested 5,000 levels deep is a 400, before anything reads it', async () => {
      const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
      const res = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager).set('Content-Type', 'application/json')
        .send(`{"typicalPhrases": ${deep}}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorShape(400, 'validation_failed'));
      expect(res.body.message).toMatch(/nested more than 32 levels/);
    });

    it('a too large sign-in form is a 413 too', async () => {
      const res = await api.http().post('/api/auth/login').type('form').send(`username=operator&password=${'x'.repeat(200 * 1024)}`);
      expect(res.status).toBe(413);
      expect(res.body).toEqual(errorShape(413, 'payload_too_large'));
    });
  });

  it('a path whose percent-escapes do not decode is a 400 before routing (the static server would have said 404)', async () => {
    const res = await api.http().get('/api/churn-reasons/%FF').set('Authorization', op);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorShape(400, 'validation_failed'));
    expect(res.body.message).toMatch(/percent-escape/);
  });

  describe('NUL characters', () => {
    it('in the sign-in form (JSON or form-encoded) are a 400 naming the field, not a 500', async () => {
      const json = await api.http().post('/api/auth/login').send({ username: 'oper\u0000ator', password: 'operator' });
      expect(json.status).toBe(400);
      expect(json.body.fields).toEqual([{ field: 'username', problems: ['username must not contain a NUL character (U+0000)'] }]);
      const form = await api.http().post('/api/auth/login').type('form').send('username=operator&password=oper%00ator');
      expect(form.status).toBe(400);
      expect(form.body.fields[0].field).toBe('password');
    });

    it('in a nested body field, a query string and a path parameter name where they are', async () => {
      const nested = await api.http().put('/api/churn-plans/2026-01').set('Authorization', manager)
        .send({ lines: [{ service: 'internet', region: 'no\u0000rth', managedMax: 1, unmanagedMax: 1, targetSaveRate: 0.1 }] });
      expect(nested.status).toBe(400);
      expect(nested.body.fields.map((f: { field: string }) => f.field)).toEqual(['lines.0.region']);
      const query = await api.http().get('/api/subscribers?search=ab%00c').set('Authorization', op);
      expect(query.status).toBe(400);
      expect(query.body.fields[0].field).toBe('search');
      const path = await api.http().get('/api/subscribers/A1%00').set('Authorization', op);
      expect(path.status).toBe(400);
      expect(path.body.fields[0].field).toBe('id');
    });
  });

  describe('plan months', () => {
    it('PUT /api/churn-plans/9999-12 is a 400 and stores nothing; the month still answers 400, not 500', async () => {
      const count = async () => (await api.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM churn_plan')).rows[0].n;
      const before = await count();
      const line = { service: 'internet', region: null, managedMax: 1, unmanagedMax: 1, targetSaveRate: 0.1 };
      for (const month of ['9999-12', '0000-01', '1899-12', '2200-01', '2026-13', '2026-1', '202611']) {
        const res = await api.http().put(`/api/churn-plans/${month}`).set('Authorization', manager).send({ lines: [line] });
        expect({ month, status: res.status }).toEqual({ month, status: 400 });
        expect(res.body.fields).toEqual([{ field: 'month', problems: ['month must be a month YYYY-MM from 1900-01 to 2199-12'] }]);
      }
      expect(await count()).toBe(before);
      const stored = await api.pool.query(`SELECT 1 FROM churn_plan WHERE month >= '2200-01-01' OR month < '1900-01-01'`);
      expect(stored.rows).toEqual([]);
      for (const path of ['/api/churn-plans/9999-12', '/api/churn-plans/9999-12/versions', '/api/churn-plans/9999-12/draft']) {
        expect((await api.http().get(path).set('Authorization', manager)).status).toBe(400);
      }
    });

    it('the last month a client may name works to the end: set, read, versions', async () => {
      const line = { service: 'internet', region: null, managedMax: 3, unmanagedMax: 1, targetSaveRate: 0.2 };
      await api.http().put('/api/churn-plans/2199-12').set('Authorization', manager).send({ lines: [line] }).expect(200);
      const { body } = await api.http().get('/api/churn-plans/2199-12?asOf=2199-12-31').set('Authorization', manager).expect(200);
      expect(body.lines[0]).toMatchObject(line);
      await api.http().get('/api/churn-plans/2199-12/versions').set('Authorization', manager).expect(200);
    });

    it.each(['2026-02-30', '2026-W48-1', '2026-330', '20261126', '0000-01-01', '9999-12-31'])('asOf=%s is a 400 naming asOf', async (asOf) => {
      const res = await api.http().get(`/api/churn-plans/2026-11?asOf=${asOf}`).set('Authorization', manager);
      expect(res.status).toBe(400);
      expect(res.body.fields[0].field).toBe('asOf');
    });

    it.each([
      ['0000-01', '0000-02', ['from', 'to']],
      ['9999-11', '9999-12', ['from', 'to']],
      ['2026-00', '2026-01', ['from']],
      ['2026-01', '2026-1', ['to']],
    ])('a report from %s to %s is a 400 naming %j', async (from, to, named) => {
      const res = await api.http().get(`/api/reports/key-figures?from=${from}&to=${to}`).set('Authorization', manager);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(named);
    });

    it('a report over the first months a client may name answers (its previous period lies before them)', async () => {
      await api.http().get('/api/reports/key-figures?from=1900-01&to=1900-12').set('Authorization', manager).expect(200);
    });
  });

  describe('disconnection dates', () => {
    async function claimedRequest() {
      const [s] = await freshSubscribers(api.pool, 1);
      const { body } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: s.accountNumber, services: s.services.slice(0, 1), channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${body.id}/claim`).set('Authorization', op).expect(200);
      return body.id as string;
    }

    it('a disconnection dated 9999-12-31 or more than 365 days ahead is refused, and nothing is written', async () => {
      const id = await claimedRequest();
      const today = appClock().today();
      const far = await api.http().post(`/api/disconnect-requests/${id}/resolve`).set('Authorization', op)
        .send({ outcome: 'disconnected', reasonCode: 'price_increase', effectiveDate: '9999-12-31' });
      expect(far.status).toBe(400);
      expect(far.body.fields[0].field).toBe('effectiveDate');
      const late = await api.http().post(`/api/disconnect-requests/${id}/resolve`).set('Authorization', op)
        .send({ outcome: 'disconnected', reasonCode: 'price_increase', effectiveDate: addDays(today, 366) });
      expect(late.status).toBe(400);
      expect(late.body.fields).toEqual([
        { field: 'effectiveDate', problems: [`must be within 365 days from today (${today} to ${addDays(today, 365)})`] },
      ]);
      const { rows } = await api.pool.query(
        `SELECT d.status, (SELECT count(*)::int FROM churn_fact f WHERE f.request_id = d.id) AS facts FROM disconnect_request d WHERE d.id = $1`,
        [id],
      );
      expect(rows).toEqual([{ status: 'in_progress', facts: 0 }]);
      const last = await api.http().post(`/api/disconnect-requests/${id}/resolve`).set('Authorization', op)
        .send({ outcome: 'disconnected', reasonCode: 'price_increase', effectiveDate: addDays(today, 365) });
      expect(last.status).toBe(200);
      expect(last.body.effectiveDate).toBe(addDays(today, 365));
    });

    it.each(['2026-W48-1T10:00:00Z', '2026-11-30T24:00:00Z', '2026-11-30T10:00:00', '20261130T100000Z', '9999-12-31T00:00:00Z'])(
      'a call-back at %s is a 400 naming callbackAt',
      async (callbackAt) => {
        const id = await claimedRequest();
        const res = await api.http().post(`/api/disconnect-requests/${id}/postpone`).set('Authorization', op).send({ callbackAt });
        expect(res.status).toBe(400);
        expect(res.body.fields[0].field).toBe('callbackAt');
      },
    );
  });

  describe('a classifier PUT that changes nothing', () => {
    const versions = async () => (await api.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM classifier_version')).rows[0].n;

    it('answers 200 with the reason as it is and creates no version; a real change does', async () => {
      const before = await versions();
      const { body: reason } = await api.http().get('/api/churn-reasons/price_increase').set('Authorization', manager).expect(200);
      const empty = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager).send({}).expect(200);
      expect(empty.body).toEqual(reason);
      const same = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager)
        .send({ threshold: reason.threshold, managed: reason.managed, titles: reason.titles, note: 'no change really' }).expect(200);
      expect(same.body.version).toBe(reason.version);
      expect(await versions()).toBe(before);
      const changed = await api.http().put('/api/churn-reasons/price_increase').set('Authorization', manager)
        .send({ threshold: Math.round((reason.threshold + 0.0001) * 1e6) / 1e6 }).expect(200);
      expect(changed.body.version).toBe(reason.version + 1);
      expect(await versions()).toBe(before + 1);
    });
  });

  describe('lengths and ranges declared once', () => {
    it('COLUMNS says what the migrations created', async () => {
      const { rows } = await api.pool.query<{ name: string; type: string; length: number | null; precision: number | null; scale: number | null }>(
        `SELECT table_name || '.' || column_name AS name, data_type AS type, character_maximum_length AS length,
                numeric_precision AS precision, numeric_scale AS scale
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name || '.' || column_name = ANY($1)`,
        [Object.keys(COLUMNS)],
      );
      const actual = Object.fromEntries(
        rows.map((r) => [
          r.name,
          r.type === 'character varying' ? { type: r.type, length: r.length } : r.type === 'numeric' ? { type: r.type, precision: r.precision, scale: r.scale } : { type: r.type },
        ]),
      );
      expect(actual).toEqual(COLUMNS);
    });

    it('every declared column is one some input field fits', () => {
      const used = new Set(COLUMN_FIELDS.map((f) => f.column));
      expect(Object.keys(COLUMNS).filter((c) => !used.has(c as never))).toEqual([]);
    });

    it('every text and number an input takes has an upper bound (a column, a list, a format or a maximum)', () => {
      const bounded = ['maxLength', 'isIn', 'isEnum', 'isUuid', 'isMonthKey', 'isCalendarDate', 'isInstant', 'isBoolean'];
      const unbounded: string[] = [];
      const walk = (where: string, fields: FieldSpec[]) => {
        for (const f of fields) {
          if (f.nested) {
            walk(`${where}.${f.name}`, f.nested.fields);
            continue;
          }
          const names = f.constraints.map((c) => c.name);
          const isNumber = names.includes('isInt') || names.includes('isDecimal');
          const ok = isNumber ? names.includes('max') : names.some((n) => bounded.includes(n));
          if (!ok) unbounded.push(`${where}.${f.name} (${names.join(', ')})`);
        }
      };
      for (const route of listRouteInputs(api.app)) {
        const name = `${route.method} ${route.path}`;
        if (route.body) walk(`${name} body`, route.body);
        if (route.query) walk(`${name} query`, route.query);
        for (const p of route.params) if (p.spec) walk(`${name} path`, [p.spec]);
      }
      expect(unbounded).toEqual([]);
    });

    it('a data exception that gets past the validators is still the client’s 400, not a 500', () => {
      for (const code of ['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']) {
        const e = new QueryFailedError('INSERT ...', [], Object.assign(new Error('data exception'), { code }));
        expect({ code, ...toApiError(e) }).toEqual({ code, statusCode: 400, error: 'validation_failed', message: expect.any(String) });
      }
      const other = new QueryFailedError('SELECT ...', [], Object.assign(new Error('deadlock'), { code: '40P01' }));
      expect(toApiError(other).statusCode).toBe(500);
    });
  });

  it('a path id that is not a UUID is a 400 naming it', async () => {
    const res = await api.http().post('/api/disconnect-requests/not-a-uuid/claim').set('Authorization', op);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: 'id', problems: ['id must be a UUID'] }]);
  });
});
