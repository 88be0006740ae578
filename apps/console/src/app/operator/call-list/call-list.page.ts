import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { errorMessageKey } from '../../core/http/api-error';
import { I18nService, MoneyPipe, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { SignalChipsComponent } from '../../shared/ui/signal-chips.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { CallWork } from '../desk/call-work';
import { OffersPanelComponent } from '../desk/offers/offers-panel.component';
import { PresentationPanelComponent } from '../desk/presentation/presentation-panel.component';
import { ReasonPickerComponent } from '../desk/reason/reason-picker.component';
import { ScriptPanelComponent } from '../desk/script/script-panel.component';
import { SubscriberSummaryComponent } from '../desk/subscriber/subscriber-summary.component';
import { type CaseOutcome, CaseWorkStore } from './case-work.store';
import { selectionIntoUrl } from '../../core/selection-url';

/**
 * The operator's call list: the hidden-churn cases assigned to them on the left, riskiest first; the case on
 * screen on the right, worked with the desk's own panels (the words and the true reason, the script, the
 * competitor comparison, the offers, the subscriber card) to an outcome. The case on screen is in the URL (`?c=`).
 */
@Component({
  selector: 'rc-call-list-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
    SignalChipsComponent,
    ErrorStateComponent,
    ReasonPickerComponent,
    ScriptPanelComponent,
    PresentationPanelComponent,
    OffersPanelComponent,
    SubscriberSummaryComponent,
  ],
  providers: [CaseWorkStore, { provide: CallWork, useExisting: CaseWorkStore }, Catalogue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './call-list.page.html',
  styleUrl: './call-list.page.scss',
  host: { class: 'rc-cl' },
})
export class CallListPage {
  protected readonly store = inject(CaseWorkStore);
  protected readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly outcomes: readonly CaseOutcome[] = ['returned', 'lost', 'false_alarm'];

  /** Query parameter `c`: the case on screen. */
  readonly c = input<string>();

  constructor() {
    effect(() => {
      const id = this.c() ?? null;
      untracked(() => {
        if (id) this.store.select(id);
      });
    });
    effect(() => {
      const id = this.store.selectedId();
      if (id && id !== (untracked(this.c) ?? null)) {
        selectionIntoUrl(this.router, { c: id });
      }
    });
    // Opening the list without a case: the riskiest one is on screen at once.
    let opened = false;
    effect(() => {
      if (opened || !this.store.listReady()) return;
      opened = true;
      const first = this.store.cases()[0];
      if (first && !untracked(this.store.selectedId)) this.store.select(first.id);
    });
  }

  protected statusKey(s: string): TranslationKey {
    return `hiddenChurn.status.${s}` as TranslationKey;
  }

  protected outcomeKey(o: CaseOutcome): TranslationKey {
    return `hiddenChurn.status.${o}` as TranslationKey;
  }

  protected offerTitle(code: string | null): string {
    return this.store.offerList().find((o) => o.code === code)?.title ?? code ?? '';
  }
}
