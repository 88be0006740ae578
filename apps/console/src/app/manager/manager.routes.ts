import type { Routes } from '@angular/router';
import { Permission } from '@retention/contracts';
import { permissionGuard } from '../core/auth';

/**
 * The retention manager's area: the classifier (reasons, thresholds, scripts, offer chains) with its version
 * history, the offer catalogue, approvals of offers above an operator's limit, and the list of all requests
 * (read-only, also for executives and operators). Plans, bonus scheme and call lists will join it here.
 */
export const MANAGER_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'requests' },
  {
    path: 'requests',
    title: 'requests.title',
    canMatch: [permissionGuard(Permission.RequestsRead)],
    loadComponent: () => import('./requests/requests.page').then((m) => m.RequestsPage),
  },
  {
    path: 'approvals',
    title: 'approvals.title',
    canMatch: [permissionGuard(Permission.OffersApprove)],
    loadComponent: () => import('./approvals/approvals.page').then((m) => m.ApprovalsPage),
  },
  {
    path: 'hidden-churn',
    title: 'hiddenChurn.title',
    canMatch: [permissionGuard(Permission.HiddenChurnManage)],
    loadComponent: () => import('./hidden-churn/hidden-churn.page').then((m) => m.HiddenChurnPage),
  },
  {
    path: 'hidden-churn/rules',
    title: 'hiddenChurn.rules.title',
    canMatch: [permissionGuard(Permission.HiddenChurnManage)],
    loadComponent: () => import('./hidden-churn/hidden-churn-rules.page').then((m) => m.HiddenChurnRulesPage),
  },
  {
    path: 'classifier',
    title: 'classifier.title',
    canMatch: [permissionGuard(Permission.ClassifierManage)],
    loadComponent: () => import('./classifier/classifier.page').then((m) => m.ClassifierPage),
  },
  {
    path: 'offers',
    title: 'offerCatalogue.title',
    canMatch: [permissionGuard(Permission.ClassifierManage)],
    loadComponent: () => import('./offers/offers.page').then((m) => m.OffersPage),
  },
];
