import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newBrowserContext, shoot, signIn } from '@retention/test-support';

/** An executive's diagnosis (the methodology's eleven points, live) and the retention economics it links to. */
describe('diagnosis', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await newBrowserContext(browser, { viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('an executive reads the eleven points, each with its status, and opens the key figures from the lifetime point', async () => {
    await signIn(page, 'executive');
    await page.getByTestId('nav-diagnosis').click();
    await page.getByTestId('diagnosis-points').waitFor();
    const points = page.locator('[data-testid="diagnosis-points"] > li');
    expect(await points.count()).toBe(11);
    for (const status of await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
      expect(['ok', 'problem', 'not_measured']).toContain(status);
    }
    expect(await page.getByTestId('diagnosis-hidden_churn').textContent()).toMatch(/Last scan .+ open cases [\d,]+/);
    expect(await page.getByTestId('diagnosis-lifetime').textContent()).toMatch(/Average lifetime: [\d.,]+ mo\., (poor|fair|good|excellent)/);
    expect(await page.getByTestId('diagnosis-plan').textContent()).toMatch(/Churn plan for /);
    await shoot(page, 'executive-diagnosis');
    await page.getByTestId('diagnosis-lifetime').getByRole('link').click();
    await page.waitForURL(/\/executive\/reports\/key-figures\?.*span=12/);
    await page.getByTestId('key-figures-table').waitFor();
  });

  it('the economics point leads to the retention economics report', async () => {
    await signIn(page, 'manager');
    await page.goto('/executive/diagnosis');
    await page.getByTestId('diagnosis-economics').getByRole('link').click();
    await page.waitForURL(/\/executive\/reports\/economics/);
    await page.getByTestId('economics-report').waitFor();
    expect(await page.getByTestId('economics-report').textContent()).toContain('Cost per save');
    await shoot(page, 'manager-retention-economics');
  });
});
