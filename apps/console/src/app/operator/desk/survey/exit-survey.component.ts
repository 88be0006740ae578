import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { DisconnectRequestView } from '@retention/contracts';
import { catchError, combineLatest, concat, distinctUntilChanged, last, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../../core/http/api-error';
import { I18nService, MoneyPipe, TranslatePipe } from '../../../core/i18n';
import { currentMonth } from '../../../executive/data/report-query';
import { MotivationApi } from '../../../motivation/motivation.api';
import { SurveysApi } from './surveys.api';

const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CSAT_SCORES = [1, 2, 3, 4, 5];

/**
 * After a request is resolved: the subscriber's exit survey in one step (NPS 0–10 with the "why",
 * required below 9, and an optional CSAT 1–5; each counts for their representative), and the
 * operator's own month so far: saves against the target save rate and the bonus earned.
 */
@Component({
  selector: 'rc-exit-survey',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="rc-panel rc-es" data-testid="exit-survey">
      <div class="rc-panel__head"><h3 class="rc-section-title">{{ 'exitSurvey.title' | t }}</h3></div>
      <div class="rc-es__body">
        @if (recorded(); as done) {
          <p class="rc-es__done" data-testid="exit-survey-done">{{ done | t }}</p>
        } @else {
          <div class="rc-es__row">
            <span class="rc-es__label">{{ 'exitSurvey.nps' | t }}</span>
            <mat-button-toggle-group [value]="nps()" (change)="nps.set($event.value)" hideSingleSelectionIndicator data-testid="exit-survey-nps">
              @for (s of npsScores; track s) {
                <mat-button-toggle [value]="s" [attr.data-testid]="'exit-nps-' + s">{{ s }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          </div>
          <div class="rc-es__row">
            <span class="rc-es__label">{{ 'exitSurvey.csat' | t }}</span>
            <mat-button-toggle-group [value]="csat()" (change)="csat.set($event.value)" hideSingleSelectionIndicator data-testid="exit-survey-csat">
              @for (s of csatScores; track s) {
                <mat-button-toggle [value]="s" [attr.data-testid]="'exit-csat-' + s">{{ s }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          </div>
          <div class="rc-es__row">
            <mat-form-field class="rc-es__why" subscriptSizing="dynamic">
              <mat-label>{{ (whyRequired() ? 'exitSurvey.whyRequired' : 'exitSurvey.why') | t }}</mat-label>
              <input matInput maxlength="2000" [ngModel]="comment()" (ngModelChange)="comment.set($event)" data-testid="exit-survey-why" />
            </mat-form-field>
            <button mat-flat-button type="button" [disabled]="!canSend() || busy()" (click)="send()" data-testid="exit-survey-send">{{ 'exitSurvey.send' | t }}</button>
          </div>
          @if (error()) {
            <p class="rc-es__error" role="alert">{{ error() }}</p>
          }
        }
        @if (progress(); as p) {
          <p class="rc-es__progress" data-testid="exit-survey-progress">
            {{ 'exitSurvey.progress' | t: { saves: p.saves, handled: p.handled, rate: p.rate, target: p.target } }}
            · {{ 'exitSurvey.bonus' | t }} <b>{{ p.bonus | money }}</b>
            · <a routerLink="/motivation">{{ 'desk.myBonus' | t }}</a>
          </p>
        }
      </div>
    </section>
  `,
  styles: `
    .rc-es { margin-top: 12px; }
    .rc-es__body { padding: 8px 16px 12px; display: flex; flex-direction: column; gap: 8px; }
    .rc-es__row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .rc-es__label { font: var(--mat-sys-label-medium); min-width: 120px; }
    .rc-es__row mat-button-toggle-group { --mat-standard-button-toggle-height: 32px; }
    .rc-es__why { flex: 1; min-width: 200px; }
    .rc-es__done { color: var(--mat-sys-primary); margin: 0; }
    .rc-es__error { color: var(--mat-sys-error); margin: 0; }
    .rc-es__progress { margin: 0; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ExitSurveyComponent {
  private readonly surveys = inject(SurveysApi);
  private readonly motivation = inject(MotivationApi);
  private readonly i18n = inject(I18nService);
  protected readonly npsScores = NPS_SCORES;
  protected readonly csatScores = CSAT_SCORES;

  readonly request = input.required<DisconnectRequestView>();
  protected readonly nps = signal<number | null>(null);
  protected readonly csat = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The key of what the panel says once the answers are in (or were already). */
  protected readonly recorded = signal<'exitSurvey.recorded' | 'exitSurvey.already' | null>(null);
  private readonly sent = signal(0);

  protected readonly whyRequired = computed(() => (this.nps() ?? 10) < 9);
  protected readonly canSend = computed(() => this.nps() !== null && (!this.whyRequired() || this.comment().trim().length > 0));

  /** The operator's own month: their statement (saves, requests) and the scheme's target; reloaded after each survey sent. */
  protected readonly progress = toSignal(
    combineLatest([toObservable(this.request).pipe(map((r) => r.id), distinctUntilChanged()), toObservable(this.sent)]).pipe(
      switchMap(() => {
        const month = currentMonth();
        return combineLatest([this.motivation.statements(month), this.motivation.scheme(month)]).pipe(
          map(([team, scheme]) => {
            const s = team.statements[0];
            if (!s) return null;
            return {
              saves: s.figures.saves,
              handled: s.figures.requestsHandled,
              rate: s.saveRate === null ? '—' : `${this.i18n.number(s.saveRate * 100)} %`,
              target: `${this.i18n.number(scheme.targetSaveRate * 100)} %`,
              bonus: (s.operatorBonus?.earned ?? 0) + (s.salesBonus?.earned ?? 0),
            };
          }),
          catchError(() => of(null)),
        );
      }),
    ),
    { initialValue: null },
  );

  constructor() {
    // Another request opened on the desk: a fresh survey.
    effect(() => {
      void this.request().id;
      untracked(() => {
        this.nps.set(null);
        this.csat.set(null);
        this.comment.set('');
        this.error.set(null);
        this.recorded.set(null);
      });
    });
  }

  protected send(): void {
    const r = this.request();
    const nps = this.nps();
    if (nps === null) return;
    const comment = this.comment().trim() || undefined;
    const answers = [this.surveys.record({ accountNumber: r.accountNumber, kind: 'nps', score: nps, comment, requestId: r.id })];
    const csat = this.csat();
    if (csat !== null) answers.push(this.surveys.record({ accountNumber: r.accountNumber, kind: 'csat', score: csat, requestId: r.id }));
    this.busy.set(true);
    this.error.set(null);
    concat(...answers).pipe(last()).subscribe({
      next: () => {
        this.busy.set(false);
        this.recorded.set('exitSurvey.recorded');
        this.sent.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const err = toApiError(e);
        if (err.error === 'survey_already_recorded') this.recorded.set('exitSurvey.already');
        else this.error.set(err.message);
      },
    });
  }
}
