import type { Page } from 'playwright-core';
import { browserSuite, shoot, signIn } from '@retention/test-support';

/** Editing a plan: a value that cannot be says what is wrong next to it, and the totals never quietly drop a line. */
describe('plan editing', () => {
  const web = browserSuite();

  const managedTotal = async (p: Page) => (await p.locator('.rc-plan-summary__item').first().locator('.rc-plan-summary__value small').innerText()).trim();

  it('a save rate of 150 % is named next to its field, the maxima stay in the totals, and a bad maximum makes the total wait', async () => {
    await signIn(web.page, 'manager');
    await web.page.goto('/plans');
    const rate = web.page.getByTestId('plan-save-rate').first();
    await rate.waitFor();
    const before = await managedTotal(web.page);
    expect(before).toMatch(/^of \d+/);

    await rate.fill('150');
    const error = web.page.getByTestId('plan-field-error').first();
    await error.waitFor();
    expect(await error.innerText()).toBe('150 % is above 100 %: a save rate is a share of requests');
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    expect(await rate.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    // The line's maxima are still counted: the managed total has not moved.
    expect(await managedTotal(web.page)).toBe(before);
    expect(await web.page.getByTestId('plan-save').isDisabled()).toBe(true);
    expect(await web.page.getByTestId('plan-invalid-summary').innerText()).toContain('Values to fix: 1');
    await shoot(web.page, 'plan-edit-invalid-rate-1280');

    // A maximum that is no number: the total says it cannot add up yet, instead of counting it as 0.
    const max = web.page.getByTestId('plan-managed-max').first();
    await max.fill('4.5');
    await web.page.getByText('A whole number, 0 or more').waitFor();
    expect(await managedTotal(web.page)).toBe('of ?');
    expect(await web.page.getByTestId('plan-invalid-summary').innerText()).toContain('Values to fix: 2');

    // Fixed: the messages go, and the total adds up again.
    await rate.fill('35');
    await max.fill('1');
    await web.page.getByTestId('plan-invalid-summary').waitFor({ state: 'detached' });
    expect(await web.page.getByTestId('plan-field-error').count()).toBe(0);
    expect(await managedTotal(web.page)).toMatch(/^of \d+/);

    // In Russian too.
    await web.page.getByTestId('language-switch').click();
    await web.page.getByTestId('language-option-ru').click();
    await rate.fill('150');
    expect(await web.page.getByTestId('plan-field-error').first().innerText()).toBe('150 % больше 100 %: доля удержанных — это часть заявок');
    await shoot(web.page, 'plan-edit-invalid-rate-ru-1280');
  });
});
