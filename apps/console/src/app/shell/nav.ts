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
      { id: 'desk', label: 'nav.desk', icon: 'support_agent', path: '/operator/desk', permission: Permission.RequestsWork },
      { id: 'call-list', label: 'nav.callList', icon: 'phone_in_talk', path: '/operator/call-list', permission: Permission.HiddenChurnWork },
      { id: 'subscribers', label: 'nav.subscribers', icon: 'person_search', path: '/subscribers', permission: Permission.SubscribersRead },
      { id: 'requests', label: 'nav.requests', icon: 'assignment', path: '/manager/requests', permission: Permission.RequestsRead },
      // A manager's team and scheme; an operator's or sales agent's own bonus (the page shows what the role may see).
      { id: 'motivation', label: 'nav.motivation', icon: 'workspace_premium', path: '/motivation', permission: Permission.MotivationRead },
    ],
  },
  {
    id: 'retention',
    label: 'nav.section.retention',
    items: [
      { id: 'hidden-churn', label: 'nav.hiddenChurn', icon: 'visibility_off', path: '/manager/hidden-churn', permission: Permission.HiddenChurnManage },
      { id: 'approvals', label: 'nav.approvals', icon: 'approval_delegation', path: '/manager/approvals', permission: Permission.OffersApprove },
      { id: 'classifier', label: 'nav.classifier', icon: 'account_tree', path: '/manager/classifier', permission: Permission.ClassifierManage },
      { id: 'offers', label: 'nav.offers', icon: 'redeem', path: '/manager/offers', permission: Permission.ClassifierManage },
    ],
  },
  {
    id: 'reports',
    label: 'nav.section.reports',
    items: [
      { id: 'dashboard', label: 'nav.dashboard', icon: 'monitoring', path: '/executive/dashboard', permission: Permission.ReportsRead },
      { id: 'reports', label: 'nav.reports', icon: 'table_chart', path: '/executive/reports', permission: Permission.ReportsRead },
      { id: 'risk-segments', label: 'nav.riskSegments', icon: 'donut_small', path: '/executive/risk-segments', permission: Permission.ReportsRead },
      { id: 'report-archive', label: 'nav.reportArchive', icon: 'inventory_2', path: '/report-archive', permission: Permission.ReportArchiveRead },
      { id: 'diagnosis', label: 'nav.diagnosis', icon: 'checklist', path: '/executive/diagnosis', permission: Permission.ReportsRead },
      // Executives read the plan; the page lets only plans:manage (managers) change it.
      { id: 'plans', label: 'nav.plans', icon: 'flag', path: '/plans', permission: Permission.ReportsRead },
    ],
  },
  {
    id: 'admin',
    label: 'nav.section.admin',
    items: [
      { id: 'users', label: 'nav.users', icon: 'manage_accounts', path: '/admin/users', permission: Permission.UsersManage },
      { id: 'webhooks', label: 'nav.webhooks', icon: 'webhook', path: '/admin/webhooks', permission: Permission.WebhooksManage },
      { id: 'regions', label: 'nav.regions', icon: 'map', path: '/admin/regions', permission: Permission.ReferenceWrite },
      { id: 'services', label: 'nav.services', icon: 'hub', path: '/admin/services', permission: Permission.ReferenceWrite },
      { id: 'tariffs', label: 'nav.tariffs', icon: 'sell', path: '/admin/tariffs', permission: Permission.ReferenceWrite },
      { id: 'competitors', label: 'nav.competitors', icon: 'swords', path: '/admin/competitors', permission: Permission.ReferenceWrite },
      { id: 'imports', label: 'nav.imports', icon: 'upload_file', path: '/admin/imports', permission: Permission.ImportsRun },
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
