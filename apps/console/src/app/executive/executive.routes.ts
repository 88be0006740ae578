import type { Routes } from '@angular/router';

/**
 * The executive reports will live here: churn to competitors, churn by reason against norms, plan versus
 * actual, lifetime, LTV and NPS, with drill-down and export.
 */
export const EXECUTIVE_ROUTES: Routes = [{ path: '', pathMatch: 'full', redirectTo: '/subscribers' }];
