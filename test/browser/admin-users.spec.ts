import { randomBytes } from 'node:crypto';
import { apiCall, apiToken, browserSuite, shoot, signIn } from '@retention/test-support';

/**
 * Admin → Users: a search over login, name, e-mail, team and role, and pages of 25/50/100, both kept in the URL's
 * query string (a reload or a shared link shows the same rows). The test plants its own users under a fresh mark.
 */
describe('admin users: search and paging', () => {
  const web = browserSuite();
  const mark = `srch${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const token = await apiToken('admin');
    // 30 planted users: 27 operators and 3 managers; one of the managers has an e-mail that names the mark elsewhere.
    for (let i = 0; i < 30; i++) {
      const n = String(i).padStart(2, '0');
      const body = {
        username: `${mark}.u${n}`,
        displayName: `Planted ${n}`,
        role: i < 27 ? 'operator' : 'manager',
        password: 'planted-password',
        email: i === 29 ? `${mark}-boss@example.com` : null,
      };
      expect((await apiCall(token, 'POST', '/api/users', body)).status).toBe(201);
    }
  });

  const rows = () => web.page.getByTestId('user-row');
  const usernames = async () => (await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-username')))) as string[];

  it('finds the planted users, pages them 25 at a time, and keeps search and page in the URL', async () => {
    const { page } = web;
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await rows().first().waitFor();

    await page.getByTestId('users-search').fill(mark);
    await page.waitForURL((url) => url.searchParams.get('q') === mark);
    await page.getByTestId('users-found').filter({ hasText: /: 30$/ }).waitFor();
    expect(await rows().count()).toBe(25);
    expect((await usernames()).every((u) => u.startsWith(`${mark}.`))).toBe(true);

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '1');
    expect(await usernames()).toEqual([`${mark}.u25`, `${mark}.u26`, `${mark}.u27`, `${mark}.u28`, `${mark}.u29`]);
    await shoot(page, 'admin-users-search-page2-1280');

    // A reload shows the same search and the same page.
    await page.reload();
    await rows().first().waitFor();
    expect(await page.getByTestId('users-search').inputValue()).toBe(mark);
    expect(await usernames()).toEqual([`${mark}.u25`, `${mark}.u26`, `${mark}.u27`, `${mark}.u28`, `${mark}.u29`]);

    // Several words must all match: the role's name in the console's language narrows to the three managers.
    await page.getByTestId('users-search').fill(`${mark} manager`);
    await page.waitForURL((url) => url.searchParams.get('q') === `${mark} manager` && !url.searchParams.has('page'));
    await page.getByTestId('users-found').filter({ hasText: /: 3$/ }).waitFor();
    expect(await usernames()).toEqual([`${mark}.u27`, `${mark}.u28`, `${mark}.u29`]);

    // The e-mail is searched too.
    await page.getByTestId('users-search').fill(`${mark}-boss@`);
    await page.getByTestId('users-found').filter({ hasText: /: 1$/ }).waitFor();
    expect(await usernames()).toEqual([`${mark}.u29`]);

    // A link with the query string opens the same view, and a search that finds nobody says so.
    await page.goto(`/admin/users?q=${mark}&size=50`);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(30);
    await page.getByTestId('users-search').fill(`${mark}-nobody`);
    await page.getByTestId('users-none').waitFor();
    expect(await rows().count()).toBe(0);
  });
});
