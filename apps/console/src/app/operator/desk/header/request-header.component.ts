import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { channelKey, I18nService, isChannel, MoneyPipe, requestStatusKey, TranslatePipe } from '../../../core/i18n';
import { durationText } from '../../../shared/ui/duration';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { REQUEST_STATUS_TONE } from '../../../shared/ui/tones';
import { DeskStore } from '../desk.store';
import { channelIcon } from '../../../shared/requests/channels';

/** Who, what and how long, with only the steps the API allows this operator now. */
@Component({
  selector: 'rc-request-header',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, TranslatePipe, MoneyPipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-header.component.html',
  styleUrl: './request-header.component.scss',
})
export class RequestHeaderComponent {
  protected readonly store = inject(DeskStore);
  protected readonly i18n = inject(I18nService);

  readonly postpone = output<void>();
  readonly resolve = output<void>();

  protected readonly r = this.store.request;
  protected readonly statusTone = REQUEST_STATUS_TONE;
  protected readonly statusKey = requestStatusKey;

  protected readonly channelIcon = channelIcon;

  protected readonly waiting = computed(() => {
    const r = this.r();
    if (!r) return '';
    const d = durationText(r.waitingMinutes);
    return this.i18n.t(d.key, d.params);
  });
  protected readonly channel = computed(() => {
    const c = this.r()?.channel ?? '';
    return isChannel(c) ? this.i18n.t(channelKey(c)) : c;
  });
}
