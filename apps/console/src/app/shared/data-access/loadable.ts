import { catchError, map, type Observable, of, type OperatorFunction, startWith } from 'rxjs';
import type { ApiError } from '@retention/contracts';
import { toApiError } from '../../core/http/api-error';

/** The three states a screen's data can be in; templates `@switch` on `status`. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

export const LOADING: Loadable<never> = { status: 'loading' };

/** Turns a request into loading → ready | error, never erroring itself (so a `switchMap` chain survives). */
export function toLoadable<T>(): OperatorFunction<T, Loadable<T>> {
  return (source: Observable<T>) =>
    source.pipe(
      map((value): Loadable<T> => ({ status: 'ready', value })),
      catchError((err: unknown) => of<Loadable<T>>({ status: 'error', error: toApiError(err) })),
      startWith<Loadable<T>>(LOADING),
    );
}
