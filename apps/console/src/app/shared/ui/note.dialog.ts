import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../../core/i18n';

export interface NoteDialogData {
  title: string;
  /** One line of context above the note (what is being asked or decided). */
  message?: string;
  label: string;
  confirm: string;
  danger?: boolean;
  /** The note may not be left empty (e.g. a rejection must say why). */
  required?: boolean;
}

/** Asks for an optional (or required) short note; closes with the note, or undefined when cancelled. */
@Component({
  selector: 'rc-note-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content class="rc-dialog-form">
      @if (data.message) {
        <p class="rc-note__message">{{ data.message }}</p>
      }
      <mat-form-field>
        <mat-label>{{ data.label }}</mat-label>
        <textarea
          matInput
          rows="3"
          maxlength="500"
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
          (keydown.control.enter)="done()"
          (keydown.meta.enter)="done()"
          data-testid="note-dialog-text"
          cdkFocusInitial
        ></textarea>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="data.danger"
        [disabled]="data.required && !note().trim()"
        (click)="done()"
        data-testid="note-dialog-confirm"
      >
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `.rc-note__message { margin: 0 0 12px; }`,
})
export class NoteDialog {
  protected readonly data = inject<NoteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<NoteDialog, string>);
  protected readonly note = signal('');

  protected done(): void {
    if (this.data.required && !this.note().trim()) return;
    this.ref.close(this.note().trim());
  }
}
