import type { TranslationKey, TranslationParams } from '../../core/i18n';

export interface DurationText {
  key: TranslationKey;
  params: TranslationParams;
}

/**
 * A waiting time in whole minutes as the words the queue shows: "7 min", "1 h 05 min", "2 d 3 h".
 * No plural forms (see en.ts), so the units are abbreviations in every language.
 */
export function durationText(totalMinutes: number): DurationText {
  const m = Math.max(0, Math.floor(totalMinutes));
  if (m < 60) {
    return { key: 'duration.minutes', params: { m } };
  }
  if (m < 24 * 60) {
    return { key: 'duration.hoursMinutes', params: { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') } };
  }
  return { key: 'duration.daysHours', params: { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) } };
}
