import { addMonths } from '@retention/domain';
import { freshSubscribers, startApi, TEST_TODAY, TestApi } from '@retention/test-support';

const MONTH = TEST_TODAY.slice(0, 7);
const NEXT = addMonths(MONTH, 1);

describe('salary history', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  let id: string;
  let operator: string;

  beforeAll(async () => {
    api = await startApi();
    admin = `Bearer ${await api.token('admin')}`;
    manager = `Bearer ${await api.token('manager')}`;
    const username = `salary.op.${process.pid}`;
    const res = await api.http().post('/api/users').set('Authorization', admin)
      .send({ username, role: 'operator', displayName: username, password: `${username}-pass`, monthlySalary: 20000 }).expect(201);
    id = res.body.id;
    operator = `Bearer ${await api.signIn(username, `${username}-pass`)}`;
  });
  afterAll(() => api.close());

  const history = async () => (await api.http().get(`/api/users/${id}/salaries`).set('Authorization', admin).expect(200)).body;
  const current = async () => (await api.http().get('/api/users').set('Authorization', admin).expect(200)).body.find((u: { id: string }) => u.id === id).monthlySalary;

  it('keeps each salary with the month it holds from: the first for all earlier months, a change from its month, one set ahead from then', async () => {
    expect(await history()).toEqual([{ month: '1900-01', monthlySalary: 20000 }]);
    await api.http().patch(`/api/users/${id}`).set('Authorization', admin).send({ monthlySalary: 24000 }).expect(200);
    expect(await history()).toEqual([{ month: MONTH, monthlySalary: 24000 }, { month: '1900-01', monthlySalary: 20000 }]);

    const ahead = await api.http().put(`/api/users/${id}/salaries/${NEXT}`).set('Authorization', admin).send({ monthlySalary: 30000 }).expect(200);
    expect(ahead.body).toEqual([{ month: NEXT, monthlySalary: 30000 }, { month: MONTH, monthlySalary: 24000 }, { month: '1900-01', monthlySalary: 20000 }]);
    // The current salary is this month's, not the one set ahead.
    expect(await current()).toBe(24000);
    await api.http().put(`/api/users/${id}/salaries/${MONTH}`).set('Authorization', admin).send({ monthlySalary: 1000 }).expect(200);
    expect(await current()).toBe(1000);
    expect(await history()).toHaveLength(3);
  });

  it("a statement caps the bonus with the salary of its own month", async () => {
    const subs = await freshSubscribers(api.pool, 4);
    for (const [i, outcome] of ['retained', 'retained', 'disconnected', 'disconnected'].entries()) {
      const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', operator)
        .send({ accountNumber: subs[i].accountNumber, services: [], channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', operator).expect(200);
      await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', operator).send({ outcome, reasonCode: 'price_increase' }).expect(200);
    }
    const { body: scheme } = await api.http().get(`/api/motivation/schemes/${MONTH}`).set('Authorization', manager).expect(200);
    const { body: st } = await api.http().get(`/api/motivation/statements/${MONTH}/${id}`).set('Authorization', operator).expect(200);
    // 2 saves of 4 = 50 %, 20 points above a 30 % target: above a cap of 15 % of this month's 1,000 (150) under
    // whichever scheme the shared database has for the month (even halved by a plan cut), while next month's
    // 30,000 would allow 4,500.
    expect(st.saveRate).toBe(0.5);
    expect(st.operatorBonus.gross - st.operatorBonus.planCut).toBeGreaterThan(scheme.capShare * 1000);
    expect(st.operatorBonus.earned).toBeCloseTo(scheme.capShare * 1000, 2);
    expect(JSON.stringify(st)).not.toMatch(/"(monthlySalary|salary)"/);
  });

  it('is for administrators only and names a bad field', async () => {
    await api.http().get(`/api/users/${id}/salaries`).set('Authorization', manager).expect(403);
    await api.http().put(`/api/users/${id}/salaries/${MONTH}`).set('Authorization', operator).send({ monthlySalary: 1 }).expect(403);
    const bad = await api.http().put(`/api/users/${id}/salaries/${MONTH}`).set('Authorization', admin).send({ monthlySalary: -5 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['monthlySalary']);
    await api.http().put(`/api/users/${id}/salaries/2026-13`).set('Authorization', admin).send({ monthlySalary: 1 }).expect(400);
    await api.http().get('/api/users/00000000-0000-4000-8000-000000000000/salaries').set('Authorization', admin).expect(404);
  });
});
