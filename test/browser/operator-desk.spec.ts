import { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** An operator's main journey, and a manager's classifier edit. */
describe('operator desk', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pool: Pool;

  beforeAll(async () => {
    browser = await launchBrowser();
    pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await browser.close();
  });
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('takes a request from the queue, finds the reason, sees the script and the competitor comparison, applies an offer and resolves it', async () => {
    // A request from a subscriber in a region where a competitor sells internet, as a web form would create it.
    const { rows } = await pool.query(
      `SELECT DISTINCT s.account_number FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
         JOIN competitor_tariff ct ON ct.region_id = s.region_id AND ct.service_id = v.id
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number LIMIT 1`,
    );
    const account = rows[0].account_number;
    await signIn(page, 'operator');
    const login = await page.request.post('/api/auth/login', { data: { username: 'operator', password: 'operator' } });
    const token = (await login.json()).accessToken;
    const res = await page.request.post('/api/disconnect-requests', {
      headers: { Authorization: `Bearer ${token}` },
      data: { accountNumber: account, services: ['internet'], channel: 'web', statedReason: '' },
    });
    expect(res.status()).toBe(201);
    const requestId = (await res.json()).id;

    await page.getByTestId('desk-queue').waitFor();
    const item = page.locator(`[data-testid="queue-item"][data-request-id="${requestId}"]`);
    await item.waitFor();
    await item.click();
    await page.getByTestId('request-claim').click();

    await page.getByTestId('stated-reason').fill('FastNet offers 500 Mbit for less money, I am switching to them');
    // Wait for the suggestions of these words (the empty stated reason had its own), then take the first one.
    await page.getByTestId('reason-suggestion').filter({ hasText: /competitor/i }).first().waitFor();
    const first = page.getByTestId('reason-suggestion').first();
    expect(await first.textContent()).toMatch(/competitor/i);
    await first.click();
    await page.getByTestId('script-panel').waitFor();
    await page.getByTestId('presentation-panel').waitFor();
    await shoot(page, 'desk-claimed');

    const competitor = page.getByTestId('presentation-competitor');
    await competitor.click();
    await page.getByRole('option').first().click();
    await shoot(page, 'desk-presentation');

    const offer = page.getByTestId('offer-item').first();
    await offer.waitFor();
    const offerCode = await offer.getAttribute('data-offer-code');
    await offer.getByTestId('offer-apply').click();
    await page.getByTestId('outcome-retained_with_offer').click();
    await page.getByTestId('resolve-submit').click();

    await eventually(
      async () => (await pool.query(`SELECT status, outcome, offer_code FROM disconnect_request WHERE id = $1`, [requestId])).rows[0],
      (r) => expect(r).toMatchObject({ status: 'resolved', outcome: 'retained_with_offer', offer_code: offerCode }),
    );
    const { rows: [done] } = await pool.query(`SELECT reason_code, stated_reason FROM disconnect_request WHERE id = $1`, [requestId]);
    // The words typed during the call are the request's stated reason now.
    expect(done.stated_reason).toBe('FastNet offers 500 Mbit for less money, I am switching to them');
    expect(done.reason_code).toMatch(/^competitor_/);
    await shoot(page, 'desk-resolved');
  });

  it('records where a subscriber went for a reason that names no competitor, and names the competitor', async () => {
    const { rows: [s] } = await pool.query(
      `SELECT s.account_number, s.id FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC LIMIT 1`,
    );
    const requestId = await claimNewRequest(page, s.account_number);
    // A select's floating label lies over it: click the field itself, again until its panel opens (the claim
    // may still be on its way under load, with the form not yet editable).
    const slowSpeed = page.locator('mat-option[data-code="slow_speed"]');
    await eventually(
      async () => {
        if (!(await slowSpeed.isVisible())) await page.getByTestId('reason-select').click({ force: true });
        return slowSpeed.waitFor({ timeout: 2_000 }).then(() => true, () => false);
      },
      (open) => expect(open).toBe(true),
      30_000,
    );
    await slowSpeed.click();
    await page.getByTestId('outcome-disconnected').click();
    // Slow speed names no competitor, yet the subscriber may go to one: the form asks for every reason.
    await page.getByTestId('outcome-destination').click({ force: true });
    await page.getByTestId('destination-competitor').click();
    await page.getByTestId('destination-competitor').waitFor({ state: 'detached' });
    const { rows: [{ name: competitorName }] } = await pool.query(`SELECT name FROM competitor WHERE active ORDER BY name LIMIT 1`);
    await page.getByTestId('outcome-competitor').click({ force: true });
    await page.getByRole('option', { name: competitorName, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await shoot(page, 'desk-destination');
    await page.getByTestId('resolve-submit').click();
    await eventually(
      async () => (await pool.query(
        `SELECT d.status, d.outcome, d.reason_code, d.destination, c.name AS competitor
           FROM disconnect_request d LEFT JOIN competitor c ON c.id = d.competitor_id WHERE d.id = $1`, [requestId])).rows[0],
      (r) => expect(r).toEqual({ status: 'resolved', outcome: 'disconnected', reason_code: 'slow_speed', destination: 'competitor', competitor: competitorName }),
    );
  });

  it('proposes the competitor the subscriber names as the destination, from the reason suggestion', async () => {
    const { rows: [s] } = await pool.query(
      `SELECT s.account_number FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET 1 LIMIT 1`,
    );
    // A configured competitor, named the way a subscriber says it, inflected by no rule the console knows.
    const { rows: [competitor] } = await pool.query(`SELECT code, name FROM competitor WHERE active ORDER BY name DESC LIMIT 1`);
    const requestId = await claimNewRequest(page, s.account_number);

    await page.getByTestId('stated-reason').fill(`переходжу до ${competitor.name}`);
    // The suggester names the competitor: its reasons lead, and the first one carries it to the destination.
    const first = page.locator('[data-testid="reason-suggestion"][data-code^="competitor_"]').first();
    await first.waitFor();
    expect(await page.getByTestId('reason-suggestion').first().getAttribute('data-code')).toMatch(/^competitor_/);
    await first.click();
    await page.getByTestId('outcome-disconnected').click();
    await eventually(
      async () => (await page.getByTestId('outcome-competitor').textContent())?.trim(),
      (text) => expect(text).toBe(competitor.name),
    );
    await shoot(page, 'desk-destination-suggested');
    await page.getByTestId('resolve-submit').click();
    await eventually(
      async () => (await pool.query(
        `SELECT d.status, d.destination, c.code FROM disconnect_request d LEFT JOIN competitor c ON c.id = d.competitor_id WHERE d.id = $1`,
        [requestId])).rows[0],
      (r) => expect(r).toEqual({ status: 'resolved', destination: 'competitor', code: competitor.code }),
    );
  });

  it('says why it suggests no reason when the words name two different reasons (Ukrainian, 1280×720)', async () => {
    await context.close();
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('rc.language', 'uk'));
    const { rows: [s] } = await pool.query(
      `SELECT s.account_number FROM subscriber s
         JOIN subscription x ON x.subscriber_id = s.id AND x.ended_on IS NULL
         JOIN service v ON v.id = x.service_id AND v.code = 'internet'
        WHERE s.status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY s.account_number DESC OFFSET 2 LIMIT 1`,
    );
    await claimNewRequest(page, s.account_number);

    // A clear reason: suggestions and no hint.
    await page.getByTestId('stated-reason').fill('інтернет постійно зникає');
    await page.locator('[data-testid="reason-suggestion"][data-code="network_outages"]').waitFor();
    expect(await page.getByTestId('reason-abstention').count()).toBe(0);
    // Quality and the bill, nothing more: two groups alike, no suggestion, and the desk says why.
    await page.getByTestId('stated-reason').fill('якість і рахунок');
    const hint = page.getByTestId('reason-abstention');
    await hint.waitFor();
    expect((await hint.locator('span').textContent())?.trim()).toBe('Підказки немає: слова називають дві різні причини. Уточніть, через яку йдуть.');
    expect(await page.getByTestId('reason-suggestion').first().getAttribute('data-code')).toBe('other_unknown');
    // The hint is on screen in full, and the desk does not scroll sideways.
    const box = await hint.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720).toBe(true);
    expect(await hint.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shoot(page, 'desk-reason-abstention-uk');
    // Clear words again: the hint goes.
    await page.getByTestId('stated-reason').fill('інтернет постійно зникає');
    await eventually(async () => page.getByTestId('reason-abstention').count(), (n) => expect(n).toBe(0));
    await page.getByTestId('request-release').click();
  });

  it('a manager edits a threshold and sees a new classifier version', async () => {
    const before = (await pool.query(`SELECT max(version)::int AS v FROM classifier_version`)).rows[0].v;
    await signIn(page, 'manager');
    await page.goto('/manager/classifier');
    const row = page.locator('[data-testid="classifier-row"][data-code="billing_errors"]');
    await row.click();
    await page.getByTestId('reason-threshold').fill('0.05');
    await page.getByTestId('reason-save').click();
    await eventually(
      async () => (await pool.query(`SELECT max(version)::int AS v FROM classifier_version`)).rows[0].v,
      (v) => expect(v).toBe(before + 1),
    );
    await page.getByTestId('classifier-version').filter({ hasText: String(before + 1) }).first().waitFor();
    await shoot(page, 'manager-classifier');
  });
});

/**
 * Signs the operator in, files a request for the subscriber's internet with no words yet (through the API, as a
 * call-centre integration would), selects it in the desk's queue and claims it. Returns the request's id.
 */
async function claimNewRequest(page: Page, accountNumber: string): Promise<string> {
  await signIn(page, 'operator');
  const login = await page.request.post('/api/auth/login', { data: { username: 'operator', password: 'operator' } });
  const token = (await login.json()).accessToken;
  const res = await page.request.post('/api/disconnect-requests', {
    headers: { Authorization: `Bearer ${token}` },
    data: { accountNumber, services: ['internet'], channel: 'phone', statedReason: '' },
  });
  expect(res.status()).toBe(201);
  const requestId: string = (await res.json()).id;
  await page.getByTestId('desk-queue').waitFor();
  await page.locator(`[data-testid="queue-item"][data-request-id="${requestId}"]`).click();
  await page.getByTestId('request-claim').click();
  return requestId;
}
