import type { Routes } from '@angular/router';

/**
 * The retention manager's area will live here: monthly churn plans (managed and unmanaged), the classifier,
 * offers and bonus scheme, team results and hidden-churn call lists.
 */
export const MANAGER_ROUTES: Routes = [{ path: '', pathMatch: 'full', redirectTo: '/subscribers' }];
