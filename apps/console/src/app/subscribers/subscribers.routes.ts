import type { Routes } from '@angular/router';

export const SUBSCRIBERS_ROUTES: Routes = [
  {
    path: '',
    title: 'subscribers.title',
    loadComponent: () => import('./search/subscriber-search.page').then((m) => m.SubscriberSearchPage),
  },
  {
    path: ':id',
    title: 'subscribers.title',
    loadComponent: () => import('./card/subscriber-card.page').then((m) => m.SubscriberCardPage),
  },
];
