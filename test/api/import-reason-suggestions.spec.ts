import { addDays } from '@retention/domain';
import { startApi, TestApi, TEST_TODAY } from '@retention/test-support';

/**
 * An import's stated reasons without a code are suggested as the desk suggests them (docs/methodology.md, "Reason
 * suggestions"): with the operator's configured competitors and the reason model switched on, not the synonym table
 * alone. A configured local competitor named beside "too expensive" makes it the cheaper competitor offer, as on the
 * desk; by the table alone it would be plain "price too high", and accepting the suggestions would write that.
 */
const P = `R${process.pid % 100000}`;
// A competitor name of letters only, its own per run (shared database): "Zor" + the pid spelt in letters + "net".
const NAME = `Zor${String(process.pid).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}net`;
const acct = `${P}-001`;
const day = (n: number) => addDays(TEST_TODAY, -n);

describe('stated reasons of an import are suggested as on the desk', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;
  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
    operator = `Bearer ${await api.token('operator')}`;
  });
  afterAll(() => api?.close());

  const send = (kind: string, body: string, query = '') =>
    api.http().post(`/api/imports?kind=${kind}${query}`).set('Authorization', admin).set('Content-Type', 'text/csv').send(body);

  it('a configured competitor named in the stated reason makes the import suggest the competitor reason, as the desk does', async () => {
    const stated = `going to ${NAME}, you are too expensive`;
    const table = (await api.http().get(`/api/churn-reasons/suggest?text=${encodeURIComponent(stated)}`).set('Authorization', operator).expect(200)).body;
    expect(table[0].code).toBe('price_too_high'); // nobody has configured the name yet

    await api.http().post('/api/competitors').set('Authorization', admin).send({ code: NAME.toLowerCase(), name: NAME }).expect(201);
    await send('subscribers', ['account_number,full_name,region,connected_on,contract_type,status', `${acct},Leaver ${P},east,${day(700)},12m,active`].join('\n')).expect(201);
    await send('subscriptions', ['account_number,service,tariff,monthly_fee,started_on,ended_on', `${acct},internet,internet_start_100,250,${day(700)},`].join('\n')).expect(201);
    const file = ['account_number,stated_reason,services,disconnected_on', `${acct},"${stated}",internet,${day(5)}`].join('\n');
    const dry = await send('disconnections', file, '&dryRun=true').expect(201);
    expect(dry.body.reasons).toEqual([{ statedReason: stated, rows: 1, suggestion: expect.objectContaining({ code: 'competitor_cheaper' }) }]);

  });
});
