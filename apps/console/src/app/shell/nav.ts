import { Permission, type Role, roleHasPermission } from '@retention/contracts';
import type { TranslationKey } from '../core/i18n';

export interface NavItem {
  id: string;
  label: TranslationKey;
  icon: string;
  path: string;
  /** The item is shown only to roles with this permission; the route behind it checks the same one. */
  permission: Permission;
}

export interface NavSection {
  id: string;
  label: TranslationKey;
  items: readonly NavItem[];
}

/** The whole menu. Each new area adds its entries here with the permission its routes require. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    id: 'work',
    label: 'nav.section.work',
    items: [
      { id: 'subscribers', label: 'nav.subscribers', icon: 'person_search', path: '/subscribers', permission: Permission.SubscribersRead },
    ],
  },
  {
    id: 'admin',
    label: 'nav.section.admin',
    items: [
      { id: 'users', label: 'nav.users', icon: 'manage_accounts', path: '/admin/users', permission: Permission.UsersManage },
      { id: 'regions', label: 'nav.regions', icon: 'map', path: '/admin/regions', permission: Permission.ReferenceWrite },
      { id: 'services', label: 'nav.services', icon: 'hub', path: '/admin/services', permission: Permission.ReferenceWrite },
      { id: 'tariffs', label: 'nav.tariffs', icon: 'sell', path: '/admin/tariffs', permission: Permission.ReferenceWrite },
      { id: 'competitors', label: 'nav.competitors', icon: 'swords', path: '/admin/competitors', permission: Permission.ReferenceWrite },
    ],
  },
];

/** The menu as one role sees it: items it may not use are dropped, and so are sections left empty. */
export function navFor(role: Role | null, sections: readonly NavSection[] = NAV_SECTIONS): NavSection[] {
  if (!role) {
    return [];
  }
  return sections
    .map((s) => ({ ...s, items: s.items.filter((i) => roleHasPermission(role, i.permission)) }))
    .filter((s) => s.items.length > 0);
}
