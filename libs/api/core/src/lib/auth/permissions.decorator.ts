import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@retention/contracts';

export const PERMISSION_KEY = 'retention:permission';
export const PUBLIC_KEY = 'retention:public';

/** The permission a handler needs. Every handler declares one, or is @Public(). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
/** Reachable without a token: sign-in and health only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
