import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';

/** Reference names and exports in the console's language. */
describe('languages: reference names and exports', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function useLanguage(lang: 'en' | 'ru' | 'uk'): Promise<void> {
    await page.getByTestId('language-switch').click();
    await page.getByTestId(`language-option-${lang}`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  it('an admin adds a region with its Russian and Ukrainian names; each language shows its own, services too', async () => {
    await signIn(page, 'admin');
    await useLanguage('ru');
    await page.goto('/admin/services');
    const internet = page.locator('[data-testid="reference-row"][data-code="internet"]');
    await internet.waitFor();
    expect(await internet.textContent()).toContain('Домашний интернет');

    const code = `hills_${Date.now().toString(36)}`;
    await page.goto('/admin/regions');
    await page.getByTestId('reference-create').click();
    await page.getByTestId('reference-code').fill(code);
    await page.getByTestId('reference-name').fill('Hillside');
    await page.getByTestId('reference-name-ru').fill('Холмы');
    await page.getByTestId('reference-name-uk').fill('Пагорби');
    await shoot(page, 'reference-region-dialog-ru');
    await page.getByTestId('reference-save').click();
    const row = page.locator(`[data-testid="reference-row"][data-code="${code}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Холмы');
    await shoot(page, 'reference-regions-ru');
    await useLanguage('uk');
    await page.waitForFunction((c) => document.querySelector(`[data-code="${c}"]`)?.textContent?.includes('Пагорби'), code);
    await useLanguage('en');
    await page.waitForFunction((c) => document.querySelector(`[data-code="${c}"]`)?.textContent?.includes('Hillside'), code);
  });

  it('an executive in Russian downloads the report: Russian sheet names, headers and names', async () => {
    await signIn(page, 'executive');
    await useLanguage('ru');
    await page.goto('/executive/reports/competitors');
    await page.getByTestId('download-xlsx').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Отток к конкурентам', 'По услугам', 'По регионам']);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Конкурент');
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('Всего к конкурентам');
    const byService = wb.worksheets[1];
    expect(byService.getRow(1).getCell(2).value).toBe('Услуга');
    const services = (byService.getRows(2, Math.max(byService.rowCount - 1, 1)) ?? []).map((r) => String(r.getCell(2).value ?? ''));
    // Services by name in Russian, never by code.
    for (const s of services.filter(Boolean)) expect(['internet', 'cable_tv', 'iptv', 'telephony', 'mobile']).not.toContain(s);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const text = readFileSync((await csv.path()) as string, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Конкурент,Потеряно абонентов,Потеряно выручки в месяц,Главная причина');
  });
});
