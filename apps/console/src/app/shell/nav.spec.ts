import { Permission, Role, roleHasPermission, ROLES } from '@retention/contracts';
import { NAV_SECTIONS, navFor } from './nav';

const ids = (role: Role | null) => navFor(role).flatMap((s) => s.items.map((i) => i.id));

describe('navFor', () => {
  it('gives an operator the desk, their call list, the subscriber search, the request list and their bonus', () => {
    expect(ids(Role.Operator)).toEqual(['desk', 'call-list', 'subscribers', 'requests', 'motivation']);
  });

  it('gives a manager the request list, motivation, hidden churn, approvals, the classifier, offers, the dashboard, reports, the diagnosis and the plan, but not the desk', () => {
    expect(ids(Role.Manager)).toEqual(['subscribers', 'requests', 'motivation', 'hidden-churn', 'approvals', 'classifier', 'offers', 'dashboard', 'reports', 'risk-segments', 'report-archive', 'diagnosis', 'plans']);
  });

  it('gives an executive the subscriber search, the (read-only) request list, the dashboard, reports and the plan', () => {
    expect(ids(Role.Executive)).toEqual(['subscribers', 'requests', 'dashboard', 'reports', 'risk-segments', 'report-archive', 'diagnosis', 'plans']);
  });

  it('gives an administrator users, webhooks, every reference list and the imports', () => {
    expect(ids(Role.Admin)).toEqual(['subscribers', 'report-archive', 'users', 'webhooks', 'regions', 'services', 'tariffs', 'competitors', 'imports']);
  });

  it('gives a sales agent the subscriber search and their bonus, not the desk', () => {
    expect(ids(Role.SalesAgent)).toEqual(['subscribers', 'motivation']);
  });

  it('drops a section left without items', () => {
    expect(navFor(Role.Operator).map((s) => s.id)).toEqual(['work']);
  });

  it('shows nothing to a signed-out visitor', () => {
    expect(navFor(null)).toEqual([]);
  });

  it.each(ROLES)('never shows %s an item its role lacks the permission for', (role) => {
    for (const item of navFor(role).flatMap((s) => s.items)) {
      expect(roleHasPermission(role, item.permission)).toBe(true);
    }
  });

  it('follows the permission table rather than role names', () => {
    const sections = [
      {
        id: 's',
        label: 'nav.section.work' as const,
        items: [
          { id: 'reports', label: 'nav.subscribers' as const, icon: 'x', path: '/executive', permission: Permission.ReportsRead },
          { id: 'plans', label: 'nav.subscribers' as const, icon: 'x', path: '/manager', permission: Permission.PlansManage },
        ],
      },
    ];
    expect(navFor(Role.Executive, sections)[0].items.map((i) => i.id)).toEqual(['reports']);
    expect(navFor(Role.Manager, sections)[0].items.map((i) => i.id)).toEqual(['reports', 'plans']);
    expect(navFor(Role.Operator, sections)).toEqual([]);
  });

  it('gives every item a unique id (used as data-testid)', () => {
    const all = NAV_SECTIONS.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(all).size).toBe(all.length);
  });
});
