import { addMonths } from '@retention/domain';
import { appClock, browserSuite, eventually, shoot, signIn } from '@retention/test-support';

/** A manager's team statements and scheme editor with the worthless-scheme warning; an operator's own bonus from the desk. */
describe('motivation', () => {
  const web = browserSuite({ pool: true });

  it('a manager reads the team, opens a statement, tries a worthless scheme and saves one for next month', async () => {
    await signIn(web.page, 'manager');
    await web.page.goto('/motivation');
    await web.page.getByTestId('motivation-team').waitFor();
    await web.page.getByTestId('motivation-row-operator').click();
    await web.page.getByTestId('statement').waitFor();
    await shoot(web.page, 'manager-motivation-team');

    await web.page.getByTestId('month-next').click();
    await web.page.getByRole('tab').nth(1).click();
    await web.page.getByTestId('scheme-perPointAbove').fill('40');
    await web.page.getByTestId('scheme-savedRevenueShare').fill('0');
    await web.page.getByTestId('scheme-preview').click();
    await web.page.getByTestId('scheme-warning-worthless').waitFor();
    await shoot(web.page, 'manager-motivation-worthless-scheme');

    await web.page.getByTestId('scheme-perPointAbove').fill('200');
    await web.page.getByTestId('scheme-savedRevenueShare').fill('30');
    await web.page.getByTestId('scheme-preview').click();
    await web.page.getByText(/large enough to matter/).waitFor();
    await web.page.getByTestId('scheme-save').click();
    const next = addMonths(appClock().today().slice(0, 7), 1);
    await eventually(
      async () => (await web.pool.query(
        `SELECT per_point_above::float8 AS per_point, saved_revenue_share::float8 AS share FROM bonus_scheme
          WHERE month = $1::date ORDER BY version DESC LIMIT 1`, [`${next}-01`])).rows[0],
      (r) => expect(r).toEqual({ per_point: 200, share: 0.3 }),
    );
    await shoot(web.page, 'manager-motivation-scheme-saved');
  });

  it("the team's table fits 1280×720 without scrolling sideways in en, ru and uk, ranked by the bonus earned", async () => {
    await signIn(web.page, 'manager');
    for (const lang of ['en', 'ru', 'uk']) {
      await web.page.evaluate((l) => localStorage.setItem('rc.language', l), lang);
      await web.page.goto('/motivation');
      const table = web.page.getByTestId('motivation-team');
      await table.getByRole('row').nth(1).waitFor();
      const fit = await table.evaluate((t) => {
        const scroller = t.closest('.rc-table-scroll') as HTMLElement;
        return { scroll: scroller.scrollWidth, client: scroller.clientWidth, right: t.getBoundingClientRect().right };
      });
      expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
      expect(fit.right).toBeLessThanOrEqual(1280);
      // Ranked: the ranks run 1, 2, 3, … and the bonus earned (the sixth column) never grows down the table.
      const ranks = await table.getByTestId('motivation-rank').allTextContents();
      expect(ranks.map(Number)).toEqual(ranks.map((_, i) => i + 1));
      const earned = await table.locator('tr.rc-mv__row td:nth-child(6)').allTextContents();
      // Money shows two decimals in every language: its digits alone are the amount in cents.
      const amounts = earned.map((x) => Number(x.replace(/\D/g, '')));
      expect(amounts.every((x, i) => i === 0 || x <= amounts[i - 1])).toBe(true);
      await shoot(web.page, `manager-motivation-team-${lang}`);
    }
  });

  it('a manager reads satisfaction (NPS per team, the detractors to call back) and the workload heatmap, in en, ru and uk at 1280×720', async () => {
    // A detractor of this month of the test's own, served by the demo operator, to find in the call-back list; the
    // answer names a resolved request with a reason (as the desk's exit survey does), so it also shows per reason.
    const comment = `Browser detractor ${process.pid}`;
    await web.pool.query(
      `INSERT INTO survey_answer (subscriber_id, kind, score, answered_on, comment, representative_id, request_id)
       SELECT d.subscriber_id, 'nps', 2, app_today(), $1, u.id, d.id FROM disconnect_request d, app_user u
        WHERE u.username = 'operator' AND d.status = 'resolved' AND d.reason_code IS NOT NULL AND d.resolved_at < app_now()
          AND NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.request_id = d.id AND a.kind = 'nps')
        ORDER BY d.resolved_at DESC LIMIT 1`,
      [comment],
    );
    await signIn(web.page, 'manager');
    for (const lang of ['en', 'ru', 'uk']) {
      await web.page.evaluate((l) => localStorage.setItem('rc.language', l), lang);
      await web.page.goto('/motivation');
      await web.page.getByTestId('motivation-team').waitFor();
      await web.page.getByRole('tab').nth(2).click();
      await web.page.getByTestId('satisfaction-overall').waitFor();
      await web.page.getByTestId('satisfaction-by').click();
      await web.page.getByTestId('satisfaction-by-team').click();
      await web.page.getByTestId('satisfaction-rows').getByRole('row').nth(1).waitFor();
      await web.page.getByTestId('satisfaction-follow-up').getByText(comment).waitFor();
      // The report reloads for the grouping (the rows and the follow-up above may still be the previous one's): wait
      // for the trend's twelfth month to render before counting (count() does not wait).
      const months = web.page.getByTestId('satisfaction-trend').locator('.rc-sat__month');
      await months.nth(11).waitFor();
      expect(await months.count()).toBe(12);
      await shoot(web.page, `manager-satisfaction-${lang}`);
      // NPS per churn reason, the reasons in the console's language.
      await web.page.getByTestId('satisfaction-by').click();
      await web.page.getByTestId('satisfaction-by-reason').click();
      await web.page.getByTestId('satisfaction-rows').getByRole('row').nth(1).waitFor();
      await web.page.getByTestId('satisfaction-by').getByText(lang === 'en' ? 'Reason' : 'Причина').waitFor();
      await shoot(web.page, `manager-satisfaction-reason-${lang}`);

      await web.page.getByRole('tab').nth(3).click();
      const heatmap = web.page.getByTestId('workload-heatmap');
      await heatmap.waitFor();
      expect(await heatmap.locator('td').count()).toBe(7 * 24);
      // The whole week fits the screen without scrolling.
      const box = await heatmap.boundingBox();
      expect(box && box.x + box.width <= 1280 && box.y + box.height <= 720).toBe(true);
      await web.page.getByTestId('workload-measure-load').click();
      await shoot(web.page, `manager-workload-${lang}`);
    }
  });

  it("an operator records the exit survey after resolving a request and sees their month's progress", async () => {
    const { rows: [s] } = await web.pool.query(
      `SELECT s.account_number FROM subscriber s
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET 3 LIMIT 1`,
    );
    const base = process.env['BASE_URL'];
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator' }),
    });
    const auth = { Authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/disconnect-requests`, {
      method: 'POST', headers: auth, body: JSON.stringify({ accountNumber: s.account_number, services: [], channel: 'phone', statedReason: 'Too expensive' }),
    });
    const requestId = (await created.json()).id;
    expect((await fetch(`${base}/api/disconnect-requests/${requestId}/claim`, { method: 'POST', headers: auth })).status).toBe(200);
    const resolved = await fetch(`${base}/api/disconnect-requests/${requestId}/resolve`, {
      method: 'POST', headers: auth, body: JSON.stringify({ outcome: 'retained', reasonCode: 'price_increase' }),
    });
    expect(resolved.status).toBe(200);

    await signIn(web.page, 'operator');
    await web.page.goto(`/operator/desk?r=${requestId}`);
    await web.page.getByTestId('exit-survey').waitFor();
    await web.page.getByTestId('exit-survey-progress').waitFor();
    await web.page.getByTestId('exit-nps-6').click();
    // Below 9 the why is required.
    expect(await web.page.getByTestId('exit-survey-send').isDisabled()).toBe(true);
    await web.page.getByTestId('exit-survey-why').fill('Still too expensive after the discount');
    await web.page.getByTestId('exit-csat-4').click();
    await web.page.getByTestId('exit-survey-send').click();
    await web.page.getByTestId('exit-survey-done').waitFor();
    const { rows } = await web.pool.query(
      `SELECT a.kind, a.score, a.comment, u.username FROM survey_answer a JOIN app_user u ON u.id = a.representative_id
        WHERE a.request_id = $1 ORDER BY a.kind`, [requestId]);
    expect(rows).toEqual([
      { kind: 'csat', score: 4, comment: null, username: 'operator' },
      { kind: 'nps', score: 6, comment: 'Still too expensive after the discount', username: 'operator' },
    ]);
    await shoot(web.page, 'operator-exit-survey');
  });

  it('an operator opens their own statement from the desk, with the requests behind it each opening on the desk', async () => {
    // A request of the test's own, resolved by the demo operator this month, to find among those behind the statement.
    const { rows: [s] } = await web.pool.query(
      `SELECT s.account_number FROM subscriber s
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET 7 LIMIT 1`,
    );
    const base = process.env['BASE_URL'];
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator' }),
    });
    const auth = { Authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/disconnect-requests`, {
      method: 'POST', headers: auth, body: JSON.stringify({ accountNumber: s.account_number, services: [], channel: 'phone', statedReason: 'Moving away' }),
    });
    const requestId = (await created.json()).id;
    expect((await fetch(`${base}/api/disconnect-requests/${requestId}/claim`, { method: 'POST', headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/api/disconnect-requests/${requestId}/resolve`, {
      method: 'POST', headers: auth, body: JSON.stringify({ outcome: 'retained', reasonCode: 'price_increase' }),
    })).status).toBe(200);

    await signIn(web.page, 'operator');
    await web.page.getByTestId('desk-my-bonus').click();
    await web.page.getByTestId('statement').waitFor({ timeout: 60_000 });
    await web.page.getByText('My bonus').first().waitFor();
    expect(await web.page.getByTestId('motivation-team').count()).toBe(0);
    const link = web.page.getByTestId('statement-requests').getByRole('link', { name: s.account_number });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/operator/desk?r=${requestId}`);
    await link.scrollIntoViewIfNeeded();
    await shoot(web.page, 'operator-my-bonus');
    await link.click();
    await web.page.waitForURL(new RegExp(`/operator/desk\\?r=${requestId}`));
  });
});
