import { ChangeDetectionStrategy, Component, input } from '@angular/core';

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
