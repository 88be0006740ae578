import type { PresentationView } from '@retention/contracts';
import type { I18nService } from '../../../core/i18n';

export type Advantage = PresentationView['rows'][number]['advantages'][number];

/**
 * The API names our advantages by key with a number ("cheaper_entry": 40); the console words them in the
 * operator's language, with money and numbers in its format. An unknown key is shown as the API sent it.
 */
export function advantageText(a: Advantage, i18n: I18nService): string {
  const n = typeof a.value === 'number' ? a.value : Number(a.value);
  switch (a.key) {
    case 'cheaper_entry':
      return i18n.t('presentation.adv.cheaperEntry', { amount: i18n.money(n) });
    case 'faster_top':
      return i18n.t('presentation.adv.fasterTop', { mbps: i18n.number(n, '1.0-0') });
    case 'cheaper_per_mbps':
      return i18n.t('presentation.adv.cheaperPerMbps', { amount: i18n.number(n, '1.2-2') });
    case 'more_channels':
      return i18n.t('presentation.adv.moreChannels', { count: i18n.number(n, '1.0-0') });
    default:
      return `${a.key}: ${a.value}`;
  }
}
