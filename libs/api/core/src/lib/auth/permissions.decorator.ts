import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Permission } from '@retention/contracts';

export const PERMISSION_KEY = 'retention:permission';
export const PUBLIC_KEY = 'retention:public';

/**
 * The permission a handler needs. Every handler declares one, or is @Public(). The declaration the guard
 * checks is also what the OpenAPI document says: the bearer token (its 401 and 403 follow from it).
 */
export const RequirePermission = (permission: Permission) => applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiBearerAuth());
/**
 * Reachable without a token: sign-in and health only. The OpenAPI document gets the empty requirement `{}`
 * (Nest's generator drops an empty list), which completeOpenApiDocument writes as `security: []`.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));
