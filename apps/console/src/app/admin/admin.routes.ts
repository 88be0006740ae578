import type { Routes } from '@angular/router';
import { Permission } from '@retention/contracts';
import { permissionGuard } from '../core/auth';

/** Administration: users (users:manage), webhooks (webhooks:manage), reference data (reference:write) and imports from billing (imports:run). */
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: 'users.title',
    canMatch: [permissionGuard(Permission.UsersManage)],
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'webhooks',
    title: 'webhooks.title',
    canMatch: [permissionGuard(Permission.WebhooksManage)],
    loadComponent: () => import('./webhooks/webhooks.page').then((m) => m.WebhooksPage),
  },
  {
    path: 'regions',
    title: 'reference.regions.title',
    canMatch: [permissionGuard(Permission.ReferenceWrite)],
    data: { kind: 'regions' },
    loadComponent: () => import('./reference/code-name.page').then((m) => m.CodeNamePage),
  },
  {
    path: 'services',
    title: 'reference.services.title',
    canMatch: [permissionGuard(Permission.ReferenceWrite)],
    data: { kind: 'services' },
    loadComponent: () => import('./reference/code-name.page').then((m) => m.CodeNamePage),
  },
  {
    path: 'tariffs',
    title: 'reference.tariffs.title',
    canMatch: [permissionGuard(Permission.ReferenceWrite)],
    loadComponent: () => import('./reference/tariffs.page').then((m) => m.TariffsPage),
  },
  {
    path: 'competitors',
    title: 'reference.competitors.title',
    canMatch: [permissionGuard(Permission.ReferenceWrite)],
    loadComponent: () => import('./reference/competitors.page').then((m) => m.CompetitorsPage),
  },
  {
    path: 'imports',
    title: 'imports.title',
    canMatch: [permissionGuard(Permission.ImportsRun)],
    loadComponent: () => import('./imports/imports.page').then((m) => m.ImportsPage),
  },
];
