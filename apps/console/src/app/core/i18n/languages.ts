import { registerLocaleData } from '@angular/common';
import { en, type Dictionary } from './en';

export type Language = 'en' | 'ru' | 'uk';

export interface LanguageOption {
  code: Language;
  /** Each language is named in itself, so a user can find theirs whatever the current language. */
  nativeName: string;
}

export const LANGUAGES: readonly LanguageOption[] = [
  { code: 'en', nativeName: 'English' },
  { code: 'ru', nativeName: 'Русский' },
  { code: 'uk', nativeName: 'Українська' },
];

/**
 * Each language's dictionary and Angular locale data. English is in the initial bundle (it is the type every
 * dictionary follows, and what shows while another loads); Russian and Ukrainian are chunks of their own,
 * fetched when a user first needs them (about 300 kB the other users' browsers need not parse).
 */
export const LOADERS: Readonly<Record<Language, () => Promise<Dictionary>>> = {
  en: async () => en,
  ru: async () => {
    const [{ ru }, { default: locale }] = await Promise.all([import('./ru'), import('@angular/common/locales/ru')]);
    registerLocaleData(locale, 'ru');
    return ru;
  },
  uk: async () => {
    const [{ uk }, { default: locale }] = await Promise.all([import('./uk'), import('@angular/common/locales/uk')]);
    registerLocaleData(locale, 'uk');
    return uk;
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}
