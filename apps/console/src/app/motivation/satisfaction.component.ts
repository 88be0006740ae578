import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SATISFACTION_GROUPINGS, type NpsBand, type SatisfactionGrouping } from '@retention/contracts';
import { combineLatest, switchMap } from 'rxjs';
import { errorMessageKey } from '../core/http/api-error';
import { I18nService, TranslatePipe, type TranslationKey } from '../core/i18n';
import { LOADING, toLoadable, type Loadable } from '../shared/data-access/loadable';
import { ErrorStateComponent } from '../shared/ui/error-state.component';
import { ChipComponent } from '../shared/ui/status-chip.component';
import { NPS_TONE } from '../shared/ui/tones';
import { ReportLookups } from '../executive/data/report-lookups';
import { MotivationApi } from './motivation.api';

/**
 * Satisfaction for a manager: the month's NPS (with its band) and CSAT per operator, team, region,
 * service, churn reason or reason group, how many answers count for someone, the twelve months to it, and the detractors to call
 * back (or the promoters to ask for a referral) with who served them and their latest request.
 */
@Component({
  selector: 'rc-satisfaction',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, MatTableModule, RouterLink, TranslatePipe, ErrorStateComponent, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    @if (r.status === 'error') {
      <rc-error-state [heading]="'satisfaction.loadError' | t" [detail]="errorMessageKey(r.error) | t" />
    } @else if (r.status === 'loading') {
      <mat-progress-bar mode="indeterminate" />
    } @else {
      @let o = r.value.overall;
      <div class="rc-sat__top">
        <div class="rc-sat__figures" data-testid="satisfaction-overall">
          <div><b>{{ o.nps ?? '—' }}</b>NPS @if (o.band) { <rc-chip [tone]="tone(o.band)">{{ bandKey(o.band) | t }}</rc-chip> }</div>
          <div><b>{{ percent(o.csat) }}</b>CSAT</div>
          <div><b>{{ o.answers }}</b>{{ 'satisfaction.answers' | t }}</div>
          <div><b>{{ percent(o.coverage) }}</b>{{ coverageKey(r.value.by) | t: { attributed: o.attributed, answers: o.answers } }}</div>
        </div>
        <div class="rc-sat__trend" data-testid="satisfaction-trend" [attr.aria-label]="'satisfaction.trend' | t">
          @for (t of r.value.trend; track t.month) {
            <div class="rc-sat__month" [class]="t.band ? 'tone-' + tone(t.band) : ''" [title]="i18n.month(t.month) + ': ' + t.npsAnswers">
              <span>{{ t.nps ?? '—' }}</span><small>{{ shortMonth(t.month) }}</small>
            </div>
          }
        </div>
      </div>
      <div class="rc-sat__grid">
        <section>
          <!-- Six groupings: a select keeps them within the column in every language. -->
          <mat-form-field class="rc-sat__by" subscriptSizing="dynamic">
            <mat-label>{{ 'satisfaction.groupBy' | t }}</mat-label>
            <mat-select [value]="by()" (selectionChange)="by.set($event.value)" data-testid="satisfaction-by">
              @for (g of groupings; track g) {
                <mat-option [value]="g" [attr.data-testid]="'satisfaction-by-' + g">{{ groupKey(g) | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <div class="rc-table-card rc-sat__table">
            <div class="rc-table-scroll">
              <table mat-table [dataSource]="r.value.rows" data-testid="satisfaction-rows">
                <ng-container matColumnDef="label">
                  <th mat-header-cell *matHeaderCellDef>{{ groupKey(r.value.by) | t }}</th>
                  <td mat-cell *matCellDef="let x">{{ labelOf(r.value.by, x) || ('satisfaction.noTeam' | t) }}</td>
                </ng-container>
                <ng-container matColumnDef="answers">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'satisfaction.npsAnswers' | t }}</th>
                  <td mat-cell *matCellDef="let x" class="rc-num">{{ x.npsAnswers }}</td>
                </ng-container>
                <ng-container matColumnDef="nps">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">NPS</th>
                  <td mat-cell *matCellDef="let x" class="rc-num">
                    {{ x.nps ?? '—' }} @if (x.band) { <rc-chip [tone]="tone(x.band)">{{ bandKey(x.band) | t }}</rc-chip> }
                  </td>
                </ng-container>
                <ng-container matColumnDef="csat">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">CSAT</th>
                  <td mat-cell *matCellDef="let x" class="rc-num">{{ percent(x.csat) }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="rowColumns; sticky: true"></tr>
                <tr mat-row *matRowDef="let x; columns: rowColumns"></tr>
              </table>
            </div>
          </div>
        </section>
        <section>
          <mat-button-toggle-group [value]="cls()" (change)="cls.set($event.value)" hideSingleSelectionIndicator data-testid="satisfaction-class">
            <mat-button-toggle value="detractor" data-testid="satisfaction-detractors">{{ 'satisfaction.detractors' | t }}</mat-button-toggle>
            <mat-button-toggle value="promoter" data-testid="satisfaction-promoters">{{ 'satisfaction.promoters' | t }}</mat-button-toggle>
          </mat-button-toggle-group>
          @let f = followUps();
          <div class="rc-table-card rc-sat__table">
            <div class="rc-table-scroll">
              @if (f.status === 'ready') {
                <table mat-table [dataSource]="f.value" data-testid="satisfaction-follow-up">
                  <ng-container matColumnDef="subscriber">
                    <th mat-header-cell *matHeaderCellDef>{{ 'satisfaction.subscriber' | t }}</th>
                    <td mat-cell *matCellDef="let x">
                      <a [routerLink]="['/subscribers', x.subscriberId]">{{ x.fullName }}</a>
                      <div class="rc-muted">{{ x.accountNumber }} · {{ x.phone }} · {{ i18n.date(x.answeredOn) }}</div>
                    </td>
                  </ng-container>
                  <ng-container matColumnDef="score">
                    <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'satisfaction.score' | t }}</th>
                    <td mat-cell *matCellDef="let x" class="rc-num">{{ x.score }}</td>
                  </ng-container>
                  <ng-container matColumnDef="comment">
                    <th mat-header-cell *matHeaderCellDef>{{ 'satisfaction.why' | t }}</th>
                    <td mat-cell *matCellDef="let x" class="rc-sat__comment">{{ x.comment ?? '' }}</td>
                  </ng-container>
                  <ng-container matColumnDef="representative">
                    <th mat-header-cell *matHeaderCellDef>{{ 'satisfaction.representative' | t }}</th>
                    <td mat-cell *matCellDef="let x">
                      {{ x.representative?.displayName ?? '—' }}
                      @if (x.lastRequest; as q) {
                        <div class="rc-muted">{{ outcomeKey(q.outcome) | t }} · {{ i18n.date(q.resolvedAt) }}</div>
                      }
                    </td>
                  </ng-container>
                  <tr mat-header-row *matHeaderRowDef="followColumns; sticky: true"></tr>
                  <tr mat-row *matRowDef="let x; columns: followColumns"></tr>
                </table>
                @if (!f.value.length) {
                  <p class="rc-muted rc-sat__empty">{{ 'satisfaction.none' | t }}</p>
                }
              } @else if (f.status === 'loading') {
                <mat-progress-bar mode="indeterminate" />
              }
            </div>
          </div>
        </section>
      </div>
    }
  `,
  styles: `
    .rc-sat__top { display: flex; gap: 24px; align-items: center; justify-content: space-between; margin: 12px 0; flex-wrap: wrap; }
    .rc-sat__figures { display: flex; gap: 24px; font: var(--mat-sys-body-medium); }
    .rc-sat__figures b { font: var(--mat-sys-title-medium); display: block; }
    .rc-sat__trend { display: flex; gap: 2px; }
    .rc-sat__month { width: 44px; text-align: center; padding: 2px 0; border-radius: 4px; background: var(--mat-sys-surface-container); }
    .rc-sat__month span { display: block; font: var(--mat-sys-label-large); }
    .rc-sat__month small { font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .rc-sat__month.tone-error { background: var(--rc-tone-error-bg, #fde7e9); }
    .rc-sat__month.tone-warning { background: var(--rc-tone-warning-bg, #fff4d6); }
    .rc-sat__month.tone-info { background: var(--rc-tone-info-bg, #e3f0ff); }
    .rc-sat__month.tone-success { background: var(--rc-tone-success-bg, #e2f5e6); }
    .rc-sat__grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 16px; }
    .rc-sat__table { margin-top: 8px; }
    .rc-sat__by { width: 240px; }
    .rc-sat__table .rc-table-scroll { max-height: 340px; overflow: auto; }
    .rc-sat__comment { max-width: 220px; }
    .rc-sat__empty { padding: 12px; }
  `,
})
export class SatisfactionComponent {
  private readonly api = inject(MotivationApi);
  private readonly lookups = inject(ReportLookups);
  protected readonly i18n = inject(I18nService);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly groupings = SATISFACTION_GROUPINGS;
  protected readonly rowColumns = ['label', 'answers', 'nps', 'csat'];
  protected readonly followColumns = ['subscriber', 'score', 'comment', 'representative'];

  readonly month = input.required<string>();
  protected readonly by = signal<SatisfactionGrouping>('operator');
  protected readonly cls = signal<'detractor' | 'promoter'>('detractor');

  protected readonly report = toSignal(
    combineLatest([toObservable(this.month), toObservable(this.by)]).pipe(switchMap(([m, by]) => this.api.satisfaction(m, by).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<never> },
  );
  protected readonly followUps = toSignal(
    combineLatest([toObservable(this.month), toObservable(this.cls)]).pipe(switchMap(([m, c]) => this.api.followUps(m, c).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<never> },
  );
  protected tone(band: NpsBand) {
    return NPS_TONE[band];
  }

  protected bandKey(band: NpsBand): TranslationKey {
    return `npsBand.${band}` as TranslationKey;
  }

  protected groupKey(g: SatisfactionGrouping): TranslationKey {
    return `satisfaction.by.${g}` as TranslationKey;
  }

  protected coverageKey(g: SatisfactionGrouping): TranslationKey {
    return `satisfaction.coverage.${g}` as TranslationKey;
  }

  /** A row's group in the console's language: reasons by their classifier title, reason groups by name. */
  protected labelOf(by: SatisfactionGrouping, x: { key: string | null; label: string }): string {
    if (by === 'reason' && x.key) return this.lookups.reason(x.key)?.title ?? x.label;
    if (by === 'reason_group' && x.key) return this.lookups.groupName(x.key);
    return x.label;
  }

  protected outcomeKey(outcome: string): TranslationKey {
    return `outcome.${outcome}` as TranslationKey;
  }

  protected percent(x: number | null): string {
    return x === null ? '—' : `${this.i18n.number(x * 100)} %`;
  }

  /** "11.26" style: the month of the trend's cell, short enough for twelve of them in a row. */
  protected shortMonth(month: string): string {
    return `${month.slice(5, 7)}.${month.slice(2, 4)}`;
  }
}
