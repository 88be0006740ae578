import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { filter } from 'rxjs';
import { I18nService, MoneyPipe, TranslatePipe } from '../../../core/i18n';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/ui/confirm.dialog';
import { DeskStore } from '../desk.store';
import { problemKey } from './resolution';

/**
 * The one Resolve button of the desk, with what still blocks it (or what the chosen offer costs). The desk
 * keeps it under the work area, outside the scrolling panels, so that it is on screen at every size.
 */
@Component({
  selector: 'rc-resolve-bar',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-rb__status">
      @if (store.working() && store.blockers().length) {
        <ul class="rc-rb__blockers" [class.rc-rb__blockers--shown]="store.showBlockers()" data-testid="resolve-blockers">
          @for (b of store.blockers(); track b) {
            <li>{{ problemKey(b) | t }}</li>
          }
        </ul>
      } @else if (chosenOffer(); as o) {
        <span class="rc-muted">{{ 'resolve.offerCost' | t: { offer: o.title } }}</span>
        <strong>{{ o.cost | money }}</strong>
      }
    </div>
    @if (store.hasWork()) {
      <span class="rc-rb__kept rc-muted" data-testid="draft-kept"><mat-icon>cloud_done</mat-icon>{{ 'desk.draftKept' | t }}</span>
      <button mat-button type="button" (click)="discard()" [disabled]="store.busy() !== null" data-testid="draft-discard">
        <mat-icon>delete_sweep</mat-icon>{{ 'desk.draftDiscard' | t }}
      </button>
    }
    <button
      #submit
      mat-flat-button
      type="button"
      class="rc-rb__submit"
      [disabled]="!store.working() || store.busy() !== null"
      (click)="store.resolve()"
      data-testid="resolve-submit"
    >
      <mat-icon>task_alt</mat-icon>{{ 'resolve.submit' | t }}<kbd class="rc-rb__kbd">Ctrl+Enter</kbd>
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .rc-rb__kept { display: flex; align-items: center; gap: 4px; margin-left: auto; font: var(--mat-sys-body-small); white-space: nowrap;
      .mat-icon { width: 16px; height: 16px; font-size: 16px; } }
    .rc-rb__status { display: flex; align-items: baseline; gap: 8px; min-width: 0; font: var(--mat-sys-body-small); }
    .rc-rb__blockers {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 14px;
      margin: 0;
      padding: 0 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      &--shown { color: var(--mat-sys-error); }
    }
    .rc-rb__submit { flex: none; white-space: nowrap; }
    .rc-rb__kbd {
      margin-left: 8px;
      padding: 0 4px;
      border: 1px solid currentColor;
      border-radius: 4px;
      // No lighter fill: the key's small text keeps the button label's own contrast (axe: 4.5:1).
      font: var(--mat-sys-label-small);
    }
  `,
  host: { 'data-testid': 'resolve-bar' },
})
export class ResolveBarComponent {
  protected readonly store = inject(DeskStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  protected readonly problemKey = problemKey;
  private readonly submit = viewChild<ElementRef<HTMLButtonElement>>('submit');
  protected readonly chosenOffer = computed(() => this.store.offerList().find((o) => o.code === this.store.draft().offerCode) ?? null);

  /** Throwing the unsent work away is asked first: it cannot be undone. */
  protected discard(): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('desk.draftDiscardTitle'),
      message: this.i18n.t('desk.draftDiscardMessage'),
      confirm: this.i18n.t('desk.draftDiscard'),
      danger: true,
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '440px' })
      .afterClosed()
      .pipe(filter((yes) => yes === true))
      .subscribe(() => this.store.discardWork());
  }

  focus(): void {
    this.submit()?.nativeElement.focus();
  }
}
