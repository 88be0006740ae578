import { apiCall, apiToken, browserSuite, eventually, shoot, signIn } from '@retention/test-support';

/**
 * A case's offer above the operator's authority: the operator works the case and asks a manager, the manager approves
 * it in Manager -> Approvals (marked as coming from a case), the operator sees it approved on the open case, applies
 * it and records the outcome.
 */
describe('hidden-churn case approval', () => {
  const web = browserSuite({ pool: true });

  it('an operator asks for an offer on a case, the manager approves it, the operator sees it decided and closes the case', async () => {
    const op = await apiToken('operator');
    const { rows: [operator] } = await web.pool.query(`SELECT id FROM app_user WHERE username = 'operator'`);
    // Our own case: an open case nobody works yet, whose subscriber has been with us over a year. Its fees are set
    // low so that the subscriber's lifetime value stays under the first authority tier whatever the base's expected
    // lifetime (at most ten years): a 20 % discount is then above the operator's limit and needs a manager.
    const { rows: [c] } = await web.pool.query(
      `SELECT c.id, s.full_name, s.id AS subscriber_id FROM hidden_churn_case c JOIN subscriber s ON s.id = c.subscriber_id
        WHERE c.status = 'new' AND c.call_list_id IS NULL AND s.connected_on <= app_today() - interval '1 year'
          AND NOT EXISTS (SELECT 1 FROM offer_approval a WHERE a.case_id = c.id)
        ORDER BY c.risk_score DESC, c.id LIMIT 1`,
    );
    await web.pool.query(
      `UPDATE subscription SET monthly_fee = 20 WHERE subscriber_id = $1 AND started_on <= app_today() AND (ended_on IS NULL OR ended_on > app_today())`,
      [c.subscriber_id],
    );
    await web.pool.query(`UPDATE hidden_churn_case SET status = 'assigned', assignee_id = $2, updated_at = app_now() WHERE id = $1`, [c.id, operator.id]);
    const offers = await apiCall(op, 'GET', `/api/hidden-churn/cases/${c.id}/offers?reasonCode=price_increase`);
    expect(offers.status).toBe(200);
    const offer = offers.body.find((o: { code: string; eligible: boolean; needsApproval: boolean }) => o.code === 'discount_20_3m' && o.eligible && o.needsApproval);
    expect(offer).toBeDefined();
    const picked: { id: string; full_name: string; offer: { code: string; title: string } } = { id: c.id, full_name: c.full_name, offer };
    const offerItem = (page: typeof web.page) => page.locator(`[data-testid="offer-item"][data-offer-code="${picked.offer.code}"]`);

    // The operator: the case, contacted, the true reason, the offer above their authority asked of a manager.
    await signIn(web.page, 'operator');
    await web.page.goto(`/operator/call-list?c=${picked.id}`);
    await eventually(() => web.page.getByTestId('case-subscriber').textContent(), (t) => expect(t?.trim()).toBe(picked.full_name));
    await web.page.getByTestId('case-contact').click();
    await eventually(() => web.page.getByTestId('case-status').textContent(), (t) => expect(t).toContain('Contacted'));
    await web.page.getByTestId('reason-select').click({ force: true });
    await web.page.locator('mat-option[data-code="price_increase"]').click();
    await offerItem(web.page).getByTestId('offer-ask-approval').click();
    await web.page.getByTestId('note-dialog-text').fill('Eleven years with us; a competitor offers half price');
    await web.page.getByTestId('note-dialog-confirm').click();
    await offerItem(web.page).getByTestId('offer-awaiting').waitFor();
    await shoot(web.page, 'case-approval-asked');
    const { rows: [approval] } = await web.pool.query(`SELECT id, status, offer_code FROM offer_approval WHERE case_id = $1`, [picked.id]);
    expect(approval).toMatchObject({ status: 'pending', offer_code: picked.offer.code });

    // The manager: Manager -> Approvals, the row from the case, approved.
    const manager = await web.newPage();
    await signIn(manager, 'manager');
    await manager.getByTestId('nav-approvals').click();
    const row = manager.getByTestId('approval-row').filter({ hasText: picked.full_name }).filter({ has: manager.getByTestId('approval-from-case') });
    await row.waitFor();
    expect(await row.textContent()).toContain('Eleven years with us');
    await shoot(manager, 'case-approval-manager');
    await row.getByTestId('approval-approve').click();
    await manager.getByTestId('note-dialog-confirm').click();
    await eventually(
      async () => (await web.pool.query(`SELECT status FROM offer_approval WHERE id = $1`, [approval.id])).rows[0].status,
      (s) => expect(s).toBe('approved'),
    );
    await manager.getByTestId('approvals-all').click();
    await row.locator('rc-chip').filter({ hasText: 'Approved' }).waitFor();
    await shoot(manager, 'case-approval-decided');

    // The operator sees it decided on the open case (no reload), applies the offer and records the outcome.
    await offerItem(web.page).getByTestId('offer-approved').waitFor({ timeout: 10_000 });
    await offerItem(web.page).getByTestId('offer-apply').click();
    await web.page.getByTestId('case-offer').waitFor();
    await web.page.getByTestId('case-note').fill('Stays with the approved offer');
    await shoot(web.page, 'case-approval-approved');
    await web.page.getByTestId('case-record').click();
    await web.page.getByTestId('case-closed').waitFor();
    await shoot(web.page, 'case-approval-closed');

    const { rows: [closed] } = await web.pool.query(`SELECT status, reason_code, offer_code FROM hidden_churn_case WHERE id = $1`, [picked.id]);
    expect(closed).toEqual({ status: 'returned', reason_code: 'price_increase', offer_code: picked.offer.code });
    const { rows: events } = await web.pool.query(`SELECT action FROM hidden_churn_case_event WHERE case_id = $1 ORDER BY at, id`, [picked.id]);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['approval_requested', 'approval_approved']));
  });
});
