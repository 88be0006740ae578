import { computed, type Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ApiError } from '@retention/contracts';
import { combineLatest, type Observable, switchMap } from 'rxjs';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';

export interface ReportResource<T> {
  state: Signal<Loadable<T>>;
  /** The last value that arrived: kept while the next one loads, so that charts do not blink on a filter change. */
  value: Signal<T | null>;
  loading: Signal<boolean>;
  error: Signal<ApiError | null>;
  retry(): void;
}

/** Fetches a report for every new filter (the latest wins). Call it in an injection context (a field initialiser). */
export function reportResource<P, T>(params: Signal<P>, fetch: (params: P) => Observable<T>): ReportResource<T> {
  const attempt = signal(0);
  const state = toSignal(
    combineLatest([toObservable(params), toObservable(attempt)]).pipe(switchMap(([p]) => fetch(p).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<T> },
  );
  let last: T | null = null;
  const value = computed(() => {
    const s = state();
    if (s.status === 'ready') last = s.value;
    if (s.status === 'error') last = null;
    return last;
  });
  return {
    state,
    value,
    loading: computed(() => state().status === 'loading'),
    error: computed(() => {
      const s = state();
      return s.status === 'error' ? s.error : null;
    }),
    retry: () => attempt.update((n) => n + 1),
  };
}
