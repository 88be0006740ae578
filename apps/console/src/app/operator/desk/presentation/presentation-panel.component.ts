import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { PresentationView } from '@retention/contracts';
import { I18nService, MoneyPipe, NumberPipe, TranslatePipe } from '../../../core/i18n';
import { CallWork } from '../call-work';
import { advantageText } from './advantages';

type Row = PresentationView['rows'][number];

/**
 * The presentation module: our tariffs for the subscriber's services beside the named competitor's in the
 * subscriber's region, with our advantages spelt out and the competitor's weak points to mention.
 */
@Component({
  selector: 'rc-presentation-panel',
  imports: [MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, TranslatePipe, MoneyPipe, NumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './presentation-panel.component.html',
  styleUrl: './presentation-panel.component.scss',
})
export class PresentationPanelComponent {
  protected readonly store = inject(CallWork);
  private readonly i18n = inject(I18nService);

  protected readonly competitors = computed(() =>
    this.store.catalogue
      .competitors()
      .filter((c) => c.active)
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly view = computed(() => {
    const p = this.store.presentation();
    return p?.status === 'ready' ? p.value : null;
  });
  protected readonly loading = computed(() => this.store.presentation()?.status === 'loading');
  /** The subscriber's current tariffs, marked in our column. */
  protected readonly current = computed(
    () => new Set((this.store.card()?.subscriptions ?? []).filter((s) => !s.endedAt).map((s) => s.tariff)),
  );

  protected advantages(row: Row): string[] {
    return row.advantages.map((a) => advantageText(a, this.i18n));
  }

  /** Speed for internet, channels for TV: whichever the row's tariffs have. */
  protected measure(row: Row): 'speed' | 'channels' | null {
    const all = [...row.ours, ...row.theirs];
    if (all.some((t) => t.speedMbps)) return 'speed';
    if (all.some((t) => t.channels)) return 'channels';
    return null;
  }
}
