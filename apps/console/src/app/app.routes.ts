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
 *   /manager          classifier, offers, approvals         classifier:manage / offers:approve (manager);
 *                     the request list                      requests:read      (operator, manager, executive)
 *   /executive        dashboard and the four reports        reports:read       (manager, executive)
 *   /plans            the monthly churn plan                reports:read to see, plans:manage to edit (manager)
 *   /motivation       bonus statements and scheme           motivation:read (operator, manager, sales agent; the team
 *                                                           and the scheme editor with motivation:manage)
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
        // Each page guards itself: the request list is for every role that may read requests.
        path: 'manager',
        loadChildren: () => import('./manager/manager.routes').then((m) => m.MANAGER_ROUTES),
      },
      {
        path: 'executive',
        canMatch: [permissionGuard(Permission.ReportsRead)],
        loadChildren: () => import('./executive/executive.routes').then((m) => m.EXECUTIVE_ROUTES),
      },
      {
        // Managers and executives see the plan (reports:read); the page lets only plans:manage change it.
        path: 'plans',
        canMatch: [permissionGuard(Permission.ReportsRead)],
        loadChildren: () => import('./plans/plans.routes').then((m) => m.PLANS_ROUTES),
      },
      {
        path: 'report-archive',
        title: 'archive.title',
        canMatch: [permissionGuard(Permission.ReportArchiveRead)],
        loadComponent: () => import('./report-archive/report-archive.page').then((m) => m.ReportArchivePage),
      },
      {
        path: 'motivation',
        canMatch: [permissionGuard(Permission.MotivationRead)],
        loadChildren: () => import('./motivation/motivation.routes').then((m) => m.MOTIVATION_ROUTES),
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
