/**
 * The roles of the console. A user has exactly one. A sales agent signs subscribers up: they read
 * subscribers and their own bonus statement, and never use the disconnect desk.
 */
export enum Role {
  Operator = 'operator',
  Manager = 'manager',
  Executive = 'executive',
  Admin = 'admin',
  SalesAgent = 'sales_agent',
}

export const ROLES: readonly Role[] = [Role.Operator, Role.Manager, Role.Executive, Role.Admin, Role.SalesAgent];

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
  ImportsRun = 'imports:run',
  /** Bonus statements: one's own (operators, sales agents), everyone's with MotivationManage too. */
  MotivationRead = 'motivation:read',
  /** Every statement, the bonus scheme, representatives and workload (managers). */
  MotivationManage = 'motivation:manage',
  /** Record a subscriber's NPS or CSAT answer (the desk's exit survey, the API). */
  SurveysRecord = 'surveys:record',
  /** The operator's own costs behind retention economics: acquisition per service, staff per hour. */
  CostsManage = 'costs:manage',
  /** Hidden churn: cases, scans, call lists, the rules (read) */
  HiddenChurnRead = 'hidden-churn:read',
  /** Hidden churn: run scans, edit the rules, build and assign call lists */
  HiddenChurnManage = 'hidden-churn:manage',
  /** Hidden churn: work one's own assigned cases */
  HiddenChurnWork = 'hidden-churn:work',
  /** Webhook endpoints and their deliveries (outbound events for billing and telephony). */
  WebhooksManage = 'webhooks:manage',
  /** The report archive: the monthly churn-to-competitor reports as produced, to view and download. */
  ReportArchiveRead = 'report-archive:read',
  /** Produce a month's churn-to-competitor report for the archive now (besides the monthly schedule). */
  ReportArchiveGenerate = 'report-archive:generate',
  /** Record and correct a subscriber's temperament and activity segment (audited). */
  SegmentsWrite = 'subscribers:segment',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Operator]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.RequestsCreate,
    Permission.RequestsWork,
    Permission.RequestsRead,
    Permission.MotivationRead,
    Permission.SurveysRecord,
    Permission.HiddenChurnRead,
    Permission.HiddenChurnWork,
    Permission.SegmentsWrite,
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
    Permission.MotivationRead,
    Permission.MotivationManage,
    Permission.SurveysRecord,
    Permission.CostsManage,
    Permission.HiddenChurnRead,
    Permission.HiddenChurnManage,
    Permission.ReportArchiveRead,
    Permission.SegmentsWrite,
  ],
  [Role.Executive]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.RequestsRead,
    Permission.ReportsRead,
    Permission.HiddenChurnRead,
    Permission.ReportArchiveRead,
  ],
  [Role.Admin]: [
    Permission.SubscribersRead,
    Permission.ReferenceRead,
    Permission.ReferenceWrite,
    Permission.UsersManage,
    Permission.ImportsRun,
    Permission.WebhooksManage,
    Permission.ReportArchiveRead,
    Permission.ReportArchiveGenerate,
  ],
  [Role.SalesAgent]: [Permission.SubscribersRead, Permission.ReferenceRead, Permission.MotivationRead],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
