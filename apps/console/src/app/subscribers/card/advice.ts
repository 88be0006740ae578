import type { SubscriberCard } from '@retention/contracts';
import {
  ACTIVITY_ADVICE,
  ACTIVITY_ADVICE_TEXTS,
  type AdviceKeys,
  TEMPERAMENT_ADVICE,
  TEMPERAMENT_ADVICE_TEXTS,
} from '@retention/domain';
import { activityKey, type I18nService, temperamentKey, type TranslationKey } from '../../core/i18n';

/** Handling advice for one segment, in the console language (the card and the operator desk both show it). */
export interface AdviceView {
  title: string;
  doList: string[];
  dontList: string[];
}

function advice(
  i18n: I18nService,
  title: TranslationKey,
  keys: AdviceKeys | undefined,
  texts: Readonly<Record<string, Readonly<Record<string, string>>>>,
): AdviceView {
  const dict = texts[i18n.language()] ?? texts['en'];
  const text = (k: string) => dict?.[k] ?? texts['en']?.[k] ?? k;
  return {
    title: i18n.t(title),
    doList: (keys?.doList ?? []).map(text),
    dontList: (keys?.dontList ?? []).map(text),
  };
}

export function temperamentAdvice(i18n: I18nService, card: Pick<SubscriberCard, 'temperament'>): AdviceView {
  return advice(i18n, temperamentKey(card.temperament), TEMPERAMENT_ADVICE[card.temperament], TEMPERAMENT_ADVICE_TEXTS);
}

export function activityAdvice(i18n: I18nService, card: Pick<SubscriberCard, 'activitySegment'>): AdviceView {
  return advice(i18n, activityKey(card.activitySegment), ACTIVITY_ADVICE[card.activitySegment], ACTIVITY_ADVICE_TEXTS);
}
