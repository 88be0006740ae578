import { Role, ROLES } from '@retention/contracts';
import { concretePath, listRoutes, openEventStream, startApi, TestApi } from '@retention/test-support';

const { Operator: O, Manager: M, Executive: E, Admin: A, SalesAgent: S } = Role;
const ALL = [O, M, E, A, S];

/** Routes that end the session of the token they are called with: they get a sign-in of their own. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

/** Server-sent event streams never end: read up to their headers (or their refusal), then closed. */
const STREAMS = new Set(['GET /api/events']);

/** Its own bearer token (METRICS_TOKEN), not a user's: every user and anonymous get a 401. */
const METRICS_TOKEN = 'matrix-metrics-token-0123456789';
/** The key billing posts with (BILLING_API_KEY): likewise no user's token opens its routes. */
const BILLING_API_KEY = 'matrix-billing-key-0123456789abcdef0123';

/**
 * Who may call what, written out by hand: the test compares it with what the server does,
 * and fails when a route exists that this table does not mention (so no route goes unchecked).
 * 'public' routes answer without a token; 'metrics-token' ones to METRICS_TOKEN only, 'billing-key' ones to
 * BILLING_API_KEY only (both checked in test/api/metrics.spec.ts and test/api/billing.spec.ts).
 */
const EXPECTED: Record<string, Role[] | 'public' | 'metrics-token' | 'billing-key'> = {
  'GET /metrics': 'metrics-token',
  'POST /api/auth/login': 'public',
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/auth/me': ALL,
  'POST /api/auth/logout': ALL,
  'GET /api/subscribers': ALL,
  'GET /api/subscribers/:id': ALL,
  'PUT /api/subscribers/:id/segment': [O, M],
  'GET /api/regions': ALL,
  'POST /api/regions': [A],
  'PUT /api/regions/:code': [A],
  'GET /api/services': ALL,
  'POST /api/services': [A],
  'PUT /api/services/:code': [A],
  'GET /api/tariffs': ALL,
  'POST /api/tariffs': [A],
  'PUT /api/tariffs/:code': [A],
  'GET /api/competitors': ALL,
  'POST /api/competitors': [A],
  'PUT /api/competitors/:code': [A],
  'POST /api/competitors/:code/tariffs': [A],
  'DELETE /api/competitors/:code/tariffs/:id': [A],
  'GET /api/churn-reasons': ALL,
  'GET /api/churn-reasons/suggest': ALL,
  'GET /api/churn-reasons/versions': ALL,
  'GET /api/churn-reasons/:code': ALL,
  'PUT /api/churn-reasons/:code': [M],
  'GET /api/reason-models': [M],
  'POST /api/reason-models/retrain': [M],
  'PUT /api/reason-models/active': [M],
  'GET /api/offers': ALL,
  'PUT /api/offers/:code': [M],
  'POST /api/disconnect-requests': [O, M],
  'GET /api/disconnect-requests': [O, M, E],
  'GET /api/disconnect-requests/:id': [O, M, E],
  'POST /api/disconnect-requests/:id/claim': [O],
  'POST /api/disconnect-requests/:id/release': [O],
  'POST /api/disconnect-requests/:id/postpone': [O],
  'POST /api/disconnect-requests/:id/resolve': [O],
  'GET /api/disconnect-requests/:id/offers': [O, M, E],
  'GET /api/disconnect-requests/:id/presentation': [O, M, E],
  'POST /api/disconnect-requests/:id/approvals': [O],
  'GET /api/disconnect-requests/:id/draft': [O],
  'PUT /api/disconnect-requests/:id/draft': [O],
  'DELETE /api/disconnect-requests/:id/draft': [O],
  'GET /api/approvals': [M],
  'GET /api/events': [O, M, E],
  'POST /api/approvals/:id/decision': [M],
  'PUT /api/churn-plans/:month': [M],
  'GET /api/churn-plans/:month': [M, E],
  'GET /api/churn-plans/:month/versions': [M, E],
  'GET /api/churn-plans/:month/draft': [M],
  'GET /api/plan-alerts': [M],
  'GET /api/reports/churn-to-competitors': [M, E],
  'GET /api/reports/churn-by-reason': [M, E],
  'GET /api/reports/plan-vs-actual': [M, E],
  'GET /api/reports/key-figures': [M, E],
  'GET /api/reports/drill': [M, E],
  'GET /api/reports/nps-by-operator': [M, E],
  'GET /api/reports/retention-economics': [M, E],
  'GET /api/reports/risk-segments': [M, E],
  'GET /api/diagnosis': [M, E],
  'GET /api/report-archive': [M, E, A],
  'POST /api/report-archive': [A],
  'GET /api/report-archive/:id': [M, E, A],
  'GET /api/report-archive/:id/file': [M, E, A],
  'GET /api/retention-costs/:month': [M, E],
  'PUT /api/retention-costs/:month': [M],
  'GET /api/reports/drill/subscribers': [M, E],
  'GET /api/hidden-churn/rules': [O, M, E],
  'PUT /api/hidden-churn/rules': [M],
  'POST /api/hidden-churn/scans': [M],
  'GET /api/hidden-churn/scans': [O, M, E],
  'GET /api/hidden-churn/scans/:id': [O, M, E],
  'GET /api/hidden-churn/cases': [O, M, E],
  'GET /api/hidden-churn/cases/:id': [O, M, E],
  'GET /api/hidden-churn/cases/:id/offers': [O],
  'GET /api/hidden-churn/cases/:id/presentation': [O],
  'POST /api/hidden-churn/cases/:id/contact': [O],
  'POST /api/hidden-churn/cases/:id/resolve': [O],
  'POST /api/hidden-churn/cases/:id/approvals': [O],
  'POST /api/hidden-churn/call-lists': [M],
  'GET /api/hidden-churn/operators': [M],
  'GET /api/hidden-churn/call-lists': [M],
  'GET /api/hidden-churn/call-lists/:id': [M],
  'GET /api/users': [A],
  'POST /api/users': [A],
  'PATCH /api/users/:id': [A],
  'GET /api/users/:id/salaries': [A],
  'PUT /api/users/:id/salaries/:month': [A],
  'POST /api/imports': [A],
  'GET /api/imports': [A],
  'GET /api/imports/mappings': [A],
  'PUT /api/imports/mappings': [A],
  'GET /api/imports/:id': [A],
  'POST /api/imports/:id/accept-reasons': [A],
  'GET /api/motivation/statements/:month': [O, M, S],
  'GET /api/motivation/statements/:month/:userId': [O, M, S],
  'GET /api/motivation/schemes/:month': [O, M, S],
  'GET /api/motivation/schemes/:month/versions': [M],
  'PUT /api/motivation/schemes/:month': [M],
  'GET /api/motivation/schemes/:month/preview': [M],
  'GET /api/motivation/workload': [M],
  'PUT /api/motivation/subscribers/:id/links': [M],
  'GET /api/motivation/satisfaction/:month': [M],
  'GET /api/motivation/satisfaction/:month/follow-up': [M],
  'POST /api/surveys': [O, M],
  'GET /api/webhooks/endpoints': [A],
  'POST /api/webhooks/endpoints': [A],
  'PATCH /api/webhooks/endpoints/:id': [A],
  'GET /api/webhooks/deliveries': [A],
  'POST /api/webhooks/deliveries/:id/replay': [A],
  'POST /api/billing/disconnections': 'billing-key',
};

describe('route × role matrix', () => {
  let api: TestApi;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    api = await startApi({ METRICS_TOKEN, BILLING_API_KEY });
    for (const role of ROLES) tokens.set(role, await api.token(role));
  });
  afterAll(() => api.close());

  it('the table names every route the server has, and nothing else', () => {
    const actual = listRoutes(api.app).map((r) => `${r.method} ${r.path}`).sort();
    expect(actual).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([route, allowed]) => {
    const [method, path] = route.split(' ');
    return [
      { route, method, path, role: 'anonymous' as const, allowed },
      ...ROLES.map((role) => ({ route, method, path, role, allowed })),
    ];
  });

  it.each(cases)('$route as $role', async ({ route, method, path, role, allowed }) => {
    let res: { status: number; body: { error?: string } };
    if (STREAMS.has(route)) {
      const stream = await openEventStream(api.app, concretePath(path), role === 'anonymous' ? undefined : tokens.get(role));
      stream.close();
      res = { status: stream.status, body: stream.body as { error?: string } };
    } else {
      const req = api.http()[method.toLowerCase() as 'get'](concretePath(path));
      if (role !== 'anonymous') req.set('Authorization', `Bearer ${ENDS_SESSION.has(route) ? await api.signIn(role) : tokens.get(role)}`);
      if (method !== 'GET' && method !== 'DELETE') req.send({});
      res = await req;
    }
    if (allowed === 'metrics-token' || allowed === 'billing-key') {
      expect(res.status).toBe(401);
    } else if (allowed === 'public') {
      expect([401, 403]).not.toContain(res.status);
    } else if (role === 'anonymous') {
      expect(res.status).toBe(401);
    } else if (allowed.includes(role)) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
  });
});
