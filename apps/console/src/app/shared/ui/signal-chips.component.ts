import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { HiddenChurnSignalView } from '@retention/contracts';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';

/**
 * A hidden-churn case's signs as small labels, each named in the console language with its value in the unit the
 * name gives (days, months and scores as numbers, fees as money, a usage share as a percentage). The manager's case
 * list and the operator's call list show the same labels.
 */
@Component({
  selector: 'rc-signal-chips',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'rc-signal-chips' },
  styles: `
    :host { display: flex; flex-wrap: wrap; gap: 4px; }
    .rc-signal-chip {
      font-size: 12px;
      padding: 1px 8px;
      border-radius: 10px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      white-space: nowrap;
    }
  `,
  template: `
    @for (s of signals(); track s.signal) {
      <span class="rc-signal-chip" data-testid="case-signal" [attr.data-signal]="s.signal">{{ key(s.signal) | t }}: {{ value(s) }}</span>
    }
  `,
})
export class SignalChipsComponent {
  private readonly i18n = inject(I18nService);
  readonly signals = input.required<readonly HiddenChurnSignalView[]>();

  protected key(s: HiddenChurnSignalView['signal']): TranslationKey {
    return `hiddenChurn.signal.${s}` as TranslationKey;
  }

  protected value(s: HiddenChurnSignalView): string {
    switch (s.signal) {
      case 'usage_drop':
        return `${this.i18n.number(s.value * 100, '1.0-0')}%`;
      case 'downgrade':
      case 'service_dropped':
        return this.i18n.money(s.value);
      default:
        return this.i18n.number(s.value, '1.0-1');
    }
  }
}
