import { en } from './en';
import { LANGUAGES } from './languages';
import { ru } from './ru';
import { uk } from './uk';

const DICTIONARIES = { en, ru, uk };

/** Compilation already guarantees the same keys; these checks catch what types cannot see. */
describe('translation dictionaries', () => {
  const englishKeys = Object.keys(en).sort();
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

  it('cover English, Russian and Ukrainian', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'ru', 'uk']);
  });

  describe.each(LANGUAGES.map((l) => l.code))('%s', (code) => {
    const dict = DICTIONARIES[code] as Record<string, string>;

    it('has exactly the English keys', () => {
      expect(Object.keys(dict).sort()).toEqual(englishKeys);
    });

    it('has no empty text', () => {
      const empty = Object.entries(dict).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    });

    it('keeps the placeholders of every English text', () => {
      const broken = englishKeys.filter((k) => placeholders(dict[k]).join() !== placeholders(en[k as keyof typeof en]).join());
      expect(broken).toEqual([]);
    });
  });

  it('actually translates: Russian and Ukrainian differ from English and from each other', () => {
    const same = (a: Record<string, string>, b: Record<string, string>) =>
      englishKeys.filter((k) => a[k] === b[k] && /[a-z]{4,}/.test(a[k]));
    // Acronyms such as "NPS" or "CSAT" may be equal; ordinary words may not.
    expect(same(DICTIONARIES.ru, DICTIONARIES.en)).toEqual([]);
    expect(same(DICTIONARIES.uk, DICTIONARIES.en)).toEqual([]);
    // Words such as "Оператор" or "Телефон" are spelt the same in both; a whole phrase never is, so an
    // identical phrase means one dictionary was copied into the other.
    const ruUkSamePhrases = englishKeys.filter((k) => {
      const key = k as keyof typeof en;
      return DICTIONARIES.ru[key] === DICTIONARIES.uk[key] && /\s/.test(DICTIONARIES.ru[key]);
    });
    expect(ruUkSamePhrases).toEqual([]);
  });
});
