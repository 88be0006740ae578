import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe, type TranslationKey } from '../../../core/i18n';

const SHORTCUTS: readonly { keys: string[]; label: TranslationKey }[] = [
  { keys: ['J', 'K'], label: 'shortcuts.move' },
  { keys: ['↓', '↑'], label: 'shortcuts.moveInQueue' },
  { keys: ['C'], label: 'shortcuts.claim' },
  { keys: ['S'], label: 'shortcuts.reason' },
  { keys: ['Enter'], label: 'shortcuts.accept' },
  { keys: ['1–4', 'Alt+1–4'], label: 'shortcuts.outcome' },
  { keys: ['Ctrl+Enter'], label: 'shortcuts.resolve' },
  { keys: ['P'], label: 'shortcuts.postpone' },
  { keys: ['N'], label: 'shortcuts.new' },
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['?'], label: 'shortcuts.help' },
];

/** The desk's keyboard shortcuts (opened with ?). */
@Component({
  selector: 'rc-shortcuts-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'shortcuts.title' | t }}</h2>
    <mat-dialog-content>
      <table class="rc-keys" data-testid="shortcuts">
        @for (s of shortcuts; track s.label) {
          <tr>
            <td>
              @for (k of s.keys; track k) {
                <kbd>{{ k }}</kbd>
              }
            </td>
            <td>{{ s.label | t }}</td>
          </tr>
        }
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .rc-keys { border-collapse: collapse; }
    .rc-keys td { padding: 5px 12px 5px 0; vertical-align: top; }
    .rc-keys td:first-child { white-space: nowrap; }
    kbd {
      display: inline-block;
      margin-right: 4px;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-bottom-width: 2px;
      border-radius: 4px;
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class ShortcutsDialog {
  protected readonly shortcuts = SHORTCUTS;
}
