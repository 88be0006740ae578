import type { Routes } from '@angular/router';

/** `/plans?month=YYYY-MM`: the monthly churn plan (reports:read to see it; plans:manage to change it). */
export const PLANS_ROUTES: Routes = [
  {
    path: '',
    title: 'plan.title',
    loadComponent: () => import('./plan.page').then((m) => m.PlanPage),
  },
];
