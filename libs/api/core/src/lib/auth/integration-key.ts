import { timingSafeEqual } from 'node:crypto';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppConfig } from '../config/app.config';
import { DomainException } from '../http/domain.exception';
import { PUBLIC_KEY } from './permissions.decorator';

export const INTEGRATION_KEY = 'retention:integration-key';

/** Settings that hold a machine's key, sent as `Authorization: Bearer <key>`. */
export type IntegrationKeySetting = 'BILLING_API_KEY' | 'METRICS_TOKEN';

/**
 * Refuses unless `authorization` is `Bearer <key>` (compared in constant time): 404 while the key is not set
 * (the endpoint is off), 401 for a missing or wrong one. The one check behind /metrics and the integrations.
 */
export function requireBearerKey(authorization: string | undefined, key: string, setting: IntegrationKeySetting, what: string): void {
  if (!key) throw new DomainException(404, 'not_found', `${what} off: set ${setting} to turn it on.`);
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainException(401, 'unauthorized', `${what} needs Authorization: Bearer <${setting}>.`);
  }
}

@Injectable()
export class IntegrationKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const setting = this.reflector.get<IntegrationKeySetting>(INTEGRATION_KEY, context.getHandler());
    const req = context.switchToHttp().getRequest<Request>();
    requireBearerKey(req.headers.authorization, this.config.get(setting, { infer: true }) as string, setting, `${req.method} ${req.path} is`);
    return true;
  }
}

/**
 * For another system, not a user: the handler takes the key in `setting` instead of a user's token (no user
 * permission opens it). Checked before the input is, so a caller without the key learns nothing of the input.
 */
export const IntegrationKey = (setting: IntegrationKeySetting) =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(INTEGRATION_KEY, setting), UseGuards(IntegrationKeyGuard), ApiBearerAuth());
