import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, viewChild } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { I18nService, isReasonGroup, reasonGroupKey, TranslatePipe } from '../../../core/i18n';
import { groupReasons } from '../../../shared/requests/reason-groups';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { CallWork } from '../call-work';
import { abstentionHint, acceptedCode, confidencePercent, moveHighlight } from './suggestions';

/**
 * The subscriber's own words and the true reason behind them. The words taken at intake stay on screen; what
 * the operator types is the refined wording (it replaces the intake text when the request is resolved). Suggestions follow the words as they are typed
 * (debounced); the first is highlighted, Enter accepts the highlighted one, ↓/↑ move it. Any of the 33 points
 * can also be picked from the grouped list.
 */
@Component({
  selector: 'rc-reason-picker',
  imports: [TextFieldModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reason-picker.component.html',
  styleUrl: './reason-picker.component.scss',
})
export class ReasonPickerComponent {
  protected readonly store = inject(CallWork);
  private readonly i18n = inject(I18nService);
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  protected readonly groups = computed(() => groupReasons(this.store.catalogue.reasons()));
  protected readonly percent = confidencePercent;
  /** Why nothing specific is suggested, when the suggester abstained. */
  protected readonly abstention = computed(() => abstentionHint(this.store.suggestions().items));

  constructor() {
    let seen = this.store.focusReason();
    effect(() => {
      const n = this.store.focusReason();
      if (n !== seen) {
        seen = n;
        queueMicrotask(() => this.focus());
      }
    });
  }

  focus(): void {
    const el = this.box().nativeElement;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }

  protected groupLabel(group: string): string {
    return isReasonGroup(group) ? this.i18n.t(reasonGroupKey(group)) : group;
  }

  protected onKey(e: KeyboardEvent): void {
    const state = this.store.suggestions();
    if (e.key === 'ArrowDown' && state.items.length) {
      e.preventDefault();
      this.store.suggestions.set(moveHighlight(state, 1));
    } else if (e.key === 'ArrowUp' && state.items.length) {
      e.preventDefault();
      this.store.suggestions.set(moveHighlight(state, -1));
    } else if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Enter accepts; Shift+Enter still starts a new line, Ctrl+Enter resolves (the desk handles it).
      e.preventDefault();
      const code = acceptedCode(state);
      if (code) this.store.chooseReason(code);
    } else if (e.key === 'Escape') {
      this.box().nativeElement.blur();
    }
  }

  protected accept(code: string, index: number): void {
    this.store.suggestions.update((s) => ({ ...s, highlighted: index }));
    this.store.chooseReason(code);
  }
}
