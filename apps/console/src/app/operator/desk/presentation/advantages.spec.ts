import { TestBed } from '@angular/core/testing';
import { I18nService } from '../../../core/i18n';
import { advantageText } from './advantages';

describe('advantageText', () => {
  let i18n: I18nService;
  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  it('words each advantage with its number in the console language', () => {
    i18n.use('en');
    expect(advantageText({ key: 'cheaper_entry', value: 40 }, i18n)).toBe('Our entry tariff is 40.00 a month cheaper');
    expect(advantageText({ key: 'faster_top', value: 400 }, i18n)).toBe('Our fastest tariff is 400 Mbit/s faster');
    expect(advantageText({ key: 'cheaper_per_mbps', value: 0.35 }, i18n)).toBe('Each Mbit/s costs 0.35 less with us');
    expect(advantageText({ key: 'more_channels', value: 1250 }, i18n)).toBe('1,250 more TV channels');
  });

  it('uses the locale’s number format in Russian and Ukrainian', async () => {
    await i18n.use('ru');
    expect(advantageText({ key: 'cheaper_entry', value: 1540.5 }, i18n)).toContain('1\u00a0540,50');
    await i18n.use('uk');
    expect(advantageText({ key: 'more_channels', value: 30 }, i18n)).toContain('30');
  });

  it('shows an advantage it does not know as the API sent it', () => {
    i18n.use('en');
    expect(advantageText({ key: 'free_router', value: 'yes' }, i18n)).toBe('free_router: yes');
  });
});
