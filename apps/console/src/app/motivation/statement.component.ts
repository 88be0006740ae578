import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { STATEMENT_FIGURES, type StaffStatement, type StaffStatementDetail, type StatementFigure } from '@retention/contracts';
import { I18nService, MoneyPipe, TranslatePipe, type TranslationKey } from '../core/i18n';
import { outcomeKey, saveStateKey } from '../core/i18n/enum-keys';
import { ReportLookups } from '../executive/data/report-lookups';

const MONEY_FIGURES: readonly StatementFigure[] = ['savedRevenue', 'offerCost'];

/**
 * One person's statement: every figure, the bonus part by part, the deferred parts falling due and, once loaded,
 * the requests behind the figures (each opens on the desk) or, for a sales agent, why their new subscribers left.
 */
@Component({
  selector: 'rc-statement',
  imports: [MatCardModule, RouterLink, TranslatePipe, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = statement();
    <mat-card appearance="outlined" class="rc-st" data-testid="statement">
      <mat-card-header>
        <mat-card-title>{{ s.displayName }}</mat-card-title>
        <mat-card-subtitle>{{ i18n.month(s.month) }} · {{ s.team ?? '' }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content class="rc-st__grid">
        <div>
          <h3 class="rc-st__h">{{ 'motivation.figures' | t }}</h3>
          <table class="rc-st__table">
            @for (f of figures(); track f) {
              <tr>
                <td>{{ figureKey(f) | t }}</td>
                <td class="rc-num" [attr.data-testid]="'figure-' + f">{{ isMoney(f) ? (s.figures[f] | money) : s.figures[f] }}</td>
              </tr>
            }
            <tr><td>{{ 'motivation.saveRate' | t }}</td><td class="rc-num">{{ s.saveRate === null ? '—' : i18n.number(s.saveRate * 100) + ' %' }}</td></tr>
            <tr><td>NPS</td><td class="rc-num">{{ s.nps ?? '—' }}</td></tr>
            <tr><td>CSAT</td><td class="rc-num">{{ s.csat === null ? '—' : i18n.number(s.csat * 100) + ' %' }}</td></tr>
          </table>
        </div>
        <div>
          <h3 class="rc-st__h">{{ 'motivation.bonus' | t }}</h3>
          <table class="rc-st__table">
            @if (s.operatorBonus; as b) {
              <tr><td>{{ 'motivation.targetReached' | t }}</td><td class="rc-num">{{ (b.targetReached ? 'motivation.yes' : 'motivation.no') | t }}</td></tr>
              <tr><td>{{ 'motivation.ratePart' | t: { points: i18n.number(b.pointsAbove) } }}</td><td class="rc-num">{{ b.ratePart | money }}</td></tr>
              <tr><td>{{ 'motivation.revenuePart' | t }}</td><td class="rc-num">{{ b.revenuePart | money }}</td></tr>
              <tr><td>{{ 'motivation.planCut' | t }}</td><td class="rc-num">{{ b.planCut ? '−' : '' }}{{ b.planCut | money }}</td></tr>
              <tr><td>{{ 'motivation.capCut' | t }}</td><td class="rc-num">{{ b.capCut ? '−' : '' }}{{ b.capCut | money }}</td></tr>
              <tr class="rc-st__sum"><td>{{ 'motivation.earned' | t }}</td><td class="rc-num">{{ b.earned | money }}</td></tr>
              <tr><td>{{ 'motivation.deferred' | t }}</td><td class="rc-num">{{ b.deferred | money }}</td></tr>
              <tr><td>{{ 'motivation.paidNow' | t }}</td><td class="rc-num">{{ b.paidNow | money }}</td></tr>
            }
            @if (s.salesBonus; as b) {
              <tr><td>{{ 'motivation.part6m' | t }}</td><td class="rc-num">{{ b.part6m | money }}</td></tr>
              <tr><td>{{ 'motivation.part12m' | t }}</td><td class="rc-num">{{ b.part12m | money }}</td></tr>
              <tr><td>{{ 'motivation.capCut' | t }}</td><td class="rc-num">{{ b.capCut ? '−' : '' }}{{ b.capCut | money }}</td></tr>
              <tr class="rc-st__sum"><td>{{ 'motivation.earned' | t }}</td><td class="rc-num">{{ b.earned | money }}</td></tr>
            }
            @for (r of s.deferredReleases; track r.savedIn + r.afterMonths) {
              <tr>
                <td>{{ 'motivation.release' | t: { month: i18n.month(r.savedIn), months: r.afterMonths } }}</td>
                <td class="rc-num">{{ r.paid | money }}
                  @if (r.clawedBack) { <span class="rc-st__claw">(−{{ r.clawedBack | money }})</span> }
                </td>
              </tr>
            }
            <tr class="rc-st__sum"><td>{{ 'motivation.totalPaid' | t }}</td><td class="rc-num" data-testid="statement-total">{{ s.totalPaid | money }}</td></tr>
          </table>
          @if (s.planExceeded) {
            <p class="rc-st__note">{{ 'motivation.planExceeded' | t }}</p>
          }
          @if (!s.salaryRecorded) {
            <p class="rc-st__note">{{ 'motivation.noSalary' | t }}</p>
          }
        </div>
      </mat-card-content>
      @if (detail(); as d) {
        @if (d.requests.length) {
          <mat-card-content>
            <h3 class="rc-st__h">{{ 'motivation.requests' | t: { count: d.requests.length } }}</h3>
            <div class="rc-st__requests">
              <table class="rc-st__table" data-testid="statement-requests">
                <tr>
                  <th>{{ 'motivation.request.resolved' | t }}</th>
                  <th>{{ 'motivation.request.account' | t }}</th>
                  <th>{{ 'motivation.request.outcome' | t }}</th>
                  <th>{{ 'motivation.request.reason' | t }}</th>
                  <th class="rc-num">{{ 'motivation.figure.savedRevenue' | t }}</th>
                  <th class="rc-num">{{ 'motivation.figure.offerCost' | t }}</th>
                </tr>
                @for (r of d.requests; track r.id) {
                  <tr data-testid="statement-request">
                    <td>{{ i18n.date(r.resolvedAt) }}</td>
                    <td><a [routerLink]="['/operator/desk']" [queryParams]="{ r: r.id }">{{ r.accountNumber }}</a></td>
                    <td>{{ outcomeKey($any(r.outcome)) | t }}@if (r.saveState) { · <span class="rc-st__state">{{ saveStateKey(r.saveState) | t }}</span> }</td>
                    <td>{{ lookups.reasonTitle(r.reasonCode) }}</td>
                    <td class="rc-num">{{ r.savedRevenue | money }}</td>
                    <td class="rc-num">{{ r.offerCost | money }}</td>
                  </tr>
                }
              </table>
            </div>
          </mat-card-content>
        }
        @if (d.newSubscriberChurnReasons.length) {
          <mat-card-content>
            <h3 class="rc-st__h">{{ 'motivation.newChurnReasons' | t }}</h3>
            <table class="rc-st__table" data-testid="statement-churn-reasons">
              @for (x of d.newSubscriberChurnReasons; track x.reasonCode) {
                <tr><td>{{ lookups.reasonTitle(x.reasonCode) }}</td><td class="rc-num">{{ x.count }}</td></tr>
              }
            </table>
          </mat-card-content>
        }
      }
    </mat-card>
  `,
  styles: `
    .rc-st__grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
    .rc-st__h { font: var(--mat-sys-title-small); margin: 8px 0; }
    .rc-st__table { width: 100%; border-collapse: collapse; font: var(--mat-sys-body-medium); }
    .rc-st__table td { padding: 3px 4px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .rc-st__sum td { font-weight: 600; }
    .rc-st__claw { color: var(--mat-sys-error); }
    .rc-st__note { color: var(--mat-sys-on-surface-variant); margin: 8px 0 0; }
    .rc-st__requests { max-height: 320px; overflow-y: auto; }
    .rc-st__table th { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); text-align: left; padding: 3px 4px; }
    .rc-st__state { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class StatementComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly lookups = inject(ReportLookups);
  protected readonly outcomeKey = outcomeKey;
  protected readonly saveStateKey = saveStateKey;
  readonly statement = input.required<StaffStatement>();
  /** The same statement with the requests behind it, once loaded (GET /api/motivation/statements/{month}/{userId}). */
  readonly detail = input<StaffStatementDetail | null>(null);

  protected figures(): readonly StatementFigure[] {
    const s = this.statement();
    const sales: readonly StatementFigure[] = ['signedUp', 'due6m', 'stayed6m', 'due12m', 'stayed12m', 'newSubscriberChurn'];
    return STATEMENT_FIGURES.filter((f) => (s.role === 'sales_agent') === sales.includes(f));
  }
  protected figureKey(f: StatementFigure): TranslationKey {
    return `motivation.figure.${f}` as TranslationKey;
  }
  protected isMoney(f: StatementFigure): boolean {
    return MONEY_FIGURES.includes(f);
  }
}
