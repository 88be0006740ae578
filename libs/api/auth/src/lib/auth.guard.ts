import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser, DomainException, PERMISSION_KEY, PUBLIC_KEY } from '@retention/api-core';
import { Permission, roleHasPermission } from '@retention/contracts';
import { UsersService } from './users.service';

interface TokenPayload {
  sub: string;
}

/**
 * The one gate in front of every handler: a valid token of an active user (401 otherwise) whose
 * role has the handler's declared permission (403 otherwise). A handler that declares nothing is
 * refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers['authorization'];
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainException(401, 'unauthorized', 'Sign in first: the Authorization bearer token is missing.');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new DomainException(401, 'unauthorized', 'The access token is invalid or has expired; sign in again.');
    }
    const user = await this.users.findActiveById(payload.sub);
    if (!user) throw new DomainException(401, 'unauthorized', 'This account is no longer active.');
    const current: AuthenticatedUser = { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
    req.user = current;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !roleHasPermission(user.role, permission)) {
      throw new DomainException(403, 'forbidden', `The ${user.role} role may not do this.`);
    }
    return true;
  }
}
