import { createServer, type Server, type Socket } from 'node:net';
import { Workbook } from 'exceljs';
import type { ArchivedReport, ArchivedReportSummary } from '@retention/contracts';
import { ReportArchiveService } from '@retention/api-reports';
import { ownRegion, startApi, TestApi, until } from '@retention/test-support';

/** One message as a tiny SMTP server received it. */
interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP receiver (RFC 5321's commands nodemailer sends, no TLS, no auth): what it gets lands in `inbox`. */
function smtpReceiver(inbox: Received[], sockets: Set<Socket>): Server {
  return createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let mail: Received = { from: '', to: [], data: '' };
    let inData = false;
    let buffer = '';
    socket.setEncoding('utf8');
    socket.write('220 test-smtp ready\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          inbox.push(mail);
          mail = { from: '', to: [], data: '' };
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test-smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          mail.from = line.replace(/^MAIL FROM:\s*<?([^>\s]*)>?.*$/i, '$1');
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(line.replace(/^RCPT TO:\s*<?([^>\s]*)>?.*$/i, '$1'));
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
}

/** The text of a MIME message: encoded subjects and base64 or quoted-printable parts decoded. */
function readable(data: string): string {
  // Folded header lines unfolded; a run of encoded words is one text (RFC 2047 ignores the space between them).
  const words = data.replace(/\r\n[ \t]+/g, ' ').replace(/(=\?UTF-8\?B\?[^?]+\?=\s*)+/gi, (run: string) =>
    Buffer.concat([...run.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/gi)].map((m) => Buffer.from(m[1], 'base64'))).toString('utf8').trimEnd() + (/\s$/.test(run) ? ' ' : ''));
  const base64 = [...data.matchAll(/Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1].replace(/\r\n/g, ''), 'base64').toString('utf8'));
  const qp = words.replace(/=\r\n/g, '').replace(/(=[0-9A-F]{2})+/g, (s) => Buffer.from(s.replace(/=/g, ''), 'hex').toString('utf8'));
  return [qp, ...base64].join('\n');
}

/**
 * The monthly churn-to-competitor report (docs/methodology.md, "The monthly churn-to-competitor report"): produced
 * by a job into the archive, once per month, in en/ru/uk, e-mailed to the executives with an address when SMTP_URL
 * is set. Its month (2018-05) is the test's own: nobody else's leavers are in it.
 */
describe('report archive', () => {
  let api: TestApi;
  let smtp: Server;
  const inbox: Received[] = [];
  const sockets = new Set<Socket>();
  let admin: string;
  let op: string;
  let executive: string;
  const month = '2018-05';

  beforeAll(async () => {
    smtp = smtpReceiver(inbox, sockets);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.address() as { port: number }).port;
    api = await startApi({ JOB_POLL_SECONDS: '0.5', SMTP_URL: `smtp://127.0.0.1:${port}`, REPORT_LANGUAGE: 'ru', REPORT_MAIL_FROM: 'reports@operator.test' });
    admin = `Bearer ${await api.token('admin')}`;
    op = `Bearer ${await api.token('operator')}`;
    executive = `Bearer ${await api.token('executive')}`;
  });
  afterAll(async () => {
    await api.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => smtp.close(resolve));
  });

  const http = () => api.http();
  async function leave(accountNumber: string, body: Record<string, unknown>) {
    const { body: req } = await http().post('/api/disconnect-requests').set('Authorization', op).send({ accountNumber, services: [], channel: 'phone' }).expect(201);
    await http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    await http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op).send({ outcome: 'disconnected', ...body }).expect(200);
    const at = `${month}-14T10:00:00Z`;
    await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, at]);
  }
  async function untilArchived(id: string, done: (r: ArchivedReport) => boolean): Promise<ArchivedReport> {
    for (let i = 0; i < 120; i++) {
      const { body } = await http().get(`/api/report-archive/${id}`).set('Authorization', executive).expect(200);
      if (done(body)) return body;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the archived report ${id} did not get there`);
  }

  it('produces a month once, keeps it, mails it once to the executives with an address, and serves it in three languages', async () => {
    const tag = `${process.pid % 100000}`;
    const region = `own-arch-${tag}`;
    const ids = await ownRegion(api.pool, region, [0, 1, 2].map(() => ({ connected: '2015-01-01', subscriptions: [{ service: 'internet', fee: 450, start: '2015-01-01' }] })));
    const { rows } = await api.pool.query(`SELECT account_number FROM subscriber WHERE id = ANY($1) ORDER BY account_number`, [ids]);
    const [x] = (await http().get('/api/competitors').set('Authorization', op).expect(200)).body;
    await leave(rows[0].account_number, { reasonCode: 'slow_speed', destination: 'competitor', competitorId: x.id });
    await leave(rows[1].account_number, { reasonCode: 'competitor_cheaper' });
    await leave(rows[2].account_number, { reasonCode: 'service_not_needed', destination: 'none' });
    const email = `exec-${tag}@operator.test`;
    await http().post('/api/users').set('Authorization', admin)
      .send({ username: `exec-arch-${tag}`, password: 'a-long-password', role: 'executive', displayName: 'Archive Reader', email }).expect(201);

    const first = (await http().post('/api/report-archive').set('Authorization', admin).send({ month }).expect(202)).body;
    expect(first.queued).toBe(true);
    expect([first.report.month, first.report.trigger]).toEqual([month, 'manual']);
    // Asked again while on its way or done: the same row, nothing queued.
    const again = (await http().post('/api/report-archive').set('Authorization', admin).send({ month }).expect(202)).body;
    expect([again.queued, again.report.id]).toEqual([false, first.report.id]);

    let ready = await untilArchived(first.report.id, (r) => r.status === 'ready');
    // By hand: to X, one (slow speed); to a competitor not named, one; nowhere, not counted. 450 a month each.
    expect(ready.total).toEqual({ subscribers: 2, monthlyRevenue: 900 });
    expect(ready.report?.rows.find((r) => r.competitorId === x.id)?.subscribers).toBe(1);
    expect(ready.report?.rows.find((r) => r.competitorId === null)?.subscribers).toBe(1);

    // Whichever API process ran the job, the mailing is done once: running the job's step again mails nobody twice.
    await api.app.get(ReportArchiveService).produce(month, false);
    ready = await untilArchived(first.report.id, (r) => r.mailedAt !== null);
    expect(ready.mailedTo).toEqual([email]);
    // The mailing is claimed (mailedAt) before the message is sent: wait for it to arrive. Both senders that could
    // have mailed (the job and the step run again above) have then finished, so a second copy would be here too.
    const mine = await until(() => inbox.filter((m) => m.to.includes(email)), (m) => m.length > 0, 30_000);
    expect(mine).toHaveLength(1);
    const text = readable(mine[0].data);
    expect(text).toContain('<h1>Отток к конкурентам · май 2018');
    expect(text).toMatch(/^Subject: Отток к конкурентам, май 2018/m);
    expect(mine[0].data).not.toMatch(new RegExp(`^To:.*${email}`, 'm'));

    // The data changes later; the archive keeps the report as it was produced.
    await api.pool.query(`UPDATE disconnect_request SET resolved_at = '2018-04-20T10:00:00Z' WHERE subscriber_id = $1`, [ids[1]]);
    const live = (await http().get(`/api/reports/churn-to-competitors?from=${month}&to=${month}`).set('Authorization', executive).expect(200)).body;
    expect(live.total.subscribers).toBe(1);
    expect((await http().get(`/api/report-archive/${first.report.id}`).set('Authorization', executive).expect(200)).body.total.subscribers).toBe(2);

    const list: ArchivedReportSummary[] = (await http().get('/api/report-archive').set('Authorization', executive).expect(200)).body;
    expect(list.filter((r) => r.month === month)).toHaveLength(1);

    // Three languages: XLSX in Russian, HTML in Ukrainian, CSV in English.
    const xlsx = await http().get(`/api/report-archive/${first.report.id}/file?format=xlsx&lang=ru`).set('Authorization', executive)
      .buffer(true).parse((res, cb) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => cb(null, Buffer.concat(parts))); }).expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Отток к конкурентам');
    expect(sheet.getRow(1).getCell(1).value).toBe('Конкурент');
    const html = await http().get(`/api/report-archive/${first.report.id}/file?format=html&lang=uk`).set('Authorization', executive).expect(200);
    expect(html.headers['content-disposition']).toContain(`churn-to-competitors-${month}-uk.html`);
    expect(html.text).toContain('Відтік до конкурентів');
    expect(html.text).toContain('Низька швидкість, нижча за тариф');
    const csv = await http().get(`/api/report-archive/${first.report.id}/file?format=csv&lang=en`).set('Authorization', executive).expect(200);
    // The byte order mark first, so that spreadsheets read Cyrillic names in UTF-8 (as every CSV export does).
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFCompetitor,Subscribers lost,Monthly revenue lost,Top reason');
    expect(csv.text).toContain('Total to competitors,2,900');
  });

  it('refuses a month that has not ended, naming the field, and writes nothing', async () => {
    const current = (await api.pool.query(`SELECT to_char(app_today(), 'YYYY-MM') AS m`)).rows[0].m as string;
    for (const m of [current, '2199-12']) {
      const { body } = await http().post('/api/report-archive').set('Authorization', admin).send({ month: m }).expect(422);
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['month']);
    }
    expect((await api.pool.query(`SELECT count(*)::int AS n FROM competitor_report WHERE month >= date_trunc('month', app_today())`)).rows[0].n).toBe(0);
  });

  it('produces the previous month when no month is given', async () => {
    const { body } = await http().post('/api/report-archive').set('Authorization', admin).send({}).expect(202);
    const previous = (await api.pool.query(`SELECT to_char(app_today() - interval '1 month', 'YYYY-MM') AS m`)).rows[0].m as string;
    expect(body.report.month).toBe(previous);
    await untilArchived(body.report.id, (r) => r.status === 'ready');
  });
});
