/** The four roles of the console. A user has exactly one. */
export enum Role {
  Operator = 'operator',
  Manager = 'manager',
  Executive = 'executive',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = [Role.Operator, Role.Manager, Role.Executive, Role.Admin];

/**
 * What a route or a screen needs. Every API handler declares exactly one permission;
 * the console hides what the signed-in role lacks. One table below says who has what.
 */
export enum Permission {
  SubscribersRead = 'subscribers:read',
  ReferenceRead = 'reference:read',
  ReferenceWrite = 'reference:write',
  UsersManage = 'users:manage',
  RequestsCreate = 'requests:create',
  RequestsWork = 'requests:work',
  RequestsRead = 'requests:read',
  ClassifierManage = 'classifier:manage',
  OffersApprove = 'offers:approve',
  PlansManage = 'plans:manage',
  ReportsRead = 'reports:read',
  /** Webhook endpoints and their deliveries (outbound events for billing and telephony). */
  WebhooksManage = 'webhooks:manage',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Operator]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.RequestsCreate,
    Permission.RequestsWork,
    Permission.RequestsRead,
  ],
  [Role.Manager]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.RequestsCreate,
    Permission.RequestsRead,
    Permission.ClassifierManage,
    Permission.OffersApprove,
    Permission.PlansManage,
    Permission.ReportsRead,
  ],
  [Role.Executive]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.RequestsRead,
    Permission.ReportsRead,
  ],
  [Role.Admin]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.ReferenceWrite,
    Permission.UsersManage,
    Permission.WebhooksManage,
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
