import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError, ApiFieldError } from '@retention/contracts';
import type { TranslationKey } from '../i18n/en';

/** Any failure of an API call, normalised to the API's one error shape (status 0: no answer at all). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof HttpErrorResponse) {
    const body = err.error as Partial<ApiError> | null;
    if (body && typeof body === 'object' && typeof body.statusCode === 'number') {
      return {
        statusCode: body.statusCode,
        error: String(body.error ?? ''),
        message: String(body.message ?? err.message),
        fields: Array.isArray(body.fields) ? body.fields : undefined,
        requestId: body.requestId,
      };
    }
    return { statusCode: err.status, error: err.statusText, message: err.message };
  }
  return { statusCode: -1, error: 'client_error', message: err instanceof Error ? err.message : String(err) };
}

/** The sentence to show for an error that no screen handles specially. */
export function errorMessageKey(error: ApiError): TranslationKey {
  const s = error.statusCode;
  if (s === 0) return 'error.network';
  if (s === 400 || s === 422) return 'error.badRequest';
  if (s === 403) return 'error.forbidden';
  if (s === 404) return 'error.notFound';
  if (s === 409) return 'error.conflict';
  if (s === 429) return 'error.tooMany';
  if (s >= 500) return 'error.server';
  return 'error.unknown';
}

/**
 * Puts each of the API's field problems on the form control of the same name, as a `server` error that
 * the field shows under itself; returns the problems that belong to no control, for a form-level banner.
 * The error clears itself when the user edits the field: validation reruns on every change.
 */
export function applyFieldErrors(form: FormGroup, fields: readonly ApiFieldError[] | undefined): string[] {
  const unmatched: string[] = [];
  for (const f of fields ?? []) {
    const control: AbstractControl | null = form.get(f.field);
    const text = f.problems.join('; ');
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: text });
      control.markAsTouched();
    } else {
      unmatched.push(`${f.field}: ${text}`);
    }
  }
  return unmatched;
}
