import { addDays } from '@retention/domain';
import { ownRegion, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

/** Periodic telephony surveys carry the phone, not the account: the survey import finds the subscriber by phone. */
describe('Survey import by phone', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
  });
  afterAll(() => api.close());

  it('finds the subscriber by a phone in any format; an unknown or ambiguous phone, or neither column, is an error of its line and column', async () => {
    const start = addDays(TEST_TODAY, -400);
    const subs = await ownRegion(api.pool, `phones-${process.pid % 100000}`,
      Array.from({ length: 3 }, () => ({ connected: start, subscriptions: [{ service: 'internet', fee: 300, start }] })));
    // National numbers of the test's own (44 is no operator code of the demo's): one subscriber's, and one two subscribers share
    // in different formats.
    const own = `44${String(process.pid % 10_000_000).padStart(7, '0')}`;
    const shared = `44${String((process.pid + 1) % 10_000_000).padStart(7, '0')}`;
    const unknown = `44${String((process.pid + 2) % 10_000_000).padStart(7, '0')}`;
    await api.pool.query(`UPDATE subscriber SET phone = $2 WHERE id = $1`, [subs[0], `+380${own}`]);
    await api.pool.query(`UPDATE subscriber SET phone = $2 WHERE id = $1`, [subs[1], `+380 ${shared}`]);
    await api.pool.query(`UPDATE subscriber SET phone = $2 WHERE id = $1`, [subs[2], `0${shared}`]);
    const { rows: [{ account_number: account }] } = await api.pool.query(`SELECT account_number FROM subscriber WHERE id = $1`, [subs[1]]);

    const send = (csv: string) => api.http().post('/api/imports?kind=surveys').set('Authorization', admin).set('Content-Type', 'text/csv').send(csv);
    const day = addDays(TEST_TODAY, -3);
    // The first subscriber's number written as telephony exports it (another prefix and punctuation); the second by account.
    const good = ['phone,account_number,answered_on,kind,score,comment',
      `"+38 (0${own.slice(0, 2)}) ${own.slice(2, 5)}-${own.slice(5)}",,${day},nps,7,Fine`,
      `,${account},${day},csat,5,`].join('\n');
    const bad = await send([good,
      `${shared},,${day},nps,9,`,          // line 4: two subscribers have it
      `+380 ${unknown},,${day},nps,3,`,    // line 5: nobody has it
      `,,${day},nps,8,`,                   // line 6: names nobody
    ].join('\n')).expect(201);
    expect(bad.body.status).toBe('rejected');
    expect(bad.body.errors.map((e: { line: number; column: string }) => [e.line, e.column]).sort()).toEqual([[4, 'phone'], [5, 'phone'], [6, 'account_number']]);
    expect(bad.body.errors.find((e: { line: number }) => e.line === 4).message).toContain('2 subscribers');
    const answers = () => api.pool.query(
      `SELECT subscriber_id AS sub, kind, score FROM survey_answer WHERE subscriber_id = ANY ($1) ORDER BY kind`, [subs]).then((r) => r.rows);
    expect(await answers()).toEqual([]);

    expect((await send(good).expect(201)).body).toMatchObject({ status: 'completed', rowsRead: 2, rowsWritten: 2 });
    expect(await answers()).toEqual([{ sub: subs[1], kind: 'csat', score: 5 }, { sub: subs[0], kind: 'nps', score: 7 }]);
    // A second import writes nothing; the same answer imported by the account number instead of the phone is the same answer.
    expect((await send(good).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 0 });
    const { rows: [{ account_number: first }] } = await api.pool.query(`SELECT account_number FROM subscriber WHERE id = $1`, [subs[0]]);
    expect((await send(['account_number,answered_on,kind,score,comment', `${first},${day},nps,7,Fine`].join('\n')).expect(201)).body)
      .toMatchObject({ status: 'completed', rowsWritten: 0 });
  });
});
