import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { npsBand } from '@retention/domain';
import {
  contractKey,
  I18nService,
  lifetimeKey,
  LocalNamePipe,
  MoneyPipe,
  npsBandKey,
  statusKey,
  TranslatePipe,
} from '../../../core/i18n';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { LIFETIME_TONE, NPS_TONE, STATUS_TONE } from '../../../shared/ui/tones';
import { activityAdvice, temperamentAdvice } from '../../../subscribers/card/advice';
import { ScoreTrendComponent } from '../../../subscribers/card/score-trend.component';
import { CallWork } from '../call-work';

/**
 * The subscriber card, boiled down to what a retention talk needs, with how to talk to this person. Services, tariffs
 * and the region are named in the console language, as on the full card.
 */
@Component({
  selector: 'rc-subscriber-summary',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, RouterLink, TranslatePipe, MoneyPipe, LocalNamePipe, ChipComponent, ScoreTrendComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './subscriber-summary.component.html',
  styleUrl: './subscriber-summary.component.scss',
})
export class SubscriberSummaryComponent {
  protected readonly store = inject(CallWork);
  protected readonly i18n = inject(I18nService);

  protected readonly card = this.store.card;
  protected readonly keys = { statusKey, contractKey, lifetimeKey, npsBandKey };
  protected readonly statusTone = STATUS_TONE;
  protected readonly lifetimeTone = LIFETIME_TONE;
  protected readonly npsTone = NPS_TONE;

  protected readonly band = computed(() => {
    const nps = this.card()?.nps;
    return nps === null || nps === undefined ? null : npsBand(nps);
  });
  protected readonly active = computed(() => (this.card()?.subscriptions ?? []).filter((s) => !s.endedAt));
  protected readonly temperament = computed(() => {
    const c = this.card();
    return c ? temperamentAdvice(this.i18n, c) : null;
  });
  protected readonly activity = computed(() => {
    const c = this.card();
    return c ? activityAdvice(this.i18n, c) : null;
  });
}
