import type { Routes } from '@angular/router';
import { Permission } from '@retention/contracts';
import { permissionGuard } from '../core/auth';

/**
 * The operator's area (requests:work): the desk, where disconnect requests are taken from the queue and
 * worked to a resolution with the retention script; and the operator's call list (hidden-churn:work), where the
 * hidden-churn cases a manager assigned are worked with the same panels.
 */
export const OPERATOR_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'desk' },
  {
    path: 'desk',
    title: 'desk.title',
    loadComponent: () => import('./desk/desk.page').then((m) => m.DeskPage),
  },
  {
    path: 'call-list',
    title: 'callList.title',
    canMatch: [permissionGuard(Permission.HiddenChurnWork)],
    loadComponent: () => import('./call-list/call-list.page').then((m) => m.CallListPage),
  },
];
