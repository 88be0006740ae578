import type { Routes } from '@angular/router';

/**
 * The operator's area (requests:work): the desk, where disconnect requests are taken from the queue and
 * worked to a resolution with the retention script. Hidden-churn call lists will join it here.
 */
export const OPERATOR_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'desk' },
  {
    path: 'desk',
    title: 'desk.title',
    loadComponent: () => import('./desk/desk.page').then((m) => m.DeskPage),
  },
];
