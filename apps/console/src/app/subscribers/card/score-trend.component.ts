import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ScoreTrend } from '@retention/contracts';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { TREND_TONE } from '../../shared/ui/tones';

/** Which way a subscriber's NPS or CSAT scores move (the card's `scoreTrend`), as a chip: the card and the desk show the same. */
@Component({
  selector: 'rc-score-trend',
  imports: [MatIconModule, TranslatePipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let tr = trend();
    @let text = 'card.trend' | t: { kind: kind() === 'nps' ? 'NPS' : 'CSAT', direction: (directionKey(tr.direction) | t), latest: i18n.number(tr.latest, '1.0-1'), before: i18n.number(tr.before, '1.0-1') };
    <rc-chip [tone]="tone[tr.direction]" [attr.data-direction]="tr.direction" [attr.data-testid]="'score-trend-' + kind()" [attr.title]="text" [attr.aria-label]="text">
      <mat-icon class="rc-trend__icon" aria-hidden="true">{{ icon[tr.direction] }}</mat-icon>
      {{ compact() ? (directionKey(tr.direction) | t) : text }}
    </rc-chip>
  `,
  styles: `.rc-trend__icon { font-size: 16px; width: 16px; height: 16px; vertical-align: -3px; margin-right: 2px; }`,
})
export class ScoreTrendComponent {
  protected readonly i18n = inject(I18nService);
  readonly trend = input.required<ScoreTrend>();
  readonly kind = input.required<'nps' | 'csat'>();
  /** Only the direction (the whole sentence in its title): where the space is a tile's. */
  readonly compact = input(false);
  protected readonly tone = TREND_TONE;
  protected readonly icon = { rising: 'trending_up', falling: 'trending_down', steady: 'trending_flat' } as const;

  protected directionKey(d: ScoreTrend['direction']): TranslationKey {
    return `card.trendDirection.${d}` as TranslationKey;
  }
}
