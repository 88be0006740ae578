import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { I18nService, TranslatePipe, type TranslationKey } from '../../../core/i18n';
import { provideConsoleDates, syncDateLocale } from '../../../shared/ui/date-adapter';

export interface PostponeDialogData {
  subscriberName: string;
}

export interface PostponeResult {
  callbackAt: string;
  note: string;
}

/** Quick picks for a call-back: the next working moments an operator usually promises. */
export type PresetKey = 'inHour' | 'inTwoHours' | 'tomorrowMorning' | 'tomorrowEvening';

export function callbackPresets(now: Date): { key: PresetKey; at: Date }[] {
  const plus = (minutes: number) => {
    const d = new Date(now.getTime() + minutes * 60_000);
    d.setSeconds(0, 0);
    // Round up to the next quarter of an hour: nobody promises to call at 14:07.
    d.setMinutes(Math.ceil(d.getMinutes() / 15) * 15);
    return d;
  };
  const tomorrowAt = (h: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + 1);
    d.setHours(h, 0, 0, 0);
    return d;
  };
  return [
    { key: 'inHour', at: plus(60) },
    { key: 'inTwoHours', at: plus(120) },
    { key: 'tomorrowMorning', at: tomorrowAt(10) },
    { key: 'tomorrowEvening', at: tomorrowAt(18) },
  ];
}

/** Joins the day from the date picker and the time from the time picker. */
export function combineDateTime(day: Date, time: Date): Date {
  const d = new Date(day);
  d.setHours(time.getHours(), time.getMinutes(), 0, 0);
  return d;
}

@Component({
  selector: 'rc-postpone-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTimepickerModule,
    TranslatePipe,
  ],
  providers: [provideConsoleDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'postpone.title' | t: { name: data.subscriberName } }}</h2>
    <mat-dialog-content class="rc-dialog-form">
      <div class="rc-pd__presets">
        @for (p of presets; track p.key) {
          <button mat-stroked-button type="button" class="rc-pd__preset" (click)="at.set(p.at)" [attr.data-testid]="'postpone-' + p.key">
            <span class="rc-pd__label">{{ presetLabel(p.key) | t }}</span>
            <span class="rc-pd__when">{{ i18n.when(p.at) }}</span>
          </button>
        }
      </div>
      <div class="rc-form-row">
        <mat-form-field>
          <mat-label>{{ 'postpone.date' | t }}</mat-label>
          <input matInput [matDatepicker]="day" [min]="today" [value]="at()" (dateChange)="setDay($event.value)" data-testid="postpone-date" />
          <mat-datepicker-toggle matIconSuffix [for]="day" />
          <mat-datepicker #day />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'postpone.time' | t }}</mat-label>
          <input matInput [matTimepicker]="time" [value]="at()" (valueChange)="setTime($event)" data-testid="postpone-time" />
          <mat-timepicker-toggle matIconSuffix [for]="time" />
          <mat-timepicker #time interval="15m" />
        </mat-form-field>
      </div>
      @if (inPast()) {
        <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ 'postpone.inPast' | t }}</span></div>
      }
      <mat-form-field>
        <mat-label>{{ 'postpone.note' | t }}</mat-label>
        <textarea matInput rows="2" maxlength="2000" [ngModel]="note()" (ngModelChange)="note.set($event)" data-testid="postpone-note"></textarea>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="inPast()" (click)="done()" data-testid="postpone-submit">
        <mat-icon>schedule</mat-icon>{{ 'postpone.submit' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .rc-pd__presets { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-bottom: 16px; }
    .rc-pd__preset { height: auto; padding-block: 6px; --mat-button-outlined-container-shape: 10px; }
    .rc-pd__label, .rc-pd__when { display: block; }
    .rc-pd__when { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class PostponeDialog {
  protected readonly data = inject<PostponeDialogData>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18nService);
  private readonly ref = inject(MatDialogRef<PostponeDialog, PostponeResult>);

  protected readonly today = new Date();
  protected readonly presets = callbackPresets(new Date());
  protected readonly at = signal<Date>(this.presets[0].at);
  protected readonly note = signal('');
  protected readonly inPast = computed(() => this.at().getTime() <= Date.now());

  constructor() {
    syncDateLocale();
  }

  protected presetLabel(key: PresetKey): TranslationKey {
    return `postpone.${key}`;
  }

  protected setDay(day: Date | null): void {
    if (day) this.change(combineDateTime(day, this.at()));
  }

  protected setTime(time: Date | null): void {
    if (time) this.change(combineDateTime(this.at(), time));
  }

  /** Both pickers echo the value they are given; only a different moment is a change (else they loop). */
  private change(next: Date): void {
    if (next.getTime() !== this.at().getTime()) this.at.set(next);
  }

  protected done(): void {
    if (this.inPast()) return;
    this.ref.close({ callbackAt: this.at().toISOString(), note: this.note().trim() });
  }
}
