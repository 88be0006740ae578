import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { DisconnectRequestView } from '@retention/contracts';
import { errorMessageKey } from '../../../core/http/api-error';
import { channelKey, I18nService, isChannel, MoneyPipe, TranslatePipe } from '../../../core/i18n';
import { channelIcon } from '../../../shared/requests/channels';
import { durationText } from '../../../shared/ui/duration';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { DeskStore } from '../desk.store';

/** The left column of the desk: open requests, most urgent first (the API's order), refreshed every 20 s. */
@Component({
  selector: 'rc-desk-queue',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTooltipModule,
    RouterLink,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue.component.html',
  styleUrl: './queue.component.scss',
})
export class QueueComponent {
  protected readonly store = inject(DeskStore);
  protected readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');
  private readonly list = viewChild.required<ElementRef<HTMLElement>>('list');

  readonly newRequest = output<void>();
  protected readonly channelIcon = channelIcon;
  protected readonly errorMessageKey = errorMessageKey;

  constructor() {
    // Keep the selected request in view, and the focus with it when the operator is moving through the list.
    effect(() => {
      const id = this.store.selectedId();
      const list = this.list().nativeElement;
      this.store.queue();
      queueMicrotask(() => {
        const item = id ? list.querySelector<HTMLElement>(`[data-request-id="${id}"]`) : null;
        item?.scrollIntoView?.({ block: 'nearest' });
        if (item && list.contains(document.activeElement) && document.activeElement !== item) {
          item.focus();
        }
      });
    });
  }

  focusSearch(): void {
    this.searchBox().nativeElement.focus();
    this.searchBox().nativeElement.select();
  }

  /** Whether the focus is somewhere in the list (arrow keys then move the selection). */
  hasFocus(): boolean {
    return this.list().nativeElement.contains(document.activeElement);
  }

  focusSelected(): void {
    const id = this.store.selectedId();
    const el = id ? this.host.nativeElement.querySelector<HTMLElement>(`[data-request-id="${id}"]`) : null;
    el?.focus();
  }

  protected wait(r: DisconnectRequestView): string {
    const d = durationText(r.waitingMinutes);
    return this.i18n.t(d.key, d.params);
  }

  protected channel(r: DisconnectRequestView): string {
    return isChannel(r.channel) ? this.i18n.t(channelKey(r.channel)) : r.channel;
  }

  /** Mine: in progress with me, or a call-back I promised. */
  protected mine(r: DisconnectRequestView): boolean {
    return (r.status === 'in_progress' && r.actions.includes('resolve')) || (r.status === 'postponed' && r.actions.includes('claim'));
  }
}
