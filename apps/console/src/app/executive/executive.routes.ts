import type { Routes } from '@angular/router';

/**
 * The executive area (reports:read: managers and executives). The filter (month, range, service, region) is in
 * the query string and travels between the dashboard and the reports.
 *
 *   /executive/dashboard                      key figures and the four charts, each drilling down
 *   /executive/reports/competitors            churn to competitors, monthly, with the 12-month trend
 *   /executive/reports/reasons                churn by reason against the norms, with the economic effect
 *   /executive/reports/plan-vs-actual         plan versus actual per service and month
 *   /executive/reports/key-figures            churn, retention, revenue, lifetime, LTV, saves, NPS
 *   /executive/reports/economics              cost of saves against revenue kept and cost of acquisition
 *   /executive/risk-segments                  churn by contract, spend quartile, tenure, region and service against the best
 *   /executive/diagnosis                      the methodology's eleven-point checklist answered live
 *
 * `/executive/competitors` and its siblings are short forms of the report addresses.
 */
export const EXECUTIVE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  {
    path: 'dashboard',
    title: 'exec.dashboard.title',
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  {
    path: 'risk-segments',
    title: 'segments.title',
    loadComponent: () => import('./reports/risk-segments.page').then((m) => m.RiskSegmentsPage),
  },
  {
    path: 'diagnosis',
    title: 'diagnosis.title',
    loadComponent: () => import('./diagnosis/diagnosis.page').then((m) => m.DiagnosisPage),
  },
  {
    path: 'reports',
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'competitors' },
      {
        path: 'competitors',
        title: 'report.competitors.title',
        loadComponent: () => import('./reports/competitors-report.page').then((m) => m.CompetitorsReportPage),
      },
      {
        path: 'reasons',
        title: 'report.reasons.title',
        loadComponent: () => import('./reports/reasons-report.page').then((m) => m.ReasonsReportPage),
      },
      {
        path: 'plan-vs-actual',
        title: 'report.plan.title',
        loadComponent: () => import('./reports/plan-report.page').then((m) => m.PlanReportPage),
      },
      {
        path: 'key-figures',
        title: 'report.keyFigures.title',
        loadComponent: () => import('./reports/key-figures-report.page').then((m) => m.KeyFiguresReportPage),
      },
      {
        path: 'economics',
        title: 'economics.title',
        loadComponent: () => import('./reports/economics-report.page').then((m) => m.EconomicsReportPage),
      },
    ],
  },
  { path: 'competitors', redirectTo: 'reports/competitors' },
  { path: 'reasons', redirectTo: 'reports/reasons' },
  { path: 'plan-vs-actual', redirectTo: 'reports/plan-vs-actual' },
  { path: 'key-figures', redirectTo: 'reports/key-figures' },
];
