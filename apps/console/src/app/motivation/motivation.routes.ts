import type { Routes } from '@angular/router';
import { Permission } from '@retention/contracts';
import { permissionGuard } from '../core/auth';

/** Bonus statements: a manager's team view and scheme editor, an operator's or sales agent's own statement. */
export const MOTIVATION_ROUTES: Routes = [
  {
    path: '',
    title: 'motivation.title',
    canMatch: [permissionGuard(Permission.MotivationRead)],
    loadComponent: () => import('./motivation.page').then((m) => m.MotivationPage),
  },
];
