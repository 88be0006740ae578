import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { DisconnectRequestView } from '@retention/contracts';
import { I18nService, LocalDatePipe, MoneyPipe, outcomeKey, saveStateKey, TranslatePipe } from '../../core/i18n';
import { Catalogue } from '../data-access/catalogue';
import { ChipComponent } from '../ui/status-chip.component';
import { OUTCOME_TONE, SAVE_STATE_TONE } from '../ui/tones';

/** How a resolved request ended: outcome, true reason, competitor, offer and its cost, revenue lost. */
@Component({
  selector: 'rc-request-resolution',
  imports: [MatIconModule, TranslatePipe, MoneyPipe, LocalDatePipe, ChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = request();
    <section class="rc-panel" data-testid="request-resolution" [attr.data-outcome]="r.outcome">
      <div class="rc-panel__head rc-rr__head">
        <h3 class="rc-section-title">{{ 'resolution.title' | t }}</h3>
        <div class="rc-rr__chips">
          @if (r.outcome) {
            <rc-chip [tone]="outcomeTone[r.outcome]" data-testid="resolution-outcome">{{ outcomeKey(r.outcome) | t }}</rc-chip>
          }
          @if (r.saveState) {
            <rc-chip [tone]="saveTone[r.saveState]">{{ saveStateKey(r.saveState) | t }}</rc-chip>
          }
        </div>
      </div>
      <dl class="rc-rr">
        <div class="rc-rr__wide">
          <dt>{{ 'resolution.reason' | t }}</dt>
          <dd>{{ catalogue.reasonTitle(r.reasonCode) || ('common.none' | t) }}
            @if (r.reasonVersion) {
              <span class="rc-muted">· {{ 'resolution.version' | t: { version: r.reasonVersion } }}</span>
            }
          </dd>
        </div>
        <div class="rc-rr__wide">
          <dt>{{ 'resolution.stated' | t }}</dt>
          <dd>«{{ r.statedReason || ('common.none' | t) }}»</dd>
        </div>
        @if (r.competitorId) {
          <div><dt>{{ 'resolution.competitor' | t }}</dt><dd>{{ catalogue.competitorName(r.competitorId) }}</dd></div>
        }
        @if (r.offerCode) {
          <div><dt>{{ 'resolution.offer' | t }}</dt><dd>{{ catalogue.offerTitle(r.offerCode) }}</dd></div>
          <div><dt>{{ 'resolution.offerCost' | t }}</dt><dd>{{ r.offerCost | money }}</dd></div>
        }
        @if (r.keptServices?.length) {
          <div><dt>{{ 'resolution.kept' | t }}</dt><dd>{{ catalogue.serviceNames(r.keptServices) }}</dd></div>
        }
        @if (r.effectiveDate) {
          <div><dt>{{ 'resolution.effectiveDate' | t }}</dt><dd>{{ r.effectiveDate | localDate }}</dd></div>
        }
        <div><dt>{{ 'resolution.mrrAtRisk' | t }}</dt><dd>{{ r.mrrAtRisk | money }}</dd></div>
        <div><dt>{{ 'resolution.mrrLost' | t }}</dt><dd [class.rc-rr__lost]="(r.mrrLost ?? 0) > 0">{{ (r.mrrLost ?? 0) | money }}</dd></div>
        <div><dt>{{ 'resolution.resolvedAt' | t }}</dt><dd>{{ i18n.when(r.resolvedAt) }} · {{ r.assigneeName }}</dd></div>
        @if (r.note) {
          <div class="rc-rr__wide"><dt>{{ 'resolution.note' | t }}</dt><dd class="rc-rr__note">{{ r.note }}</dd></div>
        }
      </dl>
    </section>
  `,
  styles: `
    .rc-rr__head { min-height: 44px; }
    .rc-rr__chips { display: flex; gap: 6px; }
    .rc-rr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 10px 24px;
      margin: 0;
      padding: 12px 16px 14px;
      dt { font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
      dd { margin: 2px 0 0; font: var(--mat-sys-body-medium); font-variant-numeric: tabular-nums; }
    }
    .rc-rr__wide { grid-column: 1 / -1; }
    .rc-rr__lost { color: var(--mat-sys-error); }
    .rc-rr__note { white-space: pre-line; }
  `,
})
export class RequestResolutionComponent {
  readonly request = input.required<DisconnectRequestView>();
  protected readonly catalogue = inject(Catalogue);
  protected readonly i18n = inject(I18nService);
  protected readonly outcomeTone = OUTCOME_TONE;
  protected readonly saveTone = SAVE_STATE_TONE;
  protected readonly outcomeKey = outcomeKey;
  protected readonly saveStateKey = saveStateKey;
}
