import { Role } from '@retention/contracts';

/**
 * Where each role starts. The operator desk (`/operator`) will replace the subscriber search for operators,
 * and the report area (`/executive`) for executives, once those areas exist.
 */
export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  [Role.Operator]: '/subscribers',
  [Role.Manager]: '/subscribers',
  [Role.Executive]: '/subscribers',
  [Role.Admin]: '/admin/users',
};

export function homeFor(role: Role | null): string {
  return role ? HOME_BY_ROLE[role] : '/sign-in';
}
