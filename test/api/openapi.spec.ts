import { lintWithRedocly, startApi, TestApi } from '@retention/test-support';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown; examples?: unknown }> }>;
}
interface Document {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { example?: unknown }> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/**
 * What billing and telephony call (sign in, find the caller, open the card, create and read a request, post a
 * disconnection): integrators read their answers' schemas and examples first.
 */
const INTEGRATION_OPERATIONS = [
  'POST /api/auth/login',
  'GET /api/subscribers',
  'GET /api/subscribers/{id}',
  'POST /api/disconnect-requests',
  'GET /api/disconnect-requests/{id}',
  'POST /api/billing/disconnections',
];
const ERROR_REF = '#/components/schemas/ApiError';

describe('OpenAPI document (/api/docs-json)', () => {
  let api: TestApi;
  let doc: Document;
  let operations: { key: string; op: Operation }[];

  beforeAll(async () => {
    api = await startApi();
    doc = (await api.http().get('/api/docs-json').expect(200)).body;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
  });
  afterAll(() => api.close());

  it("passes Redocly's recommended rules with no error and no warning", () => {
    expect(lintWithRedocly(doc)).toEqual([]);
  });

  it('documents every route, with a summary and an operationId each', () => {
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.filter(({ op }) => !op.summary?.trim() || !op.operationId).map(({ key }) => key);
    expect(missing).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares who may call each operation: the bearer token, or nothing for the public ones', () => {
    const publicOps = operations.filter(({ op }) => op.security?.length === 0).map(({ key }) => key);
    expect(publicOps.sort()).toEqual(['GET /api/health', 'GET /api/health/live', 'GET /api/health/ready', 'POST /api/auth/login']);
    const others = operations.filter(({ op }) => op.security?.length !== 0);
    expect(others.filter(({ op }) => JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }])).map(({ key, op }) => `${key} ${JSON.stringify(op.security)}`)).toEqual([]);
    expect(Object.keys((doc.components as { securitySchemes?: object }).securitySchemes ?? {})).toEqual(['bearer']);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('describes the error answers of every operation with the one ApiError schema and an example', () => {
    const schema = doc.components.schemas['ApiError'];
    expect(schema).toBeDefined();
    expect(schema.example).toBeDefined();
    const gaps: string[] = [];
    for (const { key, op } of operations) {
      const isPublic = op.security?.length === 0;
      const hasPathId = (op.parameters ?? []).some((p) => p.in === 'path');
      // 400 on every one: input it takes, or a body or path that does not parse (checked before routing).
      const expected = ['400', ...(isPublic ? [] : ['401', '403']), ...(hasPathId ? ['404'] : []), '503'];
      for (const status of expected) {
        const media = op.responses[status]?.content?.['application/json'];
        if (media?.schema?.$ref !== ERROR_REF) gaps.push(`${key} ${status}`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        const media = response.content?.['application/json'];
        if (media?.schema?.$ref !== ERROR_REF || (media.example === undefined && media.examples === undefined)) gaps.push(`${key} ${status} (shape or example)`);
      }
    }
    expect(gaps).toEqual([]);
    // A handler's own error answers keep their own example (sign-in: a wrong password, not "sign in first").
    const login = doc.paths['/api/auth/login']['post'].responses;
    expect(login['401'].content?.['application/json'].example).toMatchObject({ statusCode: 401, error: 'invalid_credentials' });
    expect(login['429'].content?.['application/json'].example).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
  });

  it('gives the success answers of the operations billing and telephony use a schema and an example (validated against it by the linter above)', () => {
    const gaps: string[] = [];
    for (const key of INTEGRATION_OPERATIONS) {
      const op = operations.find((o) => o.key === key)?.op;
      if (!op) {
        gaps.push(`${key} missing`);
        continue;
      }
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      if (!success.length) gaps.push(`${key} no 2xx answer`);
      for (const [status, response] of success) {
        const media = response.content?.['application/json'];
        if (!media?.schema?.$ref) gaps.push(`${key} ${status} schema`);
        if (media?.example === undefined && media?.examples === undefined) gaps.push(`${key} ${status} example`);
      }
    }
    expect(gaps).toEqual([]);
  });
});
