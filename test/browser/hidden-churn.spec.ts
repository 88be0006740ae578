import { appClock, browserSuite, eventually, shoot, signIn } from '@retention/test-support';

/**
 * A manager's hidden-churn journey: the cases the demo's first scan found, a new scan with its progress, a call list
 * built and assigned; then the operator's: the case from that list worked with the desk's panels to an outcome.
 */
describe('hidden churn', () => {
  const web = browserSuite({ pool: true });

  it('a manager runs a scan, builds a call list from the filters and assigns it to an operator', async () => {
    await signIn(web.page, 'manager');
    await web.page.goto('/manager/hidden-churn');
    await web.page.getByTestId('case-row').first().waitFor();
    await shoot(web.page, 'hidden-churn-cases');

    const scansBefore = Number((await web.pool.query(`SELECT count(*)::int AS n FROM hidden_churn_scan WHERE status = 'completed'`)).rows[0].n);
    await web.page.getByTestId('scan-run').click();
    await eventually(
      async () => Number((await web.pool.query(`SELECT count(*)::int AS n FROM hidden_churn_scan WHERE status = 'completed'`)).rows[0].n),
      (n) => expect(n).toBe(scansBefore + 1),
      30_000,
    );
    await web.page.getByTestId('scan-last').waitFor();

    const name = `Browser list ${Date.now()}`;
    await web.page.getByTestId('list-name').fill(name);
    await web.page.getByTestId('list-size').fill('3');
    await web.page.getByTestId('list-operators').click();
    await web.page.getByRole('option', { name: /Olena Kovalenko/ }).click();
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('list-build').click();
    await web.page.getByTestId('list-row').filter({ hasText: name }).waitFor();
    await shoot(web.page, 'hidden-churn-call-list');

    const { rows } = await web.pool.query(
      `SELECT u.username, c.status FROM hidden_churn_case c JOIN hidden_churn_call_list l ON l.id = c.call_list_id
         JOIN app_user u ON u.id = c.assignee_id WHERE l.name = $1`,
      [name],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(rows.every((r) => r.username === 'operator' && r.status === 'assigned')).toBe(true);

    // The operator works the riskiest case of that list from their call list, to an outcome with the true reason.
    const { rows: [picked] } = await web.pool.query(
      `SELECT c.id, s.full_name FROM hidden_churn_case c JOIN hidden_churn_call_list l ON l.id = c.call_list_id
         JOIN subscriber s ON s.id = c.subscriber_id WHERE l.name = $1 ORDER BY c.risk_score DESC, c.id LIMIT 1`,
      [name],
    );
    const op = await web.newPage();
    await signIn(op, 'operator');
    await op.getByRole('link', { name: 'My call list' }).click();
    await op.getByTestId('call-list-case').first().waitFor();
    await op.goto(`/operator/call-list?c=${picked.id}`);
    await eventually(() => op.getByTestId('case-subscriber').textContent(), (t) => expect(t?.trim()).toBe(picked.full_name));
    await op.getByTestId('case-contact').click();
    await eventually(() => op.getByTestId('case-status').textContent(), (t) => expect(t).toContain('Contacted'));

    // The desk's own panels: the words with suggestions, the true reason, its script, the offers, the card.
    await op.getByTestId('stated-reason').fill('It is too expensive for me now, the price went up');
    await shoot(op, 'call-list-words');
    await op.getByTestId('reason-select').click({ force: true });
    await op.locator('mat-option[data-code="price_increase"]').click();
    await op.getByTestId('offers-panel').getByTestId('offer-apply').first().waitFor();
    await op.getByTestId('offers-panel').getByTestId('offer-apply').first().click();
    await op.getByTestId('case-offer').waitFor();
    await op.getByTestId('case-note').fill('Agreed to stay with the discount');
    await shoot(op, 'call-list-case');
    await op.getByTestId('case-record').click();
    await op.getByTestId('case-closed').waitFor();
    await shoot(op, 'call-list-closed');

    const { rows: [closed] } = await web.pool.query(`SELECT status, reason_code, offer_code, note FROM hidden_churn_case WHERE id = $1`, [picked.id]);
    expect(closed).toMatchObject({ status: 'returned', reason_code: 'price_increase', offer_code: expect.any(String), note: 'Agreed to stay with the discount' });
  });

  it('a manager edits the rules and saves them as a new version, which the screen then shows in force', async () => {
    const { rows: [before] } = await web.pool.query('SELECT id, rules FROM hidden_churn_rules_version ORDER BY id DESC LIMIT 1');
    await signIn(web.page, 'manager');
    await web.page.goto('/manager/hidden-churn');
    await web.page.getByTestId('rules-open').click();
    await eventually(() => web.page.getByTestId('rules-version').textContent(), (t) => expect(t).toContain(`Version ${before.id} in force`));
    await web.page.getByTestId('rules-last-scan').waitFor();
    // The whole editor fits a 1280×720 screen: every rule's fields and the save button, no sideways scroll.
    const save = await web.page.getByTestId('rules-save').boundingBox();
    expect(save && save.y + save.height).toBeLessThanOrEqual(720);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shoot(web.page, 'hidden-churn-rules');

    // A value outside the rule's bounds is named under its field and blocks the save.
    const days = web.page.getByTestId('rule-no_payment-days');
    await days.fill('400');
    await days.blur();
    await web.page.getByTestId('rule-no_payment').locator('mat-error').waitFor();
    await shoot(web.page, 'hidden-churn-rules-invalid');

    const newDays = before.rules.no_payment.days === 50 ? 51 : 50;
    await days.fill(String(newDays));
    await web.page.getByTestId('rule-nps_fall-enabled').locator('button').click();
    await web.page.getByTestId('rules-note').fill('Later no-payment alarm, NPS off');
    await web.page.getByTestId('rules-save').click();
    await eventually(() => web.page.getByTestId('rules-version').textContent(), (t) => expect(t).toContain(`Version ${before.id + 1} in force`));
    await eventually(() => web.page.getByTestId('rules-last-scan').textContent(), (t) => expect(t).toContain(`version ${before.id + 1}`));
    await shoot(web.page, 'hidden-churn-rules-saved');
    const { rows: [after] } = await web.pool.query('SELECT id, rules, note FROM hidden_churn_rules_version ORDER BY id DESC LIMIT 1');
    expect(after.id).toBe(before.id + 1);
    expect(after.note).toBe('Later no-payment alarm, NPS off');
    expect(after.rules).toEqual({ ...before.rules, no_payment: { ...before.rules.no_payment, days: newDays }, nps_fall: { ...before.rules.nps_fall, enabled: false } });

    // In Russian and Ukrainian the editor fits as well.
    for (const lang of ['ru', 'uk']) {
      await web.page.evaluate((l) => localStorage.setItem('rc.language', l), lang);
      await web.page.reload();
      await web.page.getByTestId('rules-version').waitFor();
      const b = await web.page.getByTestId('rules-save').boundingBox();
      expect(b && b.y + b.height).toBeLessThanOrEqual(720);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await shoot(web.page, `hidden-churn-rules-${lang}`);
    }
    await web.page.evaluate(() => localStorage.setItem('rc.language', 'en'));
    // The shipped rules back, for the other tests that scan.
    await web.pool.query(`INSERT INTO hidden_churn_rules_version (rules, note) VALUES ($1::jsonb, 'back')`, [JSON.stringify(before.rules)]);
  });

  it('an executive sees announced and hidden churn side by side and drills to the cases; the plan has a hidden-churn line', async () => {
    // A case of this month closed lost by an operator: confirmed hidden churn the dashboard must show.
    const { rows: [lost] } = await web.pool.query(
      `UPDATE hidden_churn_case SET status = 'lost', closed_at = app_now(), closed_on = app_today(), close_cause = 'operator'
        WHERE id = (SELECT id FROM hidden_churn_case WHERE status = 'new' ORDER BY risk_score DESC, id LIMIT 1)
        RETURNING id, subscriber_id`,
    );
    await signIn(web.page, 'executive');
    await web.page.goto('/executive');
    await web.page.getByTestId('kpi-hidden_churn').waitFor();
    // Side by side: the hidden-churn tile follows the announced one.
    const order = await web.page.locator('rc-kpi-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order.indexOf('kpi-hidden_churn')).toBe(order.indexOf('kpi-announced_churn') + 1);
    const shown = Number((await web.page.getByTestId('kpi-hidden_churn').getByTestId('kpi-value').textContent())?.replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    await web.page.getByTestId('kpi-hidden_churn').click();
    await web.page.getByTestId('drill-panel').waitFor();
    await web.page.locator(`[data-testid="drill-row"][data-subscriber-id="${lost.subscriber_id}"]`).waitFor();
    expect(Number((await web.page.getByTestId('drill-count').textContent())?.replace(/\D/g, ''))).toBe(shown);
    expect(await web.page.getByTestId('drill-panel').textContent()).toContain('Hidden-churn case lost');
    await shoot(web.page, 'executive-hidden-churn-drill');
    await web.page.getByTestId('drill-close').click();

    // The manager plans this month's hidden churn per service, against the confirmed hidden churn so far.
    const mp = await web.newPage();
    await signIn(mp, 'manager');
    const month = appClock().today().slice(0, 7);
    await mp.goto(`/plans?month=${month}`);
    await mp.getByTestId('plan-month').waitFor();
    if (!(await mp.locator('[data-testid="plan-line"][data-service="internet"]').count())) await mp.getByTestId('plan-from-last').click();
    const line = mp.locator('[data-testid="plan-line"][data-service="internet"]').first();
    await line.waitFor();
    await line.getByTestId('plan-hidden-max').fill('12');
    await mp.getByTestId('plan-save').click();
    await eventually(
      async () => (await web.pool.query(
        `SELECT l.hidden_max FROM churn_plan p JOIN churn_plan_line l ON l.plan_id = p.id JOIN service v ON v.id = l.service_id
          WHERE p.month = $1::date AND v.code = 'internet' AND l.region_id IS NULL ORDER BY p.version DESC LIMIT 1`, [`${month}-01`])).rows[0],
      (r) => expect(r).toEqual({ hidden_max: 12 }),
    );
    await line.getByTestId('plan-hidden').waitFor();
    await shoot(mp, 'manager-plan-hidden');
  });

  it('in Russian, the case list and the call list name regions, services, signs and reasons, never their codes', async () => {
    // A case closed lost with its true reason, so the list has one to name.
    const { rows: [closed] } = await web.pool.query(
      `UPDATE hidden_churn_case SET status = 'lost', closed_at = app_now(), closed_on = app_today(), close_cause = 'operator',
              reason_code = 'price_increase', reason_version_id = (SELECT max(version_id) FROM churn_reason WHERE code = 'price_increase')
        WHERE id = (SELECT id FROM hidden_churn_case WHERE status = 'new' ORDER BY risk_score DESC, id LIMIT 1)
        RETURNING id, subscriber_id`,
    );
    const namesOf = async (caseId: string) =>
      (
        await web.pool.query(
          `SELECT s.account_number, g.names->>'ru' AS region,
                  (SELECT string_agg(v.names->>'ru', ', ' ORDER BY x.n) FROM unnest(c.services) WITH ORDINALITY x(code, n)
                     JOIN service v ON v.code = x.code) AS services
             FROM hidden_churn_case c JOIN subscriber s ON s.id = c.subscriber_id JOIN region g ON g.id = c.region_id WHERE c.id = $1`,
          [caseId],
        )
      ).rows[0] as { account_number: string; region: string; services: string };
    const expected = await namesOf(closed.id);
    const { rows: [reason] } = await web.pool.query(
      `SELECT content->'title'->>'ru' AS title FROM churn_reason WHERE code = 'price_increase' ORDER BY version_id DESC LIMIT 1`,
    );

    await web.page.goto('/');
    await web.page.evaluate(() => localStorage.setItem('rc.language', 'ru'));
    await signIn(web.page, 'manager');
    await web.page.goto('/manager/hidden-churn');
    await web.page.getByTestId('case-row').first().waitFor();
    await web.page.getByTestId('filter-status').click();
    await web.page.getByRole('option', { name: 'Потерян' }).click();
    const row = web.page.getByTestId('case-row').filter({ hasText: expected.account_number });
    await row.waitFor();
    expect((await row.getByTestId('case-region').evaluate((e) => e.firstChild?.textContent ?? ''))?.trim()).toBe(expected.region);
    expect((await row.getByTestId('case-services').textContent())?.trim()).toBe(expected.services);
    expect((await row.getByTestId('case-reason').textContent())?.trim()).toBe(reason.title);
    await shoot(web.page, 'hidden-churn-cases-ru-lost');

    // The region filter lists names; choosing one keeps only that region's cases.
    await web.page.getByTestId('filter-status').click();
    await web.page.getByRole('option', { name: 'Открытые' }).click();
    await web.page.getByTestId('filter-region').click();
    await web.page.getByRole('option', { name: 'Север' }).click();
    await eventually(
      async () => web.page.getByTestId('case-region').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim())),
      (regions) => {
        expect(regions.length).toBeGreaterThan(0);
        expect(new Set(regions)).toEqual(new Set(['Север']));
      },
    );
    // Signs are named, with their values in their unit (a usage share as a percentage).
    const signs = await web.page.getByTestId('case-signal').allTextContents();
    expect(signs.length).toBeGreaterThan(0);
    expect(signs.some((t) => /[a-z]_[a-z]/.test(t))).toBe(false);
    expect(signs.filter((t) => t.startsWith('Падение потребления')).every((t) => /\d+%$/.test(t))).toBe(true);
    await shoot(web.page, 'hidden-churn-cases-ru-north');

    // The operator's call list: the subscriber summary names the services, tariffs and region in Russian.
    const { rows: [mine] } = await web.pool.query(
      `SELECT c.id FROM hidden_churn_case c JOIN app_user u ON u.id = c.assignee_id
        WHERE u.username = 'operator' AND c.status IN ('assigned', 'contacted') ORDER BY c.risk_score DESC, c.id LIMIT 1`,
    );
    const mineNames = await namesOf(mine.id);
    const op = await web.newPage();
    await op.goto('/');
    await op.evaluate(() => localStorage.setItem('rc.language', 'ru'));
    await signIn(op, 'operator');
    await op.goto(`/operator/call-list?c=${mine.id}`);
    await op.getByTestId('desk-subscriber').waitFor();
    await eventually(() => op.getByTestId('desk-region').textContent(), (t) => expect(t?.trim()).toBe(mineNames.region));
    const { rows: running } = await web.pool.query(
      `SELECT v.names->>'ru' AS service, t.names->>'ru' AS tariff, t.name AS tariff_en FROM subscription x JOIN service v ON v.id = x.service_id
         JOIN tariff t ON t.id = x.tariff_id JOIN hidden_churn_case c ON c.subscriber_id = x.subscriber_id
        WHERE c.id = $1 AND x.ended_on IS NULL`,
      [mine.id],
    );
    const summary = (await op.getByTestId('desk-subscriber').textContent()) ?? '';
    for (const r of running) {
      expect(summary).toContain(r.service);
      expect(summary).toContain(r.tariff ?? r.tariff_en);
    }
    expect(await op.getByTestId('case-signals').getByTestId('case-signal').count()).toBeGreaterThan(0);
    await shoot(op, 'call-list-ru');
  });
});
