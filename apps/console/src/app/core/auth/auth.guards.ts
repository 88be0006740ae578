import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router, type UrlTree } from '@angular/router';
import type { Permission } from '@retention/contracts';
import { AuthService } from './auth.service';
import { homeFor } from './home';

/** Sign-in, remembering where the user was going (with its query) so that they come back there. */
function toSignIn(router: Router, target?: string): UrlTree {
  const url = target ?? router.currentNavigation()?.extractedUrl.toString();
  return router.createUrlTree(['/sign-in'], { queryParams: url && url !== '/' ? { returnUrl: url } : {} });
}

/** Only signed-in users get past; others go to sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(AuthService).isSignedIn() || toSignIn(inject(Router), state.url);

/** The sign-in page is for signed-out users; a signed-in one goes to their home. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return !auth.isSignedIn() || inject(Router).parseUrl(homeFor(auth.role()));
};

/**
 * A lazy area is matched (and its code downloaded) only for a role that has the permission; anyone else is
 * sent to their own home rather than to an error. The API enforces the same table independently.
 */
export function permissionGuard(permission: Permission): CanMatchFn {
  return () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.isSignedIn()) {
      // canMatch runs before the shell's canActivate, so this is where a signed-out deep link is caught.
      return toSignIn(router);
    }
    return auth.can(permission) || router.parseUrl(homeFor(auth.role()));
  };
}

/** `''` under the shell: each role lands on its own start page. */
export const homeRedirect = (): string => homeFor(inject(AuthService).role());
