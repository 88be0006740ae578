import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, eventually, launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';
import { Pool } from 'pg';

/** The administrator's journey: add a webhook endpoint, see its secret once, watch a delivery arrive and send it again. */
describe('console: an administrator manages webhooks', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: Server;
  let receiver: string;
  const received: { id: string; type: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/billing`;
    browser = await launchBrowser();
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    await pool.query(`UPDATE webhook_endpoint SET active = false WHERE url = $1`, [receiver]);
    await pool.end();
    await new Promise((r) => server.close(r));
  });

  it('adds an endpoint, sees the delivery of a new request and replays it', async () => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('webhook-url').fill(receiver);
    await page.getByTestId('webhook-description').fill('Billing (test)');
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('webhook-secret').waitFor();
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/whsec_/);
    await page.locator('[data-testid="webhook-endpoint-row"]', { hasText: receiver }).waitFor();

    // An operator's new request is an event for the endpoint.
    const login = await fetch(`${BASE_URL()}/api/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator' }),
    });
    const token = (await login.json()).accessToken;
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    const { rows } = await pool.query(
      `SELECT account_number FROM subscriber s WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY account_number DESC LIMIT 1`);
    await pool.end();
    const created = await fetch(`${BASE_URL()}/api/disconnect-requests`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ accountNumber: rows[0].account_number, services: [], channel: 'phone' }),
    });
    expect(created.status).toBe(201);
    await eventually(async () => received.length, (n) => expect(n).toBe(1), 30_000);
    expect(received[0].type).toBe('request.created');

    const row = page.locator('[data-testid="delivery-row"]', { hasText: receiver }).first();
    await eventually(async () => {
      await page.getByTestId('delivery-refresh').click();
      return row.getAttribute('data-status', { timeout: 2_000 }).catch(() => null);
    }, (s) => expect(s).toBe('delivered'), 30_000);
    await shoot(page, 'webhooks-admin');

    await row.getByTestId('delivery-replay').click();
    await eventually(async () => received.length, (n) => expect(n).toBe(2), 30_000);
    expect(received[1].id).toBe(received[0].id);
  });
});
