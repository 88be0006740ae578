import * as iconv from 'iconv-lite';
import { addDays } from '@retention/domain';
import { checkReportRollups } from '@retention/api-churn-data';
import { checkedTableSql, ColumnType, runImport } from '@retention/api-imports';
import { startApi, TestApi, TEST_TODAY } from '@retention/test-support';
import type { PoolClient } from 'pg';

/**
 * Imports from billing through the API against PostgreSQL: a good file of each kind, a file with errors
 * (each reported with line and column, nothing written), the same file twice (nothing changes), a
 * Windows-1251 file with semicolons and decimal commas, unknown references and stated reasons mapped and
 * kept, a large file run as a background job.
 */
const P = `I${process.pid % 100000}`;
const acct = (n: number) => `${P}-${String(n).padStart(3, '0')}`;
const day = (n: number) => addDays(TEST_TODAY, -n);
const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('imports from billing', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi({ JOB_POLL_SECONDS: '0.5', IMPORT_INLINE_BYTES: '20000' });
    admin = await api.token('admin');
  });
  afterAll(() => api?.close());

  const send = (kind: string, body: string | Buffer, query = '') =>
    api.http().post(`/api/imports?kind=${kind}${query}`).set('Authorization', `Bearer ${admin}`).set('Content-Type', 'text/csv').send(body);
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await api.pool.query(sql, params)).rows[0] as T;
  const n = async (sql: string, params: unknown[] = []) => Number((await one<{ n: string }>(sql, params)).n);

  const SUBSCRIBERS = [
    'account_number,full_name,region,connected_on,contract_type,status,phone,address',
    `${acct(1)},Ada Lovelace,north,${day(900)},12m,active,+380501112233,"1 Main St, Northport"`,
    `${acct(2)},Alan Turing,centre,${day(800)},month_to_month,active,,`,
    `${acct(3)},Grace Hopper,south,${day(100)},24m,active,+380509998877,2 Sea Rd`,
  ].join('\n');
  const SUBSCRIPTIONS = [
    'account_number,service,tariff,monthly_fee,started_on,ended_on',
    `${acct(1)},internet,internet_home_300,450.00,${day(900)},`,
    `${acct(1)},cable_tv,cable_tv_basic,150,${day(900)},`,
    `${acct(2)},internet,internet_start_100,250,${day(800)},`,
    `${acct(3)},mobile,mobile_m,350,${day(100)},`,
  ].join('\n');

  it('imports a good file of each kind', async () => {
    const subs = await send('subscribers', SUBSCRIBERS).expect(201);
    expect(subs.body).toMatchObject({ kind: 'subscribers', status: 'completed', rowsRead: 3, rowsWritten: 3, errors: [], failure: null });
    expect(subs.body.id).toEqual(expect.any(String));
    expect(subs.body.detected).toMatchObject({ encoding: 'utf-8', separator: ',', dateFormats: ['YYYY-MM-DD'] });
    const ada = await one<{ full_name: string; address: string; region: string }>(
      `SELECT s.full_name, s.address, r.code AS region FROM subscriber s JOIN region r ON r.id = s.region_id WHERE account_number = $1`, [acct(1)]);
    expect(ada).toEqual({ full_name: 'Ada Lovelace', address: '1 Main St, Northport', region: 'north' });

    expect((await send('subscriptions', SUBSCRIPTIONS).expect(201)).body).toMatchObject({ status: 'completed', rowsRead: 4, rowsWritten: 4 });
    expect(await n(`SELECT count(*) AS n FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id WHERE s.account_number LIKE $1`, [`${P}-%`])).toBe(4);

    const payments = ['account_number,paid_on,amount', `${acct(1)},${day(60)},600.00`, `${acct(1)},${day(30)},600`, `${acct(2)},${day(30)},250.5`].join('\n');
    expect((await send('payments', payments).expect(201)).body).toMatchObject({ status: 'completed', rowsRead: 3, rowsWritten: 3 });
    expect(await n(`SELECT sum(amount) AS n FROM payment p JOIN subscriber s ON s.id = p.subscriber_id WHERE s.account_number LIKE $1`, [`${P}-%`])).toBe(1450.5);

    const usage = ['account_number,month,service,amount', `${acct(1)},${day(60).slice(0, 7)},internet,120.5`, `${acct(1)},${day(30).slice(0, 7)},internet,98`].join('\n');
    expect((await send('usage', usage).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 2 });
    expect(await n(`SELECT count(*) AS n FROM usage_monthly u JOIN subscriber s ON s.id = u.subscriber_id WHERE s.account_number = $1`, [acct(1)])).toBe(2);

    const balances = ['account_number,as_of,balance', `${acct(2)},${day(40)},-10`, `${acct(2)},${day(10)},-120.75`, `${acct(3)},${day(10)},15`].join('\n');
    expect((await send('balances', balances).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 3 });
    expect(await n(`SELECT balance AS n FROM subscriber WHERE account_number = $1`, [acct(2)])).toBe(-120.75);
    expect(await n(`SELECT count(*) AS n FROM balance_snapshot b JOIN subscriber s ON s.id = b.subscriber_id WHERE s.account_number = $1`, [acct(2)])).toBe(2);

    // Historical disconnections: a voluntary leaver to a competitor, with a code; one cut off for non-payment.
    const disconnections = [
      'account_number,disconnected_on,services,stated_reason,reason_code,competitor,kind',
      `${acct(1)},${day(20)},internet|cable_tv,Found a cheaper offer,competitor_cheaper,fastnet,voluntary`,
      `${acct(2)},${day(15)},,,,,non_payment`,
    ].join('\n');
    const disc = await send('disconnections', disconnections).expect(201);
    expect(disc.body).toMatchObject({ status: 'completed', rowsRead: 2, rowsWritten: 2, errors: [] });
    const leaver = await one<Record<string, unknown>>(
      `SELECT s.status, s.disconnected_on::text AS on, s.disconnect_kind AS kind,
              (SELECT array_agg(DISTINCT end_reason) FROM subscription WHERE subscriber_id = s.id) AS reasons
         FROM subscriber s WHERE account_number = $1`, [acct(1)]);
    expect(leaver).toEqual({ status: 'disconnected', on: day(20), kind: 'voluntary', reasons: ['disconnected'] });
    const facts = (await api.pool.query(
      `SELECT f.service, f.reason_code, f.kind, f.destination, f.fee::float8 AS fee, f.month
         FROM churn_fact f JOIN subscriber s ON s.id = f.subscriber_id WHERE s.account_number = $1 ORDER BY f.service`, [acct(1)])).rows;
    expect(facts).toEqual([
      { service: 'cable_tv', reason_code: 'competitor_cheaper', kind: 'voluntary', destination: 'competitor', fee: 150, month: day(20).slice(0, 7) },
      { service: 'internet', reason_code: 'competitor_cheaper', kind: 'voluntary', destination: 'competitor', fee: 450, month: day(20).slice(0, 7) },
    ]);
    const debtor = await one<Record<string, unknown>>(
      `SELECT s.status, s.disconnect_kind AS kind, (SELECT array_agg(DISTINCT end_reason) FROM subscription WHERE subscriber_id = s.id) AS reasons,
              (SELECT count(*)::int FROM disconnect_request WHERE subscriber_id = s.id) AS requests
         FROM subscriber s WHERE account_number = $1`, [acct(2)]);
    expect(debtor).toEqual({ status: 'disconnected', kind: 'non_payment', reasons: ['non_payment'], requests: 0 });
    // The roll-ups followed the writes (their triggers), so the reports count them.
    const client = await api.pool.connect();
    try {
      const { drifted } = await checkReportRollups(async (sql, params) => (await client.query(sql, params)).rows);
      expect(drifted).toEqual([]);
    } finally {
      client.release();
    }
  });

  it('reports every error of a bad file with its line and column, and writes nothing', async () => {
    await send('subscribers', ['account_number,full_name,region,connected_on,contract_type,status', `${acct(10)},Bad File,east,${day(300)},12m,active`].join('\n')).expect(201);
    const before = await n(`SELECT count(*) AS n FROM payment`);
    const file = [
      'account_number,paid_on,amount',
      `${acct(10)},${day(5)},100`,
      `${acct(10)},31.02.2025,100`,
      `${acct(10)},${day(4)},-5`,
      `NOPE-404,${day(4)},10`,
      `${acct(10)},${day(5)},100`,
      `${acct(10)},${day(3)}`,
    ].join('\n');
    const res = await send('payments', file).expect(201);
    expect(res.body).toMatchObject({ status: 'rejected', rowsRead: 6, rowsWritten: 0, errorCount: 5 });
    expect(res.body.errors).toEqual([
      { line: 3, column: 'paid_on', message: expect.stringContaining('not a date') },
      { line: 4, column: 'amount', message: expect.stringContaining('positive') },
      { line: 5, column: 'account_number', message: 'unknown account NOPE-404' },
      { line: 6, column: 'amount', message: 'the same amount as line 2' },
      { line: 7, column: null, message: '2 columns instead of 3' },
    ]);
    expect(await n(`SELECT count(*) AS n FROM payment`)).toBe(before);
    const stored = await api.http().get(`/api/imports/${res.body.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(stored.body).toMatchObject({ status: 'rejected', errorCount: 5, errors: res.body.errors });
  });

  it('changes nothing when the same file comes a second time', async () => {
    const tables = ['subscriber', 'subscription', 'payment', 'usage_monthly', 'balance_snapshot', 'disconnect_request', 'churn_fact', 'base_flow', 'revenue_flow'];
    const fingerprint = async () =>
      (await api.pool.query(`SELECT ${tables.map((t) => `(SELECT count(*) || '/' || COALESCE(max(xmin::text::bigint), 0) FROM ${t})`).join(` || ' ' || `)} AS f`)).rows[0].f;
    const files: [string, string][] = [
      ['subscribers', SUBSCRIBERS],
      ['subscriptions', SUBSCRIPTIONS],
      ['payments', ['account_number,paid_on,amount', `${acct(3)},${day(9)},350`].join('\n')],
      ['usage', ['account_number,month,service,amount', `${acct(3)},${day(9).slice(0, 7)},mobile,7.5`].join('\n')],
      ['balances', ['account_number,as_of,balance', `${acct(3)},${day(9)},0`].join('\n')],
      ['disconnections', ['account_number,disconnected_on,services,stated_reason,reason_code', `${acct(3)},${day(5)},mobile,moving abroad,emigration`].join('\n')],
    ];
    for (const [kind, body] of files) await send(kind, body).expect(201);
    const before = await fingerprint();
    for (const [kind, body] of files) {
      const again = await send(kind, body).expect(201);
      expect({ kind, status: again.body.status, rowsWritten: again.body.rowsWritten }).toEqual({ kind, status: 'completed', rowsWritten: 0 });
    }
    expect(await fingerprint()).toBe(before);
    // The work tables (unlogged, for parallel reads) live only inside an import's transaction: none is left behind.
    const left = await api.pool.query(`SELECT relname FROM pg_class WHERE relname IN ('import_raw', 'import_checked', 'import_ready')`);
    expect(left.rows).toEqual([]);

    // The guard under the anti-join: a second row with an imported payment's key is refused by the unique index,
    // whoever writes it; a payment without a key on the same day is not.
    const copy = (key: string) =>
      `INSERT INTO payment (subscriber_id, paid_on, amount, import_key)
       SELECT p.subscriber_id, p.paid_on, p.amount, ${key} FROM payment p JOIN subscriber s ON s.id = p.subscriber_id
        WHERE s.account_number = $1 AND p.import_key IS NOT NULL`;
    await expect(api.pool.query(copy('p.import_key'), [acct(3)])).rejects.toMatchObject({ code: '23505', constraint: 'uq_payment_subscriber_day_key' });
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      expect((await client.query(copy('NULL'), [acct(3)])).rowCount).toBe(1);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('reads a Windows-1251 file with semicolons, DD.MM.YYYY dates and decimal commas', async () => {
    const text = [
      'account_number;full_name;region;connected_on;contract_type;status;phone;address',
      `${acct(20)};Шевченко Тарас Григорович;west;${dotted(day(500))};12m;active;;вул. Хрещатик, 1`,
    ].join('\r\n');
    const subs = await send('subscribers', iconv.encode(text, 'win1251')).expect(201);
    expect(subs.body).toMatchObject({ status: 'completed', rowsWritten: 1 });
    expect(subs.body.detected).toMatchObject({ encoding: 'windows-1251', separator: ';', dateFormats: ['DD.MM.YYYY'] });
    expect(await one(`SELECT full_name, address, connected_on::text AS c FROM subscriber WHERE account_number = $1`, [acct(20)])).toEqual({
      full_name: 'Шевченко Тарас Григорович', address: 'вул. Хрещатик, 1', c: day(500),
    });
    const payments = ['account_number;paid_on;amount', `${acct(20)};${dotted(day(3))};1 234,50`, `${acct(20)};${dotted(day(2))};"99,9"`].join('\r\n');
    const paid = await send('payments', iconv.encode(payments, 'win1251')).expect(201);
    expect(paid.body).toMatchObject({ status: 'completed', rowsWritten: 2 });
    expect(paid.body.detected).toMatchObject({ encoding: 'utf-8', separator: ';', decimalSeparators: [','] });
    expect(await n(`SELECT sum(amount) AS n FROM payment p JOIN subscriber s ON s.id = p.subscriber_id WHERE s.account_number = $1`, [acct(20)])).toBe(1334.4);
    // The same letters in UTF-8 with a byte-order mark.
    const bom = await send('subscribers', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(acct(20), acct(21)), 'utf8')])).expect(201);
    expect(bom.body.detected.encoding).toBe('utf-8-bom');
    expect(await n(`SELECT count(*) AS n FROM subscriber WHERE account_number = $1 AND full_name = 'Шевченко Тарас Григорович'`, [acct(21)])).toBe(1);
  });

  it('lists unknown regions, services, tariffs and competitors; a kept mapping resolves them on the next import', async () => {
    const region = `Північ-${P}`;
    const subs = ['account_number,full_name,region,connected_on,contract_type,status', `${acct(30)},Map Me,${region},${day(400)},12m,active`].join('\n');
    const dry = await send('subscribers', subs, '&dryRun=true').expect(201);
    expect(dry.body).toMatchObject({ status: 'rejected', dryRun: true, rowsWritten: 0 });
    expect(dry.body.unknown).toEqual([{ entity: 'region', value: region, rows: 1, firstLine: 2 }]);
    expect(dry.body.errors).toEqual([{ line: 2, column: 'region', message: expect.stringContaining('unknown region') }]);
    expect(await n(`SELECT count(*) AS n FROM subscriber WHERE account_number = $1`, [acct(30)])).toBe(0);

    const subscriptions = ['account_number,service,tariff,monthly_fee,started_on,ended_on', `${acct(30)},Internet-${P},HOME300-${P},450,${day(400)},`].join('\n');
    await api.http().put('/api/imports/mappings').set('Authorization', `Bearer ${admin}`)
      .send({ entries: [{ entity: 'region', source: region, target: 'north' }, { entity: 'tariff', source: `HOME300-${P}`, target: 'nope' }] })
      .expect(400)
      .expect((r) => expect(r.body.fields).toEqual([{ field: 'entries.1.target', problems: [expect.stringContaining('no tariff')] }]));
    expect(await n(`SELECT count(*) AS n FROM import_mapping WHERE source = lower($1)`, [region])).toBe(0); // all or nothing
    const saved = await api.http().put('/api/imports/mappings').set('Authorization', `Bearer ${admin}`)
      .send({ entries: [
        { entity: 'region', source: region, target: 'north' },
        { entity: 'service', source: `Internet-${P}`, target: 'internet' },
        { entity: 'tariff', source: `HOME300-${P}`, target: 'internet_home_300' },
        { entity: 'competitor', source: `Zeta Telecom ${P}`, target: `zeta-${P.toLowerCase()}`, create: true },
      ] })
      .expect(200);
    expect(saved.body).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'region', source: region.toLowerCase(), target: 'north' })]));
    expect(await n(`SELECT count(*) AS n FROM competitor WHERE code = $1 AND name = $2`, [`zeta-${P.toLowerCase()}`, `Zeta Telecom ${P}`])).toBe(1);

    expect((await send('subscribers', subs).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 1, unknown: [] });
    expect(await one(`SELECT r.code FROM subscriber s JOIN region r ON r.id = s.region_id WHERE account_number = $1`, [acct(30)])).toEqual({ code: 'north' });
    expect((await send('subscriptions', subscriptions).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 1 });
    const left = ['account_number,disconnected_on,services,stated_reason,reason_code,competitor', `${acct(30)},${day(3)},Internet-${P},cheaper elsewhere,competitor_cheaper,Zeta Telecom ${P}`].join('\n');
    expect((await send('disconnections', left).expect(201)).body).toMatchObject({ status: 'completed', rowsWritten: 1 });
    expect(await one(`SELECT c.code FROM disconnect_request d JOIN subscriber s ON s.id = d.subscriber_id JOIN competitor c ON c.id = d.competitor_id WHERE s.account_number = $1`, [acct(30)]))
      .toEqual({ code: `zeta-${P.toLowerCase()}` });
  });

  it('suggests a reason for each stated reason without a code; accepting them all is one call, and kept', async () => {
    const rows = [
      `${acct(40)},Internet too slow and keeps dropping ${P},`,
      `${acct(41)},Internet too slow and keeps dropping ${P},`,
      `${acct(42)},Moving to another city ${P},`,
    ];
    for (const [i, a] of [acct(40), acct(41), acct(42)].entries()) {
      await send('subscribers', ['account_number,full_name,region,connected_on,contract_type,status', `${a},Leaver ${i},east,${day(700)},12m,active`].join('\n')).expect(201);
      await send('subscriptions', ['account_number,service,tariff,monthly_fee,started_on,ended_on', `${a},internet,internet_start_100,250,${day(700)},`].join('\n')).expect(201);
    }
    const file = ['account_number,stated_reason,services,disconnected_on', ...rows.map((r) => `${r.slice(0, -1)},internet,${day(10)}`)].join('\n');
    const dry = await send('disconnections', file, '&dryRun=true').expect(201);
    expect(dry.body.status).toBe('rejected');
    expect(dry.body.errors).toHaveLength(3);
    expect(dry.body.errors[0]).toEqual({ line: 2, column: 'reason_code', message: expect.stringContaining('no reason code') });
    expect(dry.body.reasons).toEqual([
      { statedReason: `Internet too slow and keeps dropping ${P}`, rows: 2, suggestion: expect.objectContaining({ code: expect.any(String) }) },
      { statedReason: `Moving to another city ${P}`, rows: 1, suggestion: expect.objectContaining({ code: expect.any(String) }) },
    ]);
    const suggested = dry.body.reasons.map((r: { suggestion: { code: string } }) => r.suggestion.code);

    const accepted = await api.http().post(`/api/imports/${dry.body.id}/accept-reasons`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(accepted.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ entity: 'reason', source: `internet too slow and keeps dropping ${P}`.toLowerCase(), target: suggested[0] }),
    ]));
    // The admin changes one of them.
    await api.http().put('/api/imports/mappings').set('Authorization', `Bearer ${admin}`)
      .send({ entries: [{ entity: 'reason', source: `Moving to another city ${P}`, target: 'move_out_of_coverage' }] }).expect(200);

    const done = await send('disconnections', file).expect(201);
    expect(done.body).toMatchObject({ status: 'completed', rowsWritten: 3, reasons: [] });
    const codes = (await api.pool.query(
      `SELECT s.account_number, f.reason_code FROM churn_fact f JOIN subscriber s ON s.id = f.subscriber_id WHERE s.account_number = ANY($1) ORDER BY 1`,
      [[acct(40), acct(41), acct(42)]])).rows.map((r) => r.reason_code);
    expect(codes).toEqual([suggested[0], suggested[0], 'move_out_of_coverage']);
  });

  it('reports the rows before a line that is not valid CSV, and that line', async () => {
    const file = ['account_number,paid_on,amount', `NOPE-405,${day(4)},10`, `${acct(1)},"${day(3)},10`].join('\n');
    const res = await send('payments', file).expect(201);
    expect(res.body).toMatchObject({ status: 'rejected', rowsWritten: 0, errorCount: 2 });
    expect(res.body.errors).toEqual([
      { line: 2, column: 'account_number', message: 'unknown account NOPE-405' },
      { line: 3, column: null, message: expect.stringContaining('the file is not valid CSV here') },
    ]);
  });

  it('reports the same errors whether the file is COPYed as it is or read by the parser', async () => {
    await send('subscribers', ['account_number,full_name,region,connected_on,contract_type,status', `${acct(11)},Both Ways,east,${day(300)},12m,active`].join('\n')).expect(201);
    const rows = [
      `${acct(11)};${day(5)};100`,
      `${acct(11)};31.02.2025;100`, // not a day of the calendar
      `${acct(11)};2025-13-01;100`,
      `${acct(11)};${dotted(day(6))};"1 234,50"`, // good: dotted date, decimal comma, thousands
      `${acct(11)};${day(7)};-5`,
      `${acct(11)};${day(8)};0,00`,
      `${acct(11)};${day(9)};12.345`,
      `${acct(11)};${day(10)};1e5`,
      `${acct(11)};${day(11)};99999999999`,
      `NOPE-406;${day(4)};10`,
      `${acct(11)};${day(5)};100,00`, // the first line's payment again
      `  ;${day(12)};5`,
      `${acct(11)};  ${day(13)} ; 7 `, // spaces around values are trimmed
    ];
    const file = Buffer.from(['account_number;paid_on;amount', ...rows].join('\r\n'));
    /** The bytes once (they cannot be read twice: the parser's way), or a way to read them afresh (COPY's). */
    const once = (body: Buffer) => (async function* () { yield body; })();
    const run = async (way: 'copy' | 'parser', body: Buffer) => {
      const phases: string[] = [];
      const outcome = await runImport(api.pool, way === 'copy' ? () => once(body) : once(body), {
        kind: 'payments', dryRun: true, userId: null, newSubscriberMonths: 6, onPhase: (p) => phases.push(p),
      });
      return { outcome, phases };
    };
    const copied = await run('copy', file);
    const parsed = await run('parser', file);
    expect(copied.phases[0]).toBe('COPY the file');
    expect(parsed.phases[0]).toBe('parse and stage');
    expect(copied.outcome).toMatchObject({ status: 'rejected', rowsRead: 13, errorCount: 10, detected: { separator: ';', dateFormats: ['DD.MM.YYYY', 'YYYY-MM-DD'], decimalSeparators: [','] } });
    expect(copied.outcome.errors).toEqual([
      { line: 3, column: 'paid_on', message: '"31.02.2025" is not a date (YYYY-MM-DD or DD.MM.YYYY)' },
      { line: 4, column: 'paid_on', message: '"2025-13-01" is not a date (YYYY-MM-DD or DD.MM.YYYY)' },
      { line: 6, column: 'amount', message: 'must be positive, not -5' },
      { line: 7, column: 'amount', message: 'must be positive, not 0.00' },
      { line: 8, column: 'amount', message: '"12.345" is not a number with at most 2 decimals' },
      { line: 9, column: 'amount', message: '"1e5" is not a number with at most 2 decimals' },
      { line: 10, column: 'amount', message: '99999999999 is too large' },
      { line: 11, column: 'account_number', message: 'unknown account NOPE-406' },
      { line: 12, column: 'amount', message: 'the same amount as line 2' },
      { line: 13, column: 'account_number', message: 'is empty' },
    ]);
    expect(parsed.outcome).toEqual(copied.outcome);

    // A row of another width: COPY refuses the file, the parser reads it again and reports that row besides the rest.
    const wider = Buffer.from(['account_number;paid_on;amount', ...rows, `${acct(11)};${day(14)};5;extra`].join('\r\n'));
    const refused = await run('copy', wider);
    expect(refused.phases.slice(0, 2)).toEqual(['COPY refused the file', 'parse and stage']);
    expect(refused.outcome.errors).toEqual([...copied.outcome.errors, { line: 15, column: null, message: '4 columns instead of 3' }]);
    expect(refused.outcome).toEqual((await run('parser', wider)).outcome);

    // A quoted line break: records and lines differ, so the parser numbers the lines.
    const multiline = ['account_number,full_name,region,connected_on,contract_type,status,phone,address',
      `${acct(12)},Two Lines,east,${day(300)},12m,active,,"1 Main St`, `Flat 2"`, `${acct(13)},Bad Day,east,31.02.2025,12m,active,,`].join('\n');
    const broken = await runImport(api.pool, () => once(Buffer.from(multiline)), { kind: 'subscribers', dryRun: true, userId: null, newSubscriberMonths: 6 });
    expect(broken.errors).toEqual([{ line: 4, column: 'connected_on', message: '"31.02.2025" is not a date (YYYY-MM-DD or DD.MM.YYYY)' }]);
  });

  /** `values` as the first field of `import_raw` (line 1, 2, …) in a transaction rolled back after `read`. */
  async function withRawValues<T>(values: (string | null)[], read: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMPORARY TABLE import_raw (line integer, f1 text) ON COMMIT DROP');
      await client.query('INSERT INTO import_raw SELECT i::int + 1, v FROM unnest($1::text[]) WITH ORDINALITY u(v, i)', [values]);
      return await read(client);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('checks and normalises values by one rule in SQL (worked examples)', async () => {
    /** Each value through import-values.sql.ts as a column of the given type: its normal form, or its error. */
    const check = (spec: ColumnType, values: (string | null)[]) =>
      withRawValues(values, async (client) => {
        await client.query(checkedTableSql([{ name: 'x', required: true, spec }], [0]));
        const { rows } = await client.query<{ x: string | null; e_x: string | null; fmt_x: string | null }>('SELECT x, e_x, fmt_x FROM import_checked ORDER BY line');
        return rows.map((r) => (r.e_x ? { error: r.e_x } : r.fmt_x ? [r.x, r.fmt_x] : r.x));
      });
    const notDate = (v: string) => ({ error: `"${v}" is not a date (YYYY-MM-DD or DD.MM.YYYY)` });
    expect(await check({ type: 'date' }, ['2025-03-04', '04.03.2025', ' 2024-02-29 ', '31.02.2025', '2025-02-29', '2025-13-01', '03/04/2025', '1899-12-31', '2025-3-4', '', null]))
      .toEqual([['2025-03-04', 'YYYY-MM-DD'], ['2025-03-04', 'DD.MM.YYYY'], ['2024-02-29', 'YYYY-MM-DD'], notDate('31.02.2025'), notDate('2025-02-29'),
        notDate('2025-13-01'), notDate('03/04/2025'), notDate('1899-12-31'), notDate('2025-3-4'), null, null]);
    const notMonth = (v: string) => ({ error: `"${v}" is not a month (YYYY-MM, MM.YYYY or a date)` });
    expect(await check({ type: 'month' }, ['2025-03', '03.2025', '17.03.2025', '2025-03-17', '2025-00', '13.2025', '31.02.2025']))
      .toEqual(['2025-03-01', '2025-03-01', '2025-03-01', '2025-03-01', notMonth('2025-00'), notMonth('13.2025'), notMonth('31.02.2025')]);
    const notNumber = (v: string) => ({ error: `"${v}" is not a number with at most 2 decimals` });
    expect(await check({ type: 'decimal', precision: 12, scale: 2 }, ['12.5', '12,50', '1 234,50', '1\u00a0234 567,5', '-0,5', '+7', '007', '0', '12.345', '1,234.50', '12 34', 'abc', '5.', '9999999999.99', '10000000000']))
      .toEqual([['12.5', '.'], ['12.50', ','], ['1234.50', ','], ['1234567.5', ','], ['-0.5', ','], '7', '7', '0', notNumber('12.345'), notNumber('1,234.50'),
        notNumber('12 34'), notNumber('abc'), notNumber('5.'), ['9999999999.99', '.'], { error: '10000000000 is too large' }]);
    expect(await check({ type: 'decimal', precision: 12, scale: 2, min: 'positive' }, ['0,01', '0', '-1'])).toEqual([['0.01', ','], { error: 'must be positive, not 0' }, { error: 'must be positive, not -1' }]);
    expect(await check({ type: 'decimal', precision: 14, scale: 2, min: 'zero' }, ['0', '-0', '-0.5'])).toEqual(['0', '-0', { error: 'must not be negative (-0.5)' }]);
    expect(await check({ type: 'codes' }, ['tv|internet', ' internet, tv ,tv', 'mobile;tv  internet', '', `${'x'.repeat(241)}|tv`]))
      .toEqual(['internet|tv', 'internet|tv', 'internet|mobile|tv', '', { error: 'holds a name longer than 240 characters' }]);
    expect(await check({ type: 'choice', choices: ['nps', 'csat'] }, ['NPS', ' csat', 'ces'])).toEqual(['nps', 'csat', { error: '"ces" is not one of nps, csat' }]);
    expect(await check({ type: 'text', max: 5 }, ['\ufeff abc\u00a0', 'abcdef'])).toEqual(['abc', { error: 'is longer than 5 characters' }]);
  });

  it('takes the common forms the short way to exactly what the full check gives (tricky and generated values)', async () => {
    /** Every value through the check with and without the shortcut: the whole rows of import_checked (value, error, format). */
    const both = (spec: ColumnType, values: (string | null)[]) =>
      withRawValues(values, async (client) => {
        const read = async (shortcut: boolean) => {
          await client.query(checkedTableSql([{ name: 'x', required: true, nonEmpty: true, spec }], [0], { shortcut }));
          const { rows } = await client.query('SELECT line, x, e_x, fmt_x FROM import_checked ORDER BY line');
          await client.query('DROP TABLE import_checked');
          return rows;
        };
        return { short: await read(true), full: await read(false) };
      });
    const tricky = [
      '2025-03-04', '04.03.2025', '2024-02-29', '2025-02-29', '29.02.2024', '31.04.2025', '2025-13-01', '2025-00-10', '2025-01-00', '0000-01-01',
      '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '9999-99-99', '00.00.0000', ' 2025-03-04', '2025-03-04 ', '\u00a02025-03-04', '2025-03-04\n',
      '２０２５-03-04', '2025-03-04T00', '2025-3-04', '+025-03-04', '-025-03-04', '2025/03/04', '03.2025', '2025-03', '00.0000', '0000-00', '13.2025',
      '2025-00', '12.1899', '12.2199', '1', '0', '00', '007', '0.5', '0,5', '.5', ',5', '5.', '5,', '12.5', '12,50', '12.345', '12,345', '1.2.3', '1,2,3',
      '1 234,50', '1\u00a0234.5', '+7', '-7', '-0', '- 7', '7-', '9999999999.99', '99999999999.99', '10000000000', '9999999999', '99999999999999.99',
      '123456789012', '1e5', '0x10', 'abc', '١٢٣', '12\u00a0', '\ufeff12.5', '1.00', '1,00', '100.', '', ' ', '\t', null,
    ];
    // Generated: strings of 1 to 12 characters from digits, the separators and signs, spaces and a letter (seeded).
    let seed = 20261205;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ['0', '1', '2', '5', '9', '0', '1', '9', '.', ',', '-', '+', ' ', '\u00a0', 'x'];
    const generated = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    // Generated dates: YYYY-MM-DD and DD.MM.YYYY with any two digits for the month and day, years around the limits.
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    const dates = Array.from({ length: 3000 }, (_, i) => {
      const y = [1899, 1900, 1999, 2024, 2025, 2100, 2199, 2200][i % 8];
      const m = Math.floor(random() * 15);
      const d = Math.floor(random() * 34);
      return i % 2 ? `${pad(d, 2)}.${pad(m, 2)}.${y}` : `${y}-${pad(m, 2)}-${pad(d, 2)}`;
    });
    const values = [...tricky, ...generated, ...dates];
    for (const spec of [
      { type: 'date' },
      { type: 'month' },
      { type: 'decimal', precision: 12, scale: 2 },
      { type: 'decimal', precision: 12, scale: 2, min: 'positive' },
      { type: 'decimal', precision: 14, scale: 2, min: 'zero' },
      { type: 'decimal', precision: 5, scale: 0 },
    ] as ColumnType[]) {
      const { short, full } = await both(spec, values);
      expect(short).toHaveLength(values.length);
      expect({ spec, rows: short }).toEqual({ spec, rows: full });
    }

    // The payment's key writes a checked amount with two decimals as it is, any other cast to numeric(12,2): the same text.
    const amounts = (await both({ type: 'decimal', precision: 12, scale: 2 }, values)).full
      .filter((r) => r.x !== null && r.e_x === null)
      .map((r) => r.x as string);
    expect(amounts.length).toBeGreaterThan(500);
    const { rows: keys } = await api.pool.query<{ a: string; cast: string; short: string }>(
      `SELECT a, a::numeric(12,2)::text AS cast, CASE WHEN a LIKE '%.__' AND a NOT LIKE '-%' THEN a ELSE a::numeric(12,2)::text END AS short
         FROM unnest($1::text[]) a`,
      [amounts],
    );
    expect(keys.filter((k) => k.cast !== k.short)).toEqual([]);
  });

  it('reads UTF-8 however its bytes come cut (a letter split between two chunks)', async () => {
    // Past the 64 KiB the encoding is read from, in pieces of 7 bytes: every two-byte letter is split somewhere.
    const rows = Array.from({ length: 700 }, (_, i) => `${acct(1000 + i)},Олена Ковальчук ${i},west,${day(400)},12m,active,,"вул. Шевченка, ${i}"`);
    const bytes = Buffer.from(`\ufeff${['account_number,full_name,region,connected_on,contract_type,status,phone,address', ...rows].join('\n')}`, 'utf8');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const outcome = await runImport(api.pool, pieces(), { kind: 'subscribers', dryRun: false, userId: null, newSubscriberMonths: 6 });
    expect(outcome).toMatchObject({ status: 'completed', rowsRead: 700, rowsWritten: 700, errors: [], detected: { encoding: 'utf-8-bom' } });
    const stored = await api.pool.query(`SELECT full_name, address FROM subscriber WHERE account_number IN ($1, $2) ORDER BY account_number`, [acct(1000), acct(1699)]);
    expect(stored.rows).toEqual([
      { full_name: 'Олена Ковальчук 0', address: 'вул. Шевченка, 0' },
      { full_name: 'Олена Ковальчук 699', address: 'вул. Шевченка, 699' },
    ]);
  });

  it('maps the file’s own headers to our columns', async () => {
    const file = ['Acct;Paid;Sum', `${acct(1)};${dotted(day(7))};12,00`].join('\n');
    const missing = await send('payments', file).expect(201);
    expect(missing.body).toMatchObject({ status: 'rejected', headers: ['Acct', 'Paid', 'Sum'] });
    expect(missing.body.errors.map((e: { column: string }) => e.column)).toEqual(['account_number', 'paid_on', 'amount']);
    const columns = encodeURIComponent(JSON.stringify({ account_number: 'Acct', paid_on: 'Paid', amount: 'Sum' }));
    const mapped = await send('payments', file, `&columns=${columns}`).expect(201);
    expect(mapped.body).toMatchObject({ status: 'completed', rowsWritten: 1, columns: { account_number: 'Acct', paid_on: 'Paid', amount: 'Sum' } });
  });

  it('rejects a file at its header when a required column is missing, without reading its rows', async () => {
    // A subscriptions file sent as payments: far above IMPORT_INLINE_BYTES (it would be stored and queued), and
    // its rows, bad as they are, are never read: the answer names the missing columns on line 1.
    const lines = ['account_number,service,tariff,monthly_fee,started_on,ended_on'];
    for (let i = 0; i < 200_000; i++) lines.push(`${acct(3)},internet,internet_start_100,not a fee,${day(i % 300)},`);
    const body = lines.join('\n');
    expect(body.length).toBeGreaterThan(10_000_000);
    const before = await n(`SELECT count(*) AS n FROM payment`);
    const res = await send('payments', body).expect(201);
    expect(res.body).toMatchObject({ status: 'rejected', rowsRead: 0, rowsWritten: 0, errorCount: 2, headers: lines[0].split(',') });
    expect(res.body.errors).toEqual([
      { line: 1, column: 'paid_on', message: 'the file has no such column: map one of its columns to it' },
      { line: 1, column: 'amount', message: 'the file has no such column: map one of its columns to it' },
    ]);
    // Only the head the header was read from was taken, and nothing of the file is kept.
    expect(res.body.progress.bytesRead).toBeLessThanOrEqual(256 * 1024);
    expect(await n(`SELECT count(*) AS n FROM import_file_chunk WHERE import_id = $1`, [res.body.id])).toBe(0);
    expect(await n(`SELECT count(*) AS n FROM payment`)).toBe(before);
    const stored = await api.http().get(`/api/imports/${res.body.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(stored.body).toMatchObject({ status: 'rejected', rowsRead: 0, errors: res.body.errors });

    // The pipeline itself (the job, the command) stops there too: it takes nothing of the input after its head.
    let taken = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; i < body.length; i += 64 * 1024) {
        taken++;
        yield Buffer.from(body.slice(i, i + 64 * 1024));
      }
    }
    const outcome = await runImport(api.pool, chunks(), { kind: 'payments', dryRun: false, userId: null, newSubscriberMonths: 6 });
    expect(outcome).toMatchObject({ status: 'rejected', rowsRead: 0, errors: res.body.errors });
    expect(taken).toBe(1);
  });

  it('runs a file larger than IMPORT_INLINE_BYTES as a background job with progress', async () => {
    const lines = ['account_number,paid_on,amount'];
    for (let i = 0; i < 1500; i++) lines.push(`${acct(3)},${day(1 + (i % 300))},${(1 + i / 100).toFixed(2)}`);
    const body = lines.join('\n');
    expect(body.length).toBeGreaterThan(20000);
    const queued = await send('payments', body).expect(202);
    expect(queued.body).toMatchObject({ status: 'queued', progress: { fileBytes: body.length } });
    let run = queued.body;
    const end = Date.now() + 30_000;
    while (!['completed', 'rejected', 'failed'].includes(run.status) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 300));
      run = (await api.http().get(`/api/imports/${queued.body.id}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
    }
    expect(run).toMatchObject({ status: 'completed', rowsRead: 1500, rowsWritten: 1500, progress: { bytesRead: body.length, fileBytes: body.length } });
    expect(await n(`SELECT count(*) AS n FROM import_file_chunk WHERE import_id = $1`, [run.id])).toBe(0);
    const history = await api.http().get('/api/imports?limit=5').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(history.body.items[0]).toMatchObject({ id: run.id, kind: 'payments', createdBy: expect.any(String) });
    expect(history.body.total).toBeGreaterThan(5);
  });

  it('takes only a CSV body', async () => {
    const before = await n(`SELECT count(*) AS n FROM import_run`);
    await api.http().post('/api/imports?kind=payments').set('Authorization', `Bearer ${admin}`).send({ a: 1 }).expect(415);
    await api.http().post('/api/imports?kind=bills').set('Authorization', `Bearer ${admin}`).set('Content-Type', 'text/csv').send('a').expect(400);
    expect(await n(`SELECT count(*) AS n FROM import_run`)).toBe(before);
  });
});
