import { DOCUMENT, formatDate, formatNumber } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { localName, type NameTranslations } from '@retention/contracts';
import { type Dictionary, en, type TranslationKey } from './en';
import { isLanguage, type Language, LOADERS } from './languages';

export const LANGUAGE_STORAGE_KEY = 'rc.language';

export type TranslationParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so that the gap is noticed. */
export function interpolate(text: string, params?: TranslationParams): string {
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) {
      return stored;
    }
  } catch {
    // Storage may be unavailable (private mode, tests): fall through to the browser's language.
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

/**
 * The current language as a signal. Everything visible reads it through `t()` (or the `t` pipe), and the
 * format helpers take their locale from it, so switching language re-renders every OnPush view that
 * used a translation: signal reads inside templates are tracked.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  /** The language shown: English until the one asked for has loaded (its dictionary and its locale data). */
  private readonly current = signal<Language>('en');
  private readonly loaded = signal<Partial<Record<Language, Dictionary>>>({ en });
  private readonly loading = new Map<Language, Promise<Dictionary>>();
  private wanted: Language = 'en';

  readonly language = this.current.asReadonly();
  readonly dictionary = computed(() => this.loaded()[this.current()] ?? en);
  /** Resolves once the user's language (stored, else the browser's) is in place; the app waits for it to start. */
  readonly ready: Promise<void> = this.use(initialLanguage()).catch(() => undefined);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  /** Switch to a language, once its dictionary has loaded (the screen stays in the current one meanwhile). */
  async use(language: Language): Promise<void> {
    this.wanted = language;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered, still switched.
    }
    let load = this.loading.get(language);
    if (!load) {
      load = LOADERS[language]();
      this.loading.set(language, load);
      load.catch(() => this.loading.delete(language));
    }
    const dictionary = await load;
    this.loaded.update((d) => ({ ...d, [language]: dictionary }));
    // A later pick wins over a slower earlier one.
    if (this.wanted === language) this.current.set(language);
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built from data (e.g. a usage unit); falls back to the raw value when there is no entry. */
  tryT(key: string, fallback: string, params?: TranslationParams): string {
    const dict = this.dictionary() as Readonly<Record<string, string>>;
    return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key], params) : fallback;
  }

  /** A reference name (region, service, tariff, competitor) in the current language, else its English name. */
  localName(name: string, names: NameTranslations | null | undefined): string {
    return localName(name, names, this.current());
  }

  number(value: number | null | undefined, digits = '1.0-1'): string {
    return value === null || value === undefined ? '' : formatNumber(value, this.current(), digits);
  }

  /** Money as an amount with two decimals: the operator's currency is implied everywhere in the console. */
  money(value: number | null | undefined): string {
    return this.number(value, '1.2-2');
  }

  date(value: string | Date | null | undefined, format = 'mediumDate'): string {
    return value === null || value === undefined || value === '' ? '' : formatDate(value, format, this.current());
  }

  /** A moment as lists show it: the time alone when it is today, otherwise the day and the time. */
  when(value: string | Date | null | undefined): string {
    if (value === null || value === undefined || value === '') {
      return '';
    }
    const d = new Date(value);
    const time = formatDate(d, 'shortTime', this.current());
    return d.toDateString() === new Date().toDateString() ? time : `${formatDate(d, 'd MMM', this.current())}, ${time}`;
  }

  /** "Mar 2025" / "мар. 2025 г." style label of a month given as `YYYY-MM` or `YYYY-MM-DD`. */
  month(value: string): string {
    const [y, m] = value.split('-').map(Number);
    return formatDate(new Date(y, (m || 1) - 1, 1), 'LLL yyyy', this.current());
  }
}
