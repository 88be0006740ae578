import { Role } from '@retention/contracts';

/**
 * Where each role starts: operators at their desk, executives at their dashboard, managers (for now) at the
 * subscriber search.
 */
export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  [Role.Operator]: '/operator/desk',
  [Role.Manager]: '/subscribers',
  [Role.Executive]: '/executive/dashboard',
  [Role.Admin]: '/admin/users',
};

export function homeFor(role: Role | null): string {
  return role ? HOME_BY_ROLE[role] : '/sign-in';
}
