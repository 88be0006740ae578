import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '../../core/i18n';

/** What a screen shows instead of its data when loading failed, with a way to try again. */
@Component({
  selector: 'rc-error-state',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon class="rc-state__icon">error</mat-icon>
    <div class="rc-state__text">
      <strong>{{ heading() }}</strong>
      @if (detail()) {
        <span>{{ detail() }}</span>
      }
    </div>
    <button mat-stroked-button type="button" (click)="retry.emit()" data-testid="retry-button">
      <mat-icon>refresh</mat-icon>{{ 'common.retry' | t }}
    </button>
  `,
  host: { class: 'rc-state rc-state--error', role: 'alert' },
})
export class ErrorStateComponent {
  readonly heading = input.required<string>();
  readonly detail = input<string>();
  readonly retry = output<void>();
}
