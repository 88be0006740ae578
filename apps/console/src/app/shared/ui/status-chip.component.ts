import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe, type TranslationKey } from '../../core/i18n';

export type ChipTone = 'success' | 'warning' | 'error' | 'info' | 'neutral';

/** A small coloured label: statuses, ratings and bands use the same five tones everywhere. */
@Component({
  selector: 'rc-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-chip', '[class]': '"rc-chip tone-" + tone()' },
  template: `<ng-content />`,
})
export class ChipComponent {
  readonly tone = input<ChipTone>('neutral');
}

/**
 * Whether a row (user, region, service, tariff, competitor, offer, webhook endpoint) is in use: every list says it
 * with this one chip. `inactive` names the other state where a list has its own word for it.
 */
@Component({
  selector: 'rc-active-chip',
  imports: [ChipComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<rc-chip [tone]="active() ? 'success' : 'neutral'">{{ (active() ? 'common.active' : inactive()) | t }}</rc-chip>`,
})
export class ActiveChipComponent {
  readonly active = input.required<boolean>();
  readonly inactive = input<TranslationKey>('common.inactive');
}
