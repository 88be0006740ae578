import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openApiDocumentWithoutServer } from '@retention/api-app';
import { freshSubscribers, lintWithRedocly, startApi, TestApi } from '@retention/test-support';

/**
 * The typed client (libs/api-client) is generated from the OpenAPI document: it must be the document's
 * current state (so neither drifts from the code), built the same way without a server as the server
 * serves it, and it must work against the real API.
 */
describe('typed API client (@retention/api-client)', () => {
  let api: TestApi;
  let served: unknown;

  beforeAll(async () => {
    api = await startApi();
    served = (await api.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => api.close());

  it('is generated from the document the API serves now (npm run api-client when it is not)', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '../../tools/api-client.mjs'), '--check'], { input: JSON.stringify(served), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stdout || run.stderr);
    expect(run.stdout).toContain('matches');
  });

  it('the document `npm run api-client` builds without a database is the one the server serves', async () => {
    expect(JSON.parse(JSON.stringify(await openApiDocumentWithoutServer()))).toEqual(served);
  });

  it('signs in, finds a subscriber, opens the card, creates and reads a request, typed end to end; the answers fit the documented schemas', async () => {
    const anonymous = await api.client();
    const login = await anonymous.POST('/api/auth/login', { body: { username: 'operator', password: 'operator' } });
    expect(login.response.status).toBe(200);
    const client = await api.client({ token: login.data?.accessToken ?? '' });

    const [s] = await freshSubscribers(api.pool, 1);
    const found = await client.GET('/api/subscribers', { params: { query: { search: s.accountNumber, limit: 5 } } });
    expect(found.response.status).toBe(200);
    expect(found.data?.items[0].id).toBe(s.id);

    const card = await client.GET('/api/subscribers/{id}', { params: { path: { id: s.id } } });
    expect(card.response.status).toBe(200);
    expect(card.data).toMatchObject({ id: s.id, accountNumber: s.accountNumber });

    const created = await client.POST('/api/disconnect-requests', { body: { accountNumber: s.accountNumber, services: [], channel: 'phone' } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ subscriberId: s.id, status: 'new' });
    const read = await client.GET('/api/disconnect-requests/{id}', { params: { path: { id: created.data?.id ?? '' } } });
    expect(read.data?.events?.length).toBeGreaterThan(0);

    // The real answers as the documented examples: the linter validates them against their schemas (no
    // property missing, none undeclared, every type and enum as documented).
    const doc = structuredClone(served) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: unknown }> }> }>> };
    const answers: [string, string, string, unknown][] = [
      ['/api/auth/login', 'post', '200', login.data],
      ['/api/subscribers', 'get', '200', found.data],
      ['/api/subscribers/{id}', 'get', '200', card.data],
      ['/api/disconnect-requests', 'post', '201', created.data],
      ['/api/disconnect-requests/{id}', 'get', '200', read.data],
    ];
    for (const [path, method, status, body] of answers) doc.paths[path][method].responses[status].content['application/json'].example = body;
    expect(lintWithRedocly(doc)).toEqual([]);
  });

  it('gives the one error shape, typed, for bad input and for a missing token', async () => {
    const client = await api.client({ user: 'operator' });
    const bad = await client.GET('/api/subscribers', { params: { query: { limit: 100_000 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ statusCode: 400, error: 'validation_failed', fields: [{ field: 'limit' }] });
    const anonymous = await api.client();
    const refused = await anonymous.GET('/api/subscribers/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(refused.error).toMatchObject({ statusCode: 401, error: 'unauthorized' });
    expect(typeof refused.error?.requestId).toBe('string');
  });
});
