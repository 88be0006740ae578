import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@retention/contracts';

export interface AuthenticatedUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  /** The sign-in this request's token belongs to (the token's JWT id). */
  sessionId: string;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);
