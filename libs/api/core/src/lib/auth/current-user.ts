import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@retention/contracts';

export interface AuthenticatedUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);
