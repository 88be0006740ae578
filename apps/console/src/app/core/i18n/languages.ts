import { en, type Dictionary } from './en';
import { ru } from './ru';
import { uk } from './uk';

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

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, ru, uk };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}
