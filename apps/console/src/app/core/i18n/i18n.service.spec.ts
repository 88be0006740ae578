import { TestBed } from '@angular/core/testing';
import { I18nService, interpolate, LANGUAGE_STORAGE_KEY } from './i18n.service';

describe('I18nService', () => {
  beforeEach(() => localStorage.clear());

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Found: {count}', { count: 3 })).toBe('Found: 3');
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it('switches language, remembers it and formats numbers and dates per locale', async () => {
    const i18n = TestBed.inject(I18nService);
    await i18n.use('en');
    expect(i18n.t('nav.subscribers')).toBe('Subscribers');
    expect(i18n.money(1234.5)).toBe('1,234.50');

    // Russian is a chunk of its own: the screen stays English until it has loaded, then switches.
    const switching = i18n.use('ru');
    expect(i18n.language()).toBe('en');
    await switching;
    expect(i18n.t('nav.subscribers')).toBe('Абоненты');
    // Russian groups thousands with a (narrow) no-break space and uses a decimal comma.
    expect(i18n.money(1234.5)).toMatch(/^1\s234,50$/u);
    expect(i18n.date('2025-03-07', 'd MMMM y')).toBe('7 марта 2025');

    await i18n.use('uk');
    expect(i18n.t('common.found', { count: 5 })).toBe('Знайдено: 5');
    expect(i18n.date('2025-03-07', 'd MMMM y')).toBe('7 березня 2025');

    TestBed.tick();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('uk');
    expect(document.documentElement.lang).toBe('uk');
  });

  it('starts in the remembered language once it has loaded (the app waits for `ready`)', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ru');
    const i18n = TestBed.inject(I18nService);
    await i18n.ready;
    expect(i18n.language()).toBe('ru');
    expect(i18n.t('nav.subscribers')).toBe('Абоненты');
  });

  it('keeps the last pick when an earlier one loads later', async () => {
    const i18n = TestBed.inject(I18nService);
    await i18n.ready;
    const slow = i18n.use('uk');
    await i18n.use('en');
    await slow;
    expect(i18n.language()).toBe('en');
  });
});
