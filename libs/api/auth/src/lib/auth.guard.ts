import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainException, PERMISSION_KEY, PUBLIC_KEY } from '@retention/api-core';
import { Permission, roleHasPermission } from '@retention/contracts';
import { SessionsService } from './sessions.service';

interface TokenPayload {
  sub: string;
  /** The session the token belongs to (see SessionsService). */
  jti?: string;
}

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * The one gate in front of every handler: a valid token of a live session of an active user (401
 * otherwise) whose role has the handler's declared permission (403 otherwise). A handler that
 * declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
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
    const user = isUuid(payload.jti) && isUuid(payload.sub) ? await this.sessions.user(payload.jti, payload.sub) : null;
    if (!user) throw new DomainException(401, 'unauthorized', 'This sign-in has ended (signed out, password or role changed, or account deactivated); sign in again.');
    req.user = user;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !roleHasPermission(user.role, permission)) {
      throw new DomainException(403, 'forbidden', `The ${user.role} role may not do this.`);
    }
    return true;
  }
}
