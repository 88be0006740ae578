import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiCall, apiToken, browserSuite, eventually, shoot, signIn } from '@retention/test-support';

/** The administrator's journey: add a webhook endpoint, see its secret once, watch a delivery arrive and send it again. */
describe('console: an administrator manages webhooks', () => {
  const web = browserSuite({ pool: true });
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
  });
  // The endpoint is paused after the test, so that later specs' events are not sent to a receiver that is gone.
  afterEach(async () => {
    await web.pool.query(`UPDATE webhook_endpoint SET active = false WHERE url = $1`, [receiver]);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('adds an endpoint, sees the delivery of a new request and replays it', async () => {
    await signIn(web.page, 'admin');
    await web.page.getByTestId('nav-webhooks').click();
    await web.page.getByTestId('webhook-create').click();
    // The dialog checks the address as the other admin forms do: the problem under its field, nothing sent.
    await web.page.getByTestId('webhook-url').fill('billing.example.net');
    await web.page.getByTestId('webhook-save').click();
    expect((await web.page.getByTestId('webhook-url-error').textContent())?.trim()).toBe('An http:// or https:// address');
    await web.page.getByTestId('webhook-url').fill(receiver);
    await web.page.getByTestId('webhook-description').fill('Billing (test)');
    await web.page.getByTestId('webhook-save').click();
    await web.page.getByTestId('webhook-secret').waitFor();
    expect(await web.page.getByTestId('webhook-secret').textContent()).toMatch(/whsec_/);
    await web.page.locator('[data-testid="webhook-endpoint-row"]', { hasText: receiver }).waitFor();

    // An operator's new request is an event for the endpoint.
    const { rows } = await web.pool.query(
      `SELECT account_number FROM subscriber s WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM disconnect_request d WHERE d.subscriber_id = s.id)
        ORDER BY account_number DESC LIMIT 1`);
    const created = await apiCall(await apiToken('operator'), 'POST', '/api/disconnect-requests', { accountNumber: rows[0].account_number, services: [], channel: 'phone' });
    expect(created.status).toBe(201);
    await eventually(async () => received.length, (n) => expect(n).toBe(1), 30_000);
    expect(received[0].type).toBe('request.created');

    const row = web.page.locator('[data-testid="delivery-row"]', { hasText: receiver }).first();
    await eventually(async () => {
      await web.page.getByTestId('delivery-refresh').click();
      return row.getAttribute('data-status', { timeout: 2_000 }).catch(() => null);
    }, (s) => expect(s).toBe('delivered'), 30_000);
    await shoot(web.page, 'webhooks-admin');

    await row.getByTestId('delivery-replay').click();
    await eventually(async () => received.length, (n) => expect(n).toBe(2), 30_000);
    expect(received[1].id).toBe(received[0].id);
  });
});
