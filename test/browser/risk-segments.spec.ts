import { browserSuite, shoot, signIn } from '@retention/test-support';

/** A manager reads churn by risk segment, each against the best of its split, and opens one segment's leavers. */
describe('risk segments', () => {
  const web = browserSuite();

  it('five splits with their best segment, fitting 1280x720, and a segment drills into its leavers', async () => {
    await signIn(web.page, 'manager');
    await web.page.getByTestId('nav-risk-segments').click();
    await web.page.waitForURL(/\/executive\/risk-segments/);
    await web.page.getByTestId('risk-segments').waitFor();
    // The last 12 months: enough leavers in every split of the demo operator.
    await web.page.getByTestId('report-range-12').click();
    await web.page.getByTestId('segments-contract').getByRole('button').first().waitFor();
    for (const d of ['contract', 'spend', 'tenure', 'region', 'service']) {
      const card = web.page.getByTestId(`segments-${d}`);
      expect(await card.getByRole('button').count()).toBeGreaterThan(0);
      expect(await card.textContent()).toMatch(/best/);
    }
    expect(await web.page.getByTestId('segments-contract').textContent()).toContain('Month-to-month');
    // The page fits the screen: no horizontal scroll, and the five splits end above the fold.
    const fit = await web.page.evaluate(() => {
      const last = document.querySelector('[data-testid="segments-service"]')?.getBoundingClientRect();
      return { wide: document.documentElement.scrollWidth, bottom: Math.max(
        document.querySelector('[data-testid="segments-region"]')?.getBoundingClientRect().bottom ?? 0, last?.bottom ?? 0) };
    });
    expect(fit.wide).toBeLessThanOrEqual(1280);
    // No split's table is wider than its card.
    const overflowing = await web.page.locator('.rc-segments__card').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('data-testid')));
    expect(overflowing).toEqual([]);
    expect(fit.bottom).toBeLessThanOrEqual(720);
    await shoot(web.page, 'manager-risk-segments');

    const m2m = web.page.getByTestId('segment-contract-month_to_month');
    const left = Number((await m2m.getByTestId('segment-left').textContent())?.replace(/\D/g, ''));
    await m2m.click();
    const panel = web.page.getByRole('dialog');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('Month-to-month');
    await panel.locator('tr.mat-mdc-row').first().waitFor();
    // As many leavers as the row says the segment lost.
    expect(Number((await web.page.getByTestId('drill-count').textContent())?.replace(/\D/g, ''))).toBe(left);
    await shoot(web.page, 'manager-risk-segment-drill');
  });

  it('reads in Russian', async () => {
    await web.page.addInitScript(() => localStorage.setItem('rc.language', 'ru'));
    await signIn(web.page, 'executive');
    await web.page.goto('/executive/risk-segments?span=12');
    await web.page.getByTestId('segments-tenure').getByRole('button').first().waitFor();
    expect(await web.page.getByTestId('risk-segments').textContent()).toContain('Тип договора');
    const overflowing = await web.page.locator('.rc-segments__card').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.getAttribute('data-testid')));
    expect(overflowing).toEqual([]);
    await shoot(web.page, 'executive-risk-segments-ru');
  });
});
