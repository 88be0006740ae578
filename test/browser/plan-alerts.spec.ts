import { apiCall, apiToken, browserSuite, eventually, shoot, signIn } from '@retention/test-support';

/** A manager's console hears plan alerts live: the bell counts them, a notification tells, a decision clears. */
describe('plan alerts in the manager’s console', () => {
  const web = browserSuite({ pool: true });

  async function claimedRequest(op: string, offset: number): Promise<string> {
    const { rows: [s] } = await web.pool.query(
      `SELECT s.account_number FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET $1 LIMIT 1`,
      [offset],
    );
    const created = await apiCall(op, 'POST', '/api/disconnect-requests', { accountNumber: s.account_number, services: ['internet'], channel: 'phone', statedReason: '' });
    expect(created.status).toBe(201);
    expect((await apiCall(op, 'POST', `/api/disconnect-requests/${created.body.id}/claim`)).status).toBe(200);
    return created.body.id;
  }

  it('an approval waiting too long rings the bell with a notification, and leaves it once decided', async () => {
    const op = await apiToken('operator');
    const waiting = await claimedRequest(op, 3);
    const offers = await apiCall(op, 'GET', `/api/disconnect-requests/${waiting}/offers?reasonCode=price_increase`);
    const offer = offers.body.find((o: { eligible: boolean }) => o.eligible);
    const approval = await apiCall(op, 'POST', `/api/disconnect-requests/${waiting}/approvals`, { offerCode: offer.code, note: 'a long wait' });
    expect(approval.status).toBe(201);

    await signIn(web.page, 'manager');
    const bell = web.page.getByTestId('plan-alerts');
    await bell.waitFor();
    const count = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1] ?? NaN);
    const before = await count();

    // It has waited twelve minutes; another request resolved makes the alerts be evaluated at once.
    await web.pool.query(`UPDATE offer_approval SET requested_at = app_now() - interval '12 minutes' WHERE id = $1`, [approval.body.id]);
    const other = await claimedRequest(op, 4);
    expect((await apiCall(op, 'POST', `/api/disconnect-requests/${other}/resolve`, { outcome: 'disconnected', reasonCode: 'price_increase' })).status).toBe(200);

    const snack = web.page.locator('mat-snack-bar-container').filter({ hasText: offer.code });
    await snack.waitFor({ timeout: 10_000 });
    expect(await snack.innerText()).toMatch(/Plan alert: An approval of .+ has waited 12 min/);
    await eventually(count, (n) => expect(n).toBeGreaterThan(before));
    await bell.click();
    const item = web.page.getByTestId('plan-alert').filter({ hasText: offer.code });
    await item.first().waitFor();
    await shoot(web.page, 'plan-alerts-manager-1280');
    await item.first().click();
    await web.page.waitForURL(/\/manager\/approvals/);

    // Decided by the manager: the alert leaves the bell without a reload.
    const afterRaise = await count();
    const decided = await apiCall(await apiToken('manager'), 'POST', `/api/approvals/${approval.body.id}/decision`, { decision: 'approved' });
    expect(decided.status).toBe(200);
    await eventually(count, (n) => expect(n).toBe(afterRaise - 1), 10_000);
  });
});
