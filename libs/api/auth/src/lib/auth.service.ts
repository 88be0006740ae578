import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainException, Metrics } from '@retention/api-core';
import type { LoginResponse } from '@retention/contracts';
import { DUMMY_HASH, verifyPassword } from './password';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly metrics: Metrics,
  ) {}

  /** Checks the password and opens a session; the token names the session (its JWT id). */
  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findForLogin(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const refused = () => {
      this.metrics.loginFailures.inc();
      return new DomainException(401, 'invalid_credentials', 'The user name or password is wrong.');
    };
    if (!user || !ok || !user.active) throw refused();
    const sessionId = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { jwtid: sessionId });
    const { iat, exp } = this.jwt.decode<{ iat: number; exp: number }>(accessToken);
    // Refused when the password changed or the user was deactivated since the hash was read.
    if (!(await this.sessions.open({ id: sessionId, userId: user.id, passwordHash: user.passwordHash, issuedAt: iat, expiresAt: exp }))) {
      throw refused();
    }
    return { accessToken, user: { username: user.username, role: user.role, displayName: user.displayName } };
  }

  /** Ends the session of the token that made the request. */
  logout(sessionId: string): Promise<void> {
    return this.sessions.end(sessionId);
  }
}
