import { inject, Pipe, PipeTransform } from '@angular/core';
import type { TranslationKey } from './en';
import { I18nService, type TranslationParams } from './i18n.service';

/**
 * `{{ 'nav.subscribers' | t }}`. With strict templates a misspelt key is a compile error.
 * Impure on purpose: a pure pipe would cache the first language; the lookup itself is a property read,
 * and reading the language signal makes the view re-render when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
