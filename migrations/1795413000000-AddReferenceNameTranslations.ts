import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reference tables whose rows carry a name people read (the English one stays in `name`). */
const TABLES = ['region', 'service', 'tariff', 'competitor'] as const;

/**
 * The demo operator's names in Russian and Ukrainian (libs/api/demo-data reference-data.ts holds the same
 * for a new demo database): written into rows already there, found by code, and only where no translation
 * was set. Competitors are brands and keep their one name.
 */
const TRANSLATIONS: Record<(typeof TABLES)[number], Record<string, { ru: string; uk: string }>> = {
  region: {
    centre: { ru: 'Центр', uk: 'Центр' },
    north: { ru: 'Север', uk: 'Північ' },
    south: { ru: 'Юг', uk: 'Південь' },
    east: { ru: 'Восток', uk: 'Схід' },
    west: { ru: 'Запад', uk: 'Захід' },
    coast: { ru: 'Побережье', uk: 'Узбережжя' },
  },
  service: {
    internet: { ru: 'Домашний интернет', uk: 'Домашній інтернет' },
    cable_tv: { ru: 'Кабельное ТВ', uk: 'Кабельне ТБ' },
    iptv: { ru: 'IPTV', uk: 'IPTV' },
    telephony: { ru: 'Домашний телефон', uk: 'Домашній телефон' },
    mobile: { ru: 'Мобильная связь', uk: 'Мобільний зв’язок' },
  },
  tariff: {
    internet_start_100: { ru: 'Старт 100', uk: 'Старт 100' },
    internet_home_300: { ru: 'Домашний 300', uk: 'Домашній 300' },
    internet_turbo_600: { ru: 'Турбо 600', uk: 'Турбо 600' },
    internet_giga_1000: { ru: 'Гига 1000', uk: 'Гіга 1000' },
    cable_tv_basic: { ru: 'Кабельный Базовый', uk: 'Кабельний Базовий' },
    cable_tv_standard: { ru: 'Кабельный Стандарт', uk: 'Кабельний Стандарт' },
    cable_tv_premium: { ru: 'Кабельный Премиум', uk: 'Кабельний Преміум' },
    iptv_light: { ru: 'IPTV Лайт', uk: 'IPTV Лайт' },
    iptv_optimal: { ru: 'IPTV Оптимальный', uk: 'IPTV Оптимальний' },
    iptv_max: { ru: 'IPTV Макс', uk: 'IPTV Макс' },
    iptv_cinema: { ru: 'IPTV Кино+', uk: 'IPTV Кіно+' },
    telephony_basic: { ru: 'Телефон Базовый', uk: 'Телефон Базовий' },
    telephony_city: { ru: 'Телефон Город без ограничений', uk: 'Телефон Місто без обмежень' },
    telephony_country: { ru: 'Телефон Страна без ограничений', uk: 'Телефон Країна без обмежень' },
    mobile_s: { ru: 'Мобильный S (10 ГБ)', uk: 'Мобільний S (10 ГБ)' },
    mobile_m: { ru: 'Мобильный M (30 ГБ)', uk: 'Мобільний M (30 ГБ)' },
    mobile_unlimited: { ru: 'Мобильный безлимит', uk: 'Мобільний безліміт' },
  },
  competitor: {},
};

/**
 * Reference names in the console's languages: `names` holds the Russian and Ukrainian names ({"ru": …,
 * "uk": …}, each up to 120 characters, either may be missing), `name` stays the English one and the
 * fallback. `local_name(name, names, lang)` is the one resolution for SQL, as `localName` in contracts is
 * for TypeScript.
 */
export class AddReferenceNameTranslations1795413000000 implements MigrationInterface {
  name = 'AddReferenceNameTranslations1795413000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reference_names_valid(names jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_typeof(names) = 'object'
           AND NOT EXISTS (
             SELECT 1 FROM jsonb_each(names) e
              WHERE e.key NOT IN ('ru', 'uk') OR jsonb_typeof(e.value) <> 'string'
                 OR char_length(e.value #>> '{}') NOT BETWEEN 1 AND 120)
      $$`);
    await q.query(`
      CREATE FUNCTION local_name(name text, names jsonb, lang text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(names ->> lang, name)
      $$`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN names jsonb NOT NULL DEFAULT '{}'
                       CONSTRAINT ck_${table}_names CHECK (reference_names_valid(names))`);
      const rows = Object.entries(TRANSLATIONS[table]).map(([code, names]) => ({ code, names }));
      if (rows.length === 0) continue;
      await q.query(
        `UPDATE ${table} t SET names = x.names
           FROM jsonb_to_recordset($1::jsonb) AS x(code text, names jsonb)
          WHERE t.code = x.code AND t.names = '{}'`,
        [JSON.stringify(rows)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN names`);
    await q.query(`DROP FUNCTION local_name(text, jsonb, text)`);
    await q.query(`DROP FUNCTION reference_names_valid(jsonb)`);
  }
}
