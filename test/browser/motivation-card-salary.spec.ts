import { addMonths } from '@retention/domain';
import { appClock, browserSuite, shoot, signIn } from '@retention/test-support';

/** A subscriber's score history on the card and the desk; an administrator's salary history of a user. */
describe('score history and salary history', () => {
  const web = browserSuite({ pool: true });

  it("shows a subscriber's NPS and CSAT answers with their representative and a falling trend, on the card and on the desk", async () => {
    // A subscriber of the demo without requests, given three NPS answers of its own: 9, 9, then 4 (falling).
    const { rows: [s] } = await web.pool.query(
      `SELECT s.id, s.account_number FROM subscriber s
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET 7 LIMIT 1`,
    );
    await web.pool.query(`DELETE FROM survey_answer WHERE subscriber_id = $1`, [s.id]);
    const today = appClock().today();
    const month = (n: number) => `${addMonths(today.slice(0, 7), n)}-10`;
    await web.pool.query(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment, representative_id)
       SELECT $1, x.kind, x.score, x.on_day::date, x.comment, CASE WHEN x.rep THEN (SELECT id FROM app_user WHERE username = 'operator') END
         FROM (VALUES ('nps', 9, $2, 'Quick help', true), ('nps', 9, $3, NULL, false), ('csat', 5, $3, NULL, false), ('nps', 4, $4, 'The price went up again', true)) x(kind, score, on_day, comment, rep)`,
      [s.id, month(-8), month(-5), month(-1)],
    );

    await signIn(web.page, 'operator');
    for (const lang of ['en', 'ru']) {
      await web.page.evaluate((l) => localStorage.setItem('rc.language', l), lang);
      await web.page.goto(`/subscribers/${s.id}`);
      const panel = web.page.getByTestId('card-surveys');
      await panel.waitFor();
      expect(await panel.getByTestId('score-trend-nps').getAttribute('data-direction')).toBe('falling');
      expect(await panel.getByTestId('survey-representative').count()).toBe(4);
      await panel.getByText('The price went up again').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shoot(web.page, `card-score-history-${lang}`);
    }

    // The desk shows the same trend beside the subscriber's NPS while a request is handled.
    const base = process.env['BASE_URL'];
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator' }),
    });
    const auth = { Authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/disconnect-requests`, {
      method: 'POST', headers: auth, body: JSON.stringify({ accountNumber: s.account_number, services: [], channel: 'phone', statedReason: 'Too expensive' }),
    });
    const requestId = (await created.json()).id;
    await web.page.evaluate(() => localStorage.setItem('rc.language', 'en'));
    await web.page.goto(`/operator/desk?r=${requestId}`);
    const nps = web.page.getByTestId('desk-nps');
    await nps.getByTestId('score-trend-nps').waitFor();
    expect(await nps.getByTestId('score-trend-nps').getAttribute('data-direction')).toBe('falling');
    await shoot(web.page, 'desk-score-trend');
  });

  it('an administrator sees a user’s salary history and sets a salary from a month; an operator has no way to it', async () => {
    const username = `salary.ui.${process.pid}`;
    await web.pool.query(
      `INSERT INTO app_user (username, display_name, role, password_hash, monthly_salary)
       SELECT $1, 'Salary UI', 'operator', password_hash, 30000 FROM app_user WHERE username = 'operator'`,
      [username],
    );
    const next = addMonths(appClock().today().slice(0, 7), 1);
    await signIn(web.page, 'admin');
    await web.page.goto('/admin/users');
    const row = web.page.getByRole('row').filter({ hasText: username });
    await row.getByTestId('user-salaries').click();
    const history = web.page.getByTestId('salary-history');
    await history.getByTestId('salary-row').first().waitFor();
    expect(await history.getByTestId('salary-row').count()).toBe(1);
    await web.page.getByTestId('salary-month').fill(next);
    await web.page.getByTestId('salary-amount').fill('32500');
    await web.page.getByTestId('salary-save').click();
    await web.page.waitForFunction(() => document.querySelectorAll('[data-testid="salary-row"]').length === 2);
    const { rows } = await web.pool.query(
      `SELECT to_char(h.month, 'YYYY-MM') AS month, h.monthly_salary::float8 AS salary FROM salary_history h JOIN app_user u ON u.id = h.user_id
        WHERE u.username = $1 ORDER BY h.month`, [username]);
    expect(rows).toEqual([{ month: '1900-01', salary: 30000 }, { month: next, salary: 32500 }]);
    await shoot(web.page, 'admin-salary-history');

    // Operators have no users page, so no salaries.
    const op = await web.newPage();
    await signIn(op, 'operator');
    await op.goto('/admin/users');
    // The route does not match an operator: the console sends them to their own start page.
    await op.waitForURL((u) => !u.pathname.startsWith('/admin'));
    expect(await op.getByTestId('user-salaries').count()).toBe(0);
    expect(await op.getByText(username).count()).toBe(0);
  });
});
