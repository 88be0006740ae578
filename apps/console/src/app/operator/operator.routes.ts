import type { Routes } from '@angular/router';

/**
 * The operator desk will live here: the disconnect-request queue, the request being worked with its script
 * and presentation module, call-backs and hidden-churn call lists. Until then operators start at the
 * subscriber search (see HOME_BY_ROLE).
 */
export const OPERATOR_ROUTES: Routes = [{ path: '', pathMatch: 'full', redirectTo: '/subscribers' }];
