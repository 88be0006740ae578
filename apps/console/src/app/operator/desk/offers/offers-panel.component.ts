import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { OfferProposal } from '@retention/contracts';
import { filter } from 'rxjs';
import { I18nService, MoneyPipe, TranslatePipe } from '../../../core/i18n';
import { NoteDialog, type NoteDialogData } from '../../../shared/ui/note.dialog';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { CallWork } from '../call-work';
import { offersInFocus } from './offer-order';

/**
 * The offers that fit the chosen reason and this subscriber, best first (the API ranks them): what each costs
 * the operator and whether a manager must approve it first. Offers the subscriber cannot have are listed
 * apart, folded, each with the reason.
 */
@Component({
  selector: 'rc-offers-panel',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, TranslatePipe, MoneyPipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './offers-panel.component.html',
  styleUrl: './offers-panel.component.scss',
})
export class OffersPanelComponent {
  protected readonly store = inject(CallWork);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly loading = computed(() => this.store.offers()?.status === 'loading');
  protected readonly showAll = signal(false);
  protected readonly showIneligible = signal(false);
  /** What the subscriber can have (now, or with a manager's approval), best first. */
  private readonly eligible = computed(() => this.store.offerList().filter((o) => o.eligible));
  /** What this subscriber cannot have, kept apart with the reason (a new subscriber cannot get most loyalty offers). */
  protected readonly ineligible = computed(() => this.store.offerList().filter((o) => !o.eligible));
  private readonly focused = computed(() => {
    const keep = new Set([
      ...this.store.askedApprovals(),
      ...this.eligible().filter((o) => o.approval !== null).map((o) => o.code),
      ...(this.store.draft().offerCode ? [this.store.draft().offerCode as string] : []),
    ]);
    return offersInFocus(this.eligible(), keep);
  });
  protected readonly offers = computed(() => (this.showAll() ? this.eligible() : this.focused()));
  protected readonly hidden = computed(() => this.eligible().length - this.focused().length);

  protected why(o: OfferProposal): string {
    return o.ineligibleBecause.map((b) => this.i18n.tryT(`offers.ineligible.${b}`, b)).join('; ');
  }

  /** Waiting for a manager: asked on this screen, or found pending when the offers were loaded. */
  protected asked(o: OfferProposal): boolean {
    return o.approval === 'pending' || this.store.askedApprovals().has(o.code);
  }

  protected ask(o: OfferProposal): void {
    const data: NoteDialogData = {
      title: this.i18n.t('offers.askTitle'),
      message: this.i18n.t('offers.askMessage', { offer: o.title, cost: this.i18n.money(o.cost) }),
      label: this.i18n.t('offers.askNote'),
      confirm: this.i18n.t('offers.askSend'),
    };
    this.dialog
      .open(NoteDialog, { data, width: '480px' })
      .afterClosed()
      .pipe(filter((note): note is string => typeof note === 'string'))
      .subscribe((note) => this.store.askApproval(o.code, note));
  }
}
