import { ChangeDetectionStrategy, Component, computed, ElementRef, inject } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { type Destination, DESTINATIONS, EFFECTIVE_DATE_MAX_DAYS_AHEAD, REQUEST_OUTCOMES, type RequestOutcome } from '@retention/domain';
import { MoneyPipe, outcomeKey, TranslatePipe, type TranslationKey } from '../../../core/i18n';
import { DeskStore } from '../desk.store';
import { givable } from '../offers/offer-order';
import { destinationOf, localToday, needsCompetitor, takesCompetitor, takesDate, takesDestination, takesKept, takesOffer } from './resolution';

const OUTCOME_ICONS: Readonly<Record<RequestOutcome, string>> = {
  retained: 'favorite',
  retained_with_offer: 'redeem',
  partially_retained: 'splitscreen',
  disconnected: 'power_off',
};

/** The outcome of the talk: what happened, with the offer, competitor, date and kept services it needs. */
@Component({
  selector: 'rc-outcome-form',
  imports: [
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outcome-form.component.html',
  styleUrl: './outcome-form.component.scss',
})
export class OutcomeFormComponent {
  protected readonly store = inject(DeskStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly outcomes = REQUEST_OUTCOMES;
  protected readonly icons = OUTCOME_ICONS;
  protected readonly outcomeKey = outcomeKey;
  protected readonly today = new Date();
  /** The last day a disconnection may be dated (the API refuses later ones). */
  protected readonly latest = new Date(this.today.getFullYear(), this.today.getMonth(), this.today.getDate() + EFFECTIVE_DATE_MAX_DAYS_AHEAD);

  protected readonly outcome = computed(() => this.store.draft().outcome);
  protected readonly showOffer = computed(() => takesOffer(this.outcome()));
  protected readonly showDate = computed(() => takesDate(this.outcome()));
  protected readonly showKept = computed(() => takesKept(this.outcome()));
  protected readonly destinations = DESTINATIONS;
  protected readonly destinationKey = (d: Destination): TranslationKey => `destination.${d}`;
  protected readonly showDestination = computed(() => takesDestination(this.outcome()));
  /** A competitor reason goes to a competitor: the field shows it, fixed. */
  protected readonly destination = computed(() => destinationOf(this.store.draft(), this.store.impliesCompetitor()));
  protected readonly showCompetitor = computed(() => takesCompetitor(this.store.draft(), this.store.impliesCompetitor()));
  protected readonly competitorRequired = computed(() => needsCompetitor(this.outcome(), this.store.impliesCompetitor()));
  /** Offers that can be accepted now: eligible, and approved when they need a manager. */
  protected readonly givableOffers = computed(() =>
    this.store.offerList().filter(givable),
  );
  protected readonly competitors = computed(() => this.store.catalogue.competitors().filter((c) => c.active));
  protected readonly effectiveDate = computed(() => {
    const d = this.store.draft().effectiveDate;
    return d ? new Date(`${d}T00:00:00`) : null;
  });

  /** Moves the focus to the outcome choice (the header's Resolve button brings the operator here before an outcome is chosen). */
  focus(): void {
    this.host.nativeElement.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const radio = this.host.nativeElement.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]');
    radio?.focus();
  }

  protected setDate(d: Date | null): void {
    this.store.patchDraft({ effectiveDate: d ? localToday(d) : null });
  }

  protected toggleKept(service: string, keep: boolean): void {
    const kept = new Set(this.store.draft().keptServices);
    if (keep) kept.add(service);
    else kept.delete(service);
    this.store.patchDraft({ keptServices: [...kept] });
  }
}
