import { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '@retention/domain';
import { launchBrowser, newBrowserContext, shoot, signIn, TEST_TODAY } from '@retention/test-support';
import { Pool } from 'pg';

/** An administrator imports a billing file whose headers differ from ours: maps the columns, checks it, imports it, reads the report. */
describe('console: imports from billing', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('an admin maps the columns, checks the file, imports it and sees the report and the history', async () => {
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    const { rows } = await pool.query(`SELECT account_number FROM subscriber WHERE status = 'active' ORDER BY account_number LIMIT 2`);
    const [a, b] = rows.map((r) => r.account_number as string);
    const day = (n: number) => addDays(TEST_TODAY, -n).split('-').reverse().join('.');
    const csv = ['Рахунок;Дата;Сума', `${a};${day(3)};250,00`, `${b};${day(2)};99,90`, `${a};31.02.2025;10`].join('\n');

    await signIn(page, 'admin');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-form').waitFor();
    await page.getByTestId('import-kind').click();
    await page.getByRole('option', { name: 'Payments' }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'payments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    // The headers differ from ours: the mapping step.
    await page.getByTestId('import-column-mapping').waitFor();
    for (const [ours, theirs] of [['account_number', 'Рахунок'], ['paid_on', 'Дата'], ['amount', 'Сума']]) {
      await page.getByTestId(`map-column-${ours}`).click();
      await page.getByRole('option', { name: theirs, exact: true }).click();
    }
    await shoot(page, 'imports-mapping');

    // A dry run finds the bad date and writes nothing.
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-status').textContent()).toContain('Rejected');
    expect(await page.getByTestId('import-errors').textContent()).toContain('paid_on');
    await shoot(page, 'imports-report-rejected');

    // Without the bad line, and not a dry run: imported.
    const good = csv.split('\n').slice(0, 3).join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'payments-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    for (const [ours, theirs] of [['account_number', 'Рахунок'], ['paid_on', 'Дата'], ['amount', 'Сума']]) {
      await page.getByTestId(`map-column-${ours}`).click();
      await page.getByRole('option', { name: theirs, exact: true }).click();
    }
    await page.getByTestId('import-dry-run').locator('input').uncheck();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-status').filter({ hasText: 'Completed' }).waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toContain('2 rows read, 2 written, 0 errors');
    await page.getByTestId('import-history').getByText('Completed').first().waitFor();
    await shoot(page, 'imports-report-completed');

    const paid = await pool.query(
      `SELECT count(*)::int AS n FROM payment p JOIN subscriber s ON s.id = p.subscriber_id WHERE s.account_number = ANY($1) AND p.import_key IS NOT NULL`,
      [[a, b]],
    );
    await pool.end();
    expect(paid.rows[0].n).toBe(2);
  });
});
