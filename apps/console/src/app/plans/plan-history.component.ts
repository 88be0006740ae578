import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PlanVersionView } from '@retention/contracts';
import { I18nService, TranslatePipe } from '../core/i18n';
import { ReportFormat } from '../executive/data/report-format';
import { ReportLookups } from '../executive/data/report-lookups';
import { type VersionChange, versionHistory } from './plan-edit';

/** Every saved version of the month's plan, newest first: who, when, the note, and what changed against the one before. */
@Component({
  selector: 'rc-plan-history',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-panel__head"><h2 class="rc-section-title">{{ 'plan.history' | t }}</h2></div>
    <div class="rc-panel__body">
      @for (h of history(); track h.version.version) {
        <article class="rc-version" data-testid="plan-version">
          <div class="rc-version__head">
            <strong>{{ 'plan.version' | t: { version: h.version.version } }}</strong>
            <span class="rc-muted">{{ h.version.createdBy ?? ('common.none' | t) }} · {{ when(h.version.createdAt) }}</span>
          </div>
          @if (h.version.note) {
            <div class="rc-version__note">{{ h.version.note }}</div>
          }
          <ul class="rc-version__changes">
            @for (c of h.changes; track $index) {
              <li>{{ changeText(c) }}</li>
            } @empty {
              <li class="rc-muted">{{ 'plan.noChanges' | t }}</li>
            }
          </ul>
        </article>
      } @empty {
        <p class="rc-muted rc-version__empty">{{ 'plan.noHistory' | t }}</p>
      }
    </div>
  `,
  styles: `
    :host { display: block; margin-top: 20px; }
    .rc-version + .rc-version { margin-top: 14px; padding-top: 14px; border-top: 1px solid var(--mat-sys-outline-variant); }
    .rc-version__head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
    .rc-version__note { margin-top: 2px; font-style: italic; }
    .rc-version__changes { margin: 6px 0 0; padding-left: 20px; font: var(--mat-sys-body-medium); }
    .rc-version__empty { margin: 0; }
  `,
  host: { class: 'rc-panel', 'data-testid': 'plan-history' },
})
export class PlanHistoryComponent {
  private readonly i18n = inject(I18nService);
  private readonly fmt = inject(ReportFormat);
  private readonly lookups = inject(ReportLookups);

  readonly versions = input.required<readonly PlanVersionView[]>();
  protected readonly history = computed(() => versionHistory(this.versions()));

  /** "23 Nov 2026, 14:05" in the console language. */
  protected when(value: string | null): string {
    return this.i18n.date(value, 'd MMM y, HH:mm');
  }

  protected changeText(c: VersionChange): string {
    const name = this.lookups.serviceName(c.line.service) + (c.line.region ? ` (${this.lookups.regionName(c.line.region)})` : '');
    if (c.kind === 'added') {
      return this.i18n.t('plan.change.added', {
        line: name,
        managed: c.line.managedMax,
        unmanaged: c.line.unmanagedMax,
        rate: this.fmt.percent(c.line.targetSaveRate, '1.0-1'),
      });
    }
    if (c.kind === 'removed') return this.i18n.t('plan.change.removed', { line: name });
    const parts = c.fields.map((f) => {
      const label = this.i18n.t(f.field === 'managedMax' ? 'plan.managedMax' : f.field === 'unmanagedMax' ? 'plan.unmanagedMax' : 'plan.targetSaveRate');
      const v = (n: number) => (f.field === 'targetSaveRate' ? this.fmt.percent(n, '1.0-1') : this.i18n.number(n, '1.0-0'));
      return `${label.toLowerCase()} ${v(f.from)} → ${v(f.to)}`;
    });
    return `${name}: ${parts.join(', ')}`;
  }
}
