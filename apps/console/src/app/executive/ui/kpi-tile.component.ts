import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { KeyFigure, LifetimeRating, NpsBand } from '@retention/contracts';
import { lifetimeKey, npsBandKey, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { ChipComponent, type ChipTone } from '../../shared/ui/status-chip.component';
import { LIFETIME_TONE, NPS_TONE } from '../../shared/ui/tones';
import {
  changeDirection,
  changeTone,
  type FigureMeta,
  figureHintKey,
  figureLabelKey,
  formatChange,
  formatFigure,
} from '../data/key-figures';
import { ReportFormat } from '../data/report-format';

/**
 * One key figure: its value, the change against the previous period (arrow, and green or red by whether the
 * change is good news for this figure), its rating where it has one, and a tooltip with the formula.
 * A tile that drills is a button, named by what it shows (label, value, change, rating, previous period).
 */
@Component({
  selector: 'rc-kpi-tile',
  imports: [MatIconModule, MatTooltipModule, TranslatePipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-kpi__head">
      <span class="rc-kpi__label">{{ labelKey() | t }}</span>
      <mat-icon
        class="rc-kpi__info rc-no-print"
        [matTooltip]="hintKey() | t"
        matTooltipClass="rc-kpi-tooltip"
        tabindex="-1"
        (click)="$event.stopPropagation()"
        >info</mat-icon
      >
    </div>
    <div class="rc-kpi__value" data-testid="kpi-value">{{ value() }}</div>
    <div class="rc-kpi__foot">
      <span class="rc-kpi__change" [class]="'rc-kpi__change tone-' + tone()" data-testid="kpi-change">
        <mat-icon>{{ arrow() }}</mat-icon>{{ change() }}
      </span>
      @if (rating(); as r) {
        <rc-chip [tone]="r.tone">{{ r.key | t }}</rc-chip>
      }
    </div>
    <div class="rc-kpi__prev">{{ 'kpi.previous' | t: { value: previous() } }}</div>
  `,
  styleUrl: './kpi-tile.component.scss',
  host: {
    class: 'rc-kpi',
    '[class.rc-kpi--drill]': 'drillable()',
    '[attr.data-testid]': '"kpi-" + meta().key',
    '[attr.role]': 'drillable() ? "button" : null',
    '[attr.tabindex]': 'drillable() ? 0 : null',
    '(click)': 'open()',
    '(keydown.enter)': 'open()',
    '(keydown.space)': '$event.preventDefault(); open()',
  },
})
export class KpiTileComponent {
  private readonly fmt = inject(ReportFormat);

  readonly figure = input.required<KeyFigure>();
  readonly meta = input.required<FigureMeta>();
  readonly drill = output<void>();

  protected readonly drillable = computed(() => !!this.meta().drill);
  protected readonly labelKey = computed<TranslationKey>(() => figureLabelKey(this.meta().key));
  protected readonly hintKey = computed<TranslationKey>(() => figureHintKey(this.meta().key));

  protected readonly value = computed(() => {
    return formatFigure(this.fmt, this.meta().format, this.figure().value);
  });
  protected readonly previous = computed(() => {
    return formatFigure(this.fmt, this.meta().format, this.figure().previous);
  });
  protected readonly change = computed(() => {
    return formatChange(this.fmt, this.meta().format, this.figure().change);
  });
  protected readonly tone = computed(() => changeTone(this.meta().better, this.figure().change));
  protected readonly arrow = computed(() => {
    const d = changeDirection(this.figure().change);
    return d === 'up' ? 'arrow_upward' : d === 'down' ? 'arrow_downward' : 'arrow_forward';
  });

  protected readonly rating = computed<{ key: TranslationKey; tone: ChipTone } | null>(() => {
    const r = this.figure().rating;
    if (!r) return null;
    if (this.meta().key === 'average_lifetime' && r in LIFETIME_TONE) {
      return { key: lifetimeKey(r as LifetimeRating), tone: LIFETIME_TONE[r as LifetimeRating] };
    }
    if (this.meta().key === 'nps' && r in NPS_TONE) {
      return { key: npsBandKey(r as NpsBand), tone: NPS_TONE[r as NpsBand] };
    }
    return null;
  });

  protected open(): void {
    if (this.drillable()) this.drill.emit();
  }
}
