import { untracked } from '@angular/core';
import type { Params, Router } from '@angular/router';

/**
 * Keeps the selection of a list page (the desk's request, the call list's case) in the URL's query string,
 * replacing the history entry. Not while the user is on the way to another page: a selection made as the page
 * loads (the queue's first request) would otherwise cancel that navigation and pull the user back.
 */
export function selectionIntoUrl(router: Router, params: Params): void {
  const leaving = untracked(router.currentNavigation);
  if (leaving && router.serializeUrl(leaving.extractedUrl).split('?')[0] !== router.url.split('?')[0]) return;
  void router.navigate([], { queryParams: params, queryParamsHandling: 'merge', replaceUrl: true });
}
