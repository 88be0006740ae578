import { inject, Pipe, PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { I18nService } from '../../core/i18n';

/**
 * `<mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>`: the first problem of a control in
 * words. Server problems (`server`, from the API's `fields`) come first: they are what blocked the save.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(errors: ValidationErrors | null | undefined): string {
    if (!errors) {
      return '';
    }
    const t = this.i18n;
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return t.t('validation.required');
    if (errors['minlength']) return t.t('validation.minLength', { min: errors['minlength'].requiredLength });
    if (errors['maxlength']) return t.t('validation.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['min']) return t.t('validation.min', { min: t.number(errors['min'].min, '1.0-2') });
    if (errors['max']) return t.t('validation.max', { max: t.number(errors['max'].max, '1.0-2') });
    if (errors['integer']) return t.t('validation.integer');
    if (errors['username']) return t.t('validation.username');
    if (errors['code']) return t.t('validation.code');
    if (errors['email']) return t.t('validation.email');
    if (errors['url']) return t.t('validation.url');
    if (errors['taken']) return String(errors['taken']);
    return t.t('error.unknown');
  }
}
