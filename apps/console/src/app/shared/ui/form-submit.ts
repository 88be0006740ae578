import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { Observable } from 'rxjs';
import { applyFieldErrors, errorMessageKey, toApiError } from '../../core/http/api-error';
import type { I18nService, TranslationKey } from '../../core/i18n';

/**
 * The save cycle every edit dialog shares: validate locally, send, and on failure put the API's field
 * problems under their fields, a 409 under the field that must be unique, anything else in a banner.
 */
export class FormSubmit {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly i18n: I18nService,
    private readonly form: FormGroup,
    /** On 409 Conflict: which control is not unique, and what to say. */
    private readonly conflict?: { control: string; message: TranslationKey },
  ) {}

  run<T>(request: () => Observable<T>, done: (value: T) => void): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request().subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        if (e.statusCode === 409 && this.conflict) {
          const text = this.i18n.t(this.conflict.message);
          const control = this.form.get(this.conflict.control);
          control?.setErrors({ taken: text });
          control?.markAsTouched();
          // Shown under the field itself; a banner only when the form has no such field.
          this.error.set(control ? null : text);
          return;
        }
        const unmatched = applyFieldErrors(this.form, e.fields);
        if (unmatched.length) {
          this.error.set(unmatched.join('\n'));
        } else if (!e.fields?.length) {
          this.error.set(this.i18n.t(errorMessageKey(e)));
        }
      },
    });
  }
}
