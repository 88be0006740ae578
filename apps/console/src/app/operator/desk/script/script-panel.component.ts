import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { LocalizedText } from '@retention/contracts';
import { I18nService, TranslatePipe } from '../../../core/i18n';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { temperamentAdvice } from '../../../subscribers/card/advice';
import { CallWork } from '../call-work';

/** The speech module for the chosen reason, in the console language, with the temperament hint on top. */
@Component({
  selector: 'rc-script-panel',
  imports: [MatIconModule, MatProgressBarModule, TranslatePipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './script-panel.component.html',
  styleUrl: './script-panel.component.scss',
})
export class ScriptPanelComponent {
  protected readonly store = inject(CallWork);
  private readonly i18n = inject(I18nService);

  protected readonly detail = computed(() => {
    const d = this.store.reasonDetail();
    return d?.status === 'ready' ? d.value : null;
  });
  protected readonly loading = computed(() => this.store.reasonDetail()?.status === 'loading');
  protected readonly advice = computed(() => {
    const card = this.store.card();
    return card ? temperamentAdvice(this.i18n, card) : null;
  });

  protected text(l: LocalizedText): string {
    return l[this.i18n.language()] || l.en;
  }
}
