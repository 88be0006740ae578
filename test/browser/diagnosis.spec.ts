import { browserSuite, shoot, signIn } from '@retention/test-support';

/** An executive's diagnosis (the methodology's eleven points, live) and the retention economics it links to. */
describe('diagnosis', () => {
  const web = browserSuite();

  it('an executive reads the eleven points, each with its status, and opens the key figures from the lifetime point', async () => {
    await signIn(web.page, 'executive');
    await web.page.getByTestId('nav-diagnosis').click();
    await web.page.getByTestId('diagnosis-points').waitFor();
    const points = web.page.locator('[data-testid="diagnosis-points"] > li');
    expect(await points.count()).toBe(11);
    for (const status of await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
      expect(['ok', 'problem', 'not_measured']).toContain(status);
    }
    expect(await web.page.getByTestId('diagnosis-hidden_churn').textContent()).toMatch(/Last scan .+ open cases [\d,]+/);
    expect(await web.page.getByTestId('diagnosis-lifetime').textContent()).toMatch(/Average lifetime: [\d.,]+ mo\., (poor|fair|good|excellent)/);
    expect(await web.page.getByTestId('diagnosis-plan').textContent()).toMatch(/Churn plan for /);
    await shoot(web.page, 'executive-diagnosis');
    await web.page.getByTestId('diagnosis-lifetime').getByRole('link').click();
    await web.page.waitForURL(/\/executive\/reports\/key-figures\?.*span=12/);
    await web.page.getByTestId('key-figures-table').waitFor();
  });

  it('the economics point leads to the retention economics report', async () => {
    await signIn(web.page, 'manager');
    await web.page.goto('/executive/diagnosis');
    await web.page.getByTestId('diagnosis-economics').getByRole('link').click();
    await web.page.waitForURL(/\/executive\/reports\/economics/);
    await web.page.getByTestId('economics-report').waitFor();
    expect(await web.page.getByTestId('economics-report').textContent()).toContain('Cost per save');
    await shoot(web.page, 'manager-retention-economics');
  });
});
