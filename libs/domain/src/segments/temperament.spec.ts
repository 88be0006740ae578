import { ActivitySegment, Temperament } from '@retention/contracts';
import {
  ACTIVITY_ADVICE,
  ACTIVITY_ADVICE_TEXTS,
  ADVICE_LOCALES,
  AdviceKeys,
  TEMPERAMENT_ADVICE,
  TEMPERAMENT_ADVICE_TEXTS,
} from './temperament';

function allKeys(advice: Record<string, AdviceKeys>): string[] {
  return Object.values(advice).flatMap((a) => [...a.doList, ...a.dontList]);
}

const UKRAINIAN_ONLY_LETTERS = /[іїєґІЇЄҐ]/;
const RUSSIAN_ONLY_LETTERS = /[ыэъёЫЭЪЁ]/;

describe('TEMPERAMENT_ADVICE keys', () => {
  it('covers every temperament with at least three dos and two don’ts', () => {
    for (const t of Object.values(Temperament)) {
      expect(TEMPERAMENT_ADVICE[t].doList.length).toBeGreaterThanOrEqual(3);
      expect(TEMPERAMENT_ADVICE[t].dontList.length).toBeGreaterThanOrEqual(2);
    }
    expect(Object.keys(TEMPERAMENT_ADVICE).sort()).toEqual(Object.values(Temperament).sort());
  });

  it('uses stable dotted keys, not texts', () => {
    expect(TEMPERAMENT_ADVICE[Temperament.Choleric].doList[0]).toBe('temperament.choleric.do.1');
    expect(TEMPERAMENT_ADVICE[Temperament.Phlegmatic].dontList[0]).toBe('temperament.phlegmatic.dont.1');
    for (const key of allKeys(TEMPERAMENT_ADVICE)) {
      expect(key).toMatch(/^temperament\.(choleric|sanguine|melancholic|phlegmatic)\.(do|dont)\.[1-9]\d*$/);
    }
  });

  it('has no duplicate keys', () => {
    const keys = allKeys(TEMPERAMENT_ADVICE);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('TEMPERAMENT_ADVICE_TEXTS', () => {
  it('has exactly the advice keys, non-empty, in every locale', () => {
    const keys = allKeys(TEMPERAMENT_ADVICE).sort();
    for (const locale of ADVICE_LOCALES) {
      expect(Object.keys(TEMPERAMENT_ADVICE_TEXTS[locale]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(TEMPERAMENT_ADVICE_TEXTS[locale][key]?.trim().length).toBeGreaterThan(10);
      }
    }
  });

  it('writes Russian in Russian and Ukrainian in Ukrainian', () => {
    const ru = Object.values(TEMPERAMENT_ADVICE_TEXTS.ru);
    const uk = Object.values(TEMPERAMENT_ADVICE_TEXTS.uk);
    expect(ru.every((text) => /[а-яё]/i.test(text) && !UKRAINIAN_ONLY_LETTERS.test(text))).toBe(true);
    expect(uk.every((text) => !RUSSIAN_ONLY_LETTERS.test(text))).toBe(true);
    expect(uk.filter((text) => UKRAINIAN_ONLY_LETTERS.test(text)).length).toBeGreaterThan(uk.length / 2);
    expect(Object.values(TEMPERAMENT_ADVICE_TEXTS.en).every((text) => /^[\x20-\x7e]+$/.test(text))).toBe(true);
  });

  it('carries the methodology for each temperament (docs/methodology.md, Handling people by temperament and activity)', () => {
    const en = (t: Temperament): string =>
      [...TEMPERAMENT_ADVICE[t].doList, ...TEMPERAMENT_ADVICE[t].dontList]
        .map((k) => TEMPERAMENT_ADVICE_TEXTS.en[k])
        .join(' ');
    expect(en(Temperament.Choleric)).toMatch(/argue/);
    expect(en(Temperament.Choleric)).toMatch(/fast/);
    expect(en(Temperament.Sanguine)).toMatch(/discount/);
    expect(en(Temperament.Sanguine)).toMatch(/distance/);
    expect(en(Temperament.Melancholic)).toMatch(/under control/);
    expect(en(Temperament.Melancholic)).toMatch(/detailed/);
    expect(en(Temperament.Phlegmatic)).toMatch(/facts/);
    expect(en(Temperament.Phlegmatic)).toMatch(/Check every letter/);
  });

  it('gives the same advice in Russian and Ukrainian for the key it was written under', () => {
    expect(TEMPERAMENT_ADVICE_TEXTS.ru['temperament.sanguine.dont.1']).toContain('скидку');
    expect(TEMPERAMENT_ADVICE_TEXTS.uk['temperament.sanguine.dont.1']).toContain('знижку');
  });
});

describe('ACTIVITY_ADVICE', () => {
  it('covers active, waiting and passive with keys in every locale', () => {
    expect(Object.keys(ACTIVITY_ADVICE).sort()).toEqual(Object.values(ActivitySegment).sort());
    const keys = allKeys(ACTIVITY_ADVICE).sort();
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(/^activity\.(active|waiting|passive)\.(do|dont)\.[1-9]\d*$/);
    }
    for (const locale of ADVICE_LOCALES) {
      expect(Object.keys(ACTIVITY_ADVICE_TEXTS[locale]).sort()).toEqual(keys);
    }
  });

  it('tells the operator to reach passive subscribers first, before they quietly leave', () => {
    expect(ACTIVITY_ADVICE[ActivitySegment.Passive].doList[0]).toBe('activity.passive.do.1');
    expect(ACTIVITY_ADVICE_TEXTS.en['activity.passive.do.1']).toMatch(/first/);
    expect(ACTIVITY_ADVICE_TEXTS.ru['activity.passive.do.1']).toMatch(/первыми/);
  });

  it('does not share keys with the temperament advice', () => {
    const temperamentKeys = new Set(allKeys(TEMPERAMENT_ADVICE));
    expect(allKeys(ACTIVITY_ADVICE).some((k) => temperamentKeys.has(k))).toBe(false);
  });
});
