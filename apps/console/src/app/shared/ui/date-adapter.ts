import { effect, inject, type Provider } from '@angular/core';
import { DateAdapter, provideNativeDateAdapter } from '@angular/material/core';
import { I18nService } from '../../core/i18n';

/** Date and time pickers on the browser's Date: put in the `providers` of a component that has them. */
export function provideConsoleDates(): Provider[] {
  return [provideNativeDateAdapter()];
}

/** Call from a constructor: the pickers' month names, first weekday and formats follow the console language. */
export function syncDateLocale(): void {
  const adapter = inject(DateAdapter);
  const i18n = inject(I18nService);
  effect(() => adapter.setLocale(i18n.language()));
}
