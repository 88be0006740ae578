import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApiError } from '@retention/contracts';
import { errorMessageKey } from '../../core/http/api-error';
import { TranslatePipe } from '../../core/i18n';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';

/**
 * A titled panel for a chart or a table: a thin progress bar while loading, the error with a retry, a link to the
 * report. Until its data first arrives (`loaded` false) it says it is loading instead of showing its content, whose
 * empty states ("Nothing in this period") would be untrue; a failed one shows the error and no subtitle (which
 * describes data that is not there, e.g. "Top 0 reasons").
 */
@Component({
  selector: 'rc-chart-card',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading()) {
      <mat-progress-bar class="rc-chart-card__progress" mode="indeterminate" />
    }
    <header class="rc-chart-card__head">
      <div class="rc-chart-card__titles">
        <h2 class="rc-section-title">{{ heading() }}</h2>
        @if (subtitle() && !error() && loaded()) {
          <p class="rc-chart-card__subtitle">{{ subtitle() }}</p>
        }
      </div>
      <ng-content select="[rcCardActions]" />
      @if (link(); as l) {
        <a mat-button class="rc-no-print" [routerLink]="l" queryParamsHandling="preserve" [attr.data-testid]="linkTestId()">
          {{ 'exec.openReport' | t }}<mat-icon iconPositionEnd>arrow_forward</mat-icon>
        </a>
      }
    </header>
    <div class="rc-chart-card__body">
      @if (error(); as e) {
        <rc-error-state [heading]="'report.loadError' | t" [detail]="key(e) | t" (retry)="retry.emit()" />
      } @else if (!loaded()) {
        <div class="rc-chart-card__loading" role="status" data-testid="chart-card-loading">{{ 'common.loading' | t }}</div>
      } @else {
        <ng-content />
      }
    </div>
  `,
  styles: `
    :host {
      position: relative;
      display: flex;
      flex-direction: column;
      min-width: 0;
      overflow: hidden;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-lowest);
    }
    .rc-chart-card__progress { position: absolute; top: 0; left: 0; right: 0; }
    .rc-chart-card__head { display: flex; align-items: center; gap: 12px; min-height: 52px; padding: 8px 8px 4px 20px; }
    .rc-chart-card__titles { flex: 1; min-width: 0; }
    .rc-chart-card__subtitle { margin: 2px 0 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .rc-chart-card__body { flex: 1; padding: 8px 20px 16px; min-width: 0; }
    .rc-chart-card__loading { display: flex; align-items: center; justify-content: center; min-height: 160px; color: var(--mat-sys-on-surface-variant); }
  `,
  host: { class: 'rc-chart-card' },
})
export class ChartCardComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
  readonly link = input<string | null>(null);
  readonly linkTestId = input<string | null>(null);
  readonly loading = input(false);
  /** The data has arrived at least once (false: loading is said in place of the content). */
  readonly loaded = input(true);
  readonly error = input<ApiError | null>(null);
  readonly retry = output<void>();

  protected readonly key = errorMessageKey;
}
