import { browserSuite, shoot, signIn } from '@retention/test-support';

/** At 1280×720: the requests table beside an open request, the approvals' notes, the dashboard loading and failing. */
describe('manager and executive screens at 1280×720', () => {
  const web = browserSuite();

  it('cuts no column of the requests table while a request is open beside it', async () => {
    await signIn(web.page, 'manager');
    await web.page.goto('/manager/requests');
    await web.page.getByTestId('request-row').first().click();
    await web.page.getByTestId('request-detail').locator('h2').waitFor();
    const scroll = await web.page.locator('.rc-table-scroll').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll.scroll).toBeLessThanOrEqual(scroll.client + 1);
    await shoot(web.page, 'manager-requests-detail-1280');
  });

  it('gives the approvals’ note column room to be read', async () => {
    const base = process.env['BASE_URL'] as string;
    const op = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator' }) })).json()).accessToken;
    const call = async (method: string, path: string, body?: object) =>
      (await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${op}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })).json();
    const search = await call('GET', '/api/subscribers?search=a&limit=50&offset=0');
    let asked = false;
    for (const s of search.items) {
      const req = await call('POST', '/api/disconnect-requests', { accountNumber: s.accountNumber, services: [], channel: 'phone', statedReason: '' });
      if (!req.id) continue;
      await call('POST', `/api/disconnect-requests/${req.id}/claim`);
      const offers = await call('GET', `/api/disconnect-requests/${req.id}/offers?reasonCode=price_increase`);
      const offer = offers.find((o: { eligible: boolean }) => o.eligible);
      if (!offer) continue;
      await call('POST', `/api/disconnect-requests/${req.id}/approvals`, { offerCode: offer.code, note: 'With us for nine years, two lines and TV; the competitor offered half price for a year' });
      asked = true;
      break;
    }
    expect(asked).toBe(true);
    await signIn(web.page, 'manager');
    await web.page.goto('/manager/approvals');
    await web.page.getByTestId('approval-row').first().waitFor();
    const width = await web.page.locator('th.mat-column-note').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(180);
    // And nothing cut: the decision buttons are on screen without scrolling sideways.
    const box = await web.page.getByTestId('approval-approve').first().boundingBox();
    expect((box?.x ?? 9999) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
    const table = await web.page.locator('.rc-table-scroll, [data-testid="approvals-table"]').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(table.scroll).toBeLessThanOrEqual(table.client + 1);
    await shoot(web.page, 'manager-approvals-1280');
  });

  it('says the dashboard is loading rather than "Nothing in this period", and a failed report says it failed, not "Top 0 reasons"', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await web.page.route('**/api/reports/churn-to-competitors**', async (route) => {
      await held;
      await route.continue();
    });
    await web.page.route('**/api/reports/churn-by-reason**', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, error: 'internal_error', message: 'Something went wrong.', requestId: 'x' }) }),
    );
    await signIn(web.page, 'executive');
    await web.page.goto('/executive');
    const competitors = web.page.getByTestId('open-competitors-report').locator('xpath=ancestor::rc-chart-card');
    await competitors.getByTestId('chart-card-loading').waitFor();
    expect(await competitors.innerText()).not.toContain('Nothing in this period');
    const reasons = web.page.getByTestId('open-reasons-report').locator('xpath=ancestor::rc-chart-card');
    await reasons.locator('rc-error-state').waitFor();
    expect(await reasons.innerText()).not.toMatch(/Top \d+ reasons/);
    await shoot(web.page, 'executive-dashboard-loading-failed-1280');
    release();
    await competitors.getByTestId('chart-competitors').waitFor();
    expect(await competitors.getByTestId('chart-card-loading').count()).toBe(0);
  });
});
