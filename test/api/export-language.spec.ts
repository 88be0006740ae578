import ExcelJS from 'exceljs';
import { freshSubscribers, startApi, TestApi } from '@retention/test-support';

/** The lines of a CSV answer, split on commas (the cells checked here hold no comma or quote). */
function csvLines(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
}

describe('exports in the language asked for', () => {
  let api: TestApi;
  let executive: string;
  const month = '2016-08';
  const url = `/api/reports/churn-to-competitors?from=${month}&to=${month}`;
  let competitor: { id: string; code: string };
  let subscriber: { services: string[]; region: string };

  const binary = (req: ReturnType<ReturnType<TestApi['http']>['get']>) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    api = await startApi();
    const admin = `Bearer ${await api.token('admin')}`;
    const op = `Bearer ${await api.token('operator')}`;
    executive = `Bearer ${await api.token('executive')}`;
    // A competitor of its own with a Russian name (and none in Ukrainian), one subscriber who went to it.
    const code = `langnet_${Date.now().toString(36)}`;
    const { body } = await api.http().post('/api/competitors').set('Authorization', admin)
      .send({ code, name: 'LangNet', names: { ru: 'ЛангНет' } }).expect(201);
    competitor = { id: body.id, code };
    const [fresh] = await freshSubscribers(api.pool, 1);
    const { rows } = await api.pool.query(`SELECT r.code FROM subscriber s JOIN region r ON r.id = s.region_id WHERE s.id = $1`, [fresh.id]);
    subscriber = { services: fresh.services, region: rows[0].code };
    const { body: req } = await api.http().post('/api/disconnect-requests').set('Authorization', op)
      .send({ accountNumber: fresh.accountNumber, services: [], channel: 'phone' }).expect(201);
    await api.http().post(`/api/disconnect-requests/${req.id}/claim`).set('Authorization', op).expect(200);
    await api.http().post(`/api/disconnect-requests/${req.id}/resolve`).set('Authorization', op)
      .send({ outcome: 'disconnected', reasonCode: 'competitor_cheaper', competitorId: competitor.id }).expect(200);
    const when = `${month}-10T12:00:00Z`;
    await api.pool.query(`UPDATE disconnect_request SET resolved_at = $2 WHERE id = $1`, [req.id, when]);
  });
  afterAll(() => api.close());

  async function reasonTitle(lang: string): Promise<string> {
    const reasons = (await api.http().get(`/api/churn-reasons?lang=${lang}`).set('Authorization', executive).expect(200)).body;
    return reasons.find((r: { code: string }) => r.code === 'competitor_cheaper').title;
  }

  async function referenceNames(path: string, codes: string[]): Promise<{ en: string[]; ru: string[]; uk: string[] }> {
    const items: { code: string; name: string; names: { ru?: string; uk?: string } }[] =
      (await api.http().get(`/api/${path}`).set('Authorization', executive).expect(200)).body;
    const mine = items.filter((i) => codes.includes(i.code));
    return { en: mine.map((i) => i.name), ru: mine.map((i) => i.names.ru ?? i.name), uk: mine.map((i) => i.names.uk ?? i.name) };
  }

  it('a CSV in Russian has Russian headers, the competitor\'s Russian name and the reason\'s Russian title', async () => {
    const csv = await api.http().get(`${url}&format=csv&lang=ru`).set('Authorization', executive).expect(200);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csvLines(csv.text);
    expect(lines[0]).toEqual(['Конкурент', 'Потеряно абонентов', 'Потеряно выручки в месяц', 'Главная причина']);
    const mine = lines.find((l) => l[0] === 'ЛангНет');
    expect(mine).toBeDefined();
    expect(mine?.[1]).toBe('1');
    const title = await reasonTitle('ru');
    expect(title).not.toBe('competitor_cheaper');
    expect(mine?.[3]).toBe(title);
    expect(lines.some((l) => l[0] === 'Переехали из зоны покрытия')).toBe(true);
    expect(lines[lines.length - 1][0]).toBe('Всего к конкурентам');
    expect(lines.flat()).not.toContain('competitor_cheaper');
  });

  it('in Ukrainian a missing translation falls back to the English name; in English (the default) nothing changes', async () => {
    const uk = csvLines((await api.http().get(`${url}&format=csv&lang=uk`).set('Authorization', executive).expect(200)).text);
    expect(uk[0][0]).toBe('Конкурент');
    expect(uk[0][1]).toBe('Втрачено абонентів');
    expect(uk.find((l) => l[0] === 'LangNet')?.[3]).toBe(await reasonTitle('uk'));
    const en = csvLines((await api.http().get(`${url}&format=csv`).set('Authorization', executive).expect(200)).text);
    expect(en[0]).toEqual(['Competitor', 'Subscribers lost', 'Monthly revenue lost', 'Top reason']);
    expect(en.find((l) => l[0] === 'LangNet')?.[3]).toBe(await reasonTitle('en'));
  });

  it('an XLSX in Russian has Russian sheet names, and services and regions by their Russian names, never their codes', async () => {
    const res = await binary(api.http().get(`${url}&format=xlsx&lang=ru`).set('Authorization', executive)).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Отток к конкурентам',
      'По услугам',
      'По регионам',
      'Конкурент × причина × услуга × р'.slice(0, 31),
      'Динамика (12 месяцев)',
    ]);
    const rowsOf = (sheet: ExcelJS.Worksheet) =>
      (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((r) => (r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    const services = await referenceNames('services', subscriber.services);
    const regions = await referenceNames('regions', [subscriber.region]);
    expect(services.ru).not.toEqual(services.en);
    expect(regions.ru).not.toEqual(regions.en);
    const byService = rowsOf(wb.getWorksheet('По услугам') as ExcelJS.Worksheet).filter((r) => r[0] === 'ЛангНет');
    expect(byService.map((r) => r[1]).sort()).toEqual([...services.ru].sort());
    expect(wb.getWorksheet('По услугам')?.getRow(1).getCell(2).value).toBe('Услуга');
    const byRegion = rowsOf(wb.getWorksheet('По регионам') as ExcelJS.Worksheet).filter((r) => r[0] === 'ЛангНет');
    expect(byRegion.map((r) => r[1])).toEqual(regions.ru);
    const cells = rowsOf(wb.worksheets[3]).filter((r) => r[0] === 'ЛангНет');
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c[1]).toBe(await reasonTitle('ru'));
      expect(services.ru).toContain(c[2]);
      expect(c[3]).toBe(regions.ru[0]);
    }
  });

  it('the other reports too: plan versus actual names the service, key figures name the figure', async () => {
    const plan = csvLines((await api.http().get(`/api/reports/plan-vs-actual?from=${month}&to=${month}&service=internet&format=csv&lang=uk`)
      .set('Authorization', executive).expect(200)).text);
    expect(plan[0].slice(0, 2)).toEqual(['Місяць', 'Послуга']);
    const internet = (await referenceNames('services', ['internet'])).uk[0];
    expect(internet).not.toBe('internet');
    expect(plan.slice(1).every((l) => l[1] === internet)).toBe(true);
    const figures = csvLines((await api.http().get(`/api/reports/key-figures?from=${month}&to=${month}&format=csv&lang=ru`)
      .set('Authorization', executive).expect(200)).text);
    expect(figures[0][0]).toBe('Показатель');
    expect(figures.map((l) => l[0])).toContain('Уровень оттока');
    expect(figures.map((l) => l[0])).not.toContain('churn_rate');
  });

  it('refuses a language it does not speak, naming the field', async () => {
    const res = await api.http().get(`${url}&format=csv&lang=de`).set('Authorization', executive).expect(400);
    expect(res.body.fields[0].field).toBe('lang');
  });
});
