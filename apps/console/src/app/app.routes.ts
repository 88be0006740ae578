import type { Route } from '@angular/router';
import { Permission } from '@retention/contracts';
import { homeRedirect, permissionGuard, signedInGuard, signedOutGuard } from './core/auth';

/**
 * The console's map. Every role area is a lazy route file guarded by one Permission from
 * `@retention/contracts`: the same table the API enforces and the side navigation is built from.
 *
 *   /sign-in          everyone signed out
 *   /subscribers      search and subscriber card            subscribers:read   (all roles)
 *   /operator         the operator desk: request queue      requests:work      (operator)
 *   /manager          plans, classifier, call lists         plans:manage       (manager)
 *   /executive        reports                               reports:read       (manager, executive)
 *   /admin            users and reference data              users:manage / reference:write (admin)
 *
 * Route titles are translation keys (see I18nTitleStrategy).
 */
export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'signIn.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: '',
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'subscribers',
        canMatch: [permissionGuard(Permission.SubscribersRead)],
        loadChildren: () => import('./subscribers/subscribers.routes').then((m) => m.SUBSCRIBERS_ROUTES),
      },
      {
        path: 'operator',
        canMatch: [permissionGuard(Permission.RequestsWork)],
        loadChildren: () => import('./operator/operator.routes').then((m) => m.OPERATOR_ROUTES),
      },
      {
        path: 'manager',
        canMatch: [permissionGuard(Permission.PlansManage)],
        loadChildren: () => import('./manager/manager.routes').then((m) => m.MANAGER_ROUTES),
      },
      {
        path: 'executive',
        canMatch: [permissionGuard(Permission.ReportsRead)],
        loadChildren: () => import('./executive/executive.routes').then((m) => m.EXECUTIVE_ROUTES),
      },
      {
        path: 'admin',
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
