import { Role } from '@retention/contracts';

/**
 * Where each role starts: operators at their desk, managers at this month's churn plan (fulfilment, forecast and
 * warnings), executives at their dashboard, administrators at the users, sales agents at the subscribers.
 */
export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  [Role.Operator]: '/operator/desk',
  [Role.Manager]: '/plans',
  [Role.Executive]: '/executive/dashboard',
  [Role.Admin]: '/admin/users',
  [Role.SalesAgent]: '/subscribers',
};

export function homeFor(role: Role | null): string {
  return role ? HOME_BY_ROLE[role] : '/sign-in';
}
