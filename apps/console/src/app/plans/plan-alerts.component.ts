import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { PlanAlertView } from '@retention/contracts';
import { ConsoleEvents } from '../core/events/console-events.service';
import { I18nService, TranslatePipe } from '../core/i18n';
import { Catalogue } from '../shared/data-access/catalogue';
import { Notifier } from '../shared/ui/notifier.service';

/**
 * The managers' plan alerts in the top bar: a bell with the number of open alerts and their list, kept
 * current by the event stream (`plan_alert` events, and a refetch at every (re)connect); a raised alert
 * also shows a notification.
 */
@Component({
  selector: 'rc-plan-alerts',
  providers: [Catalogue],
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      [matBadge]="alerts().length || null"
      matBadgeColor="warn"
      [attr.aria-label]="'alerts.buttonCount' | t: { count: alerts().length }"
      [matTooltip]="'alerts.button' | t"
      data-testid="plan-alerts"
    >
      <mat-icon>{{ alerts().length ? 'notifications_active' : 'notifications_none' }}</mat-icon>
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="rc-plan-alerts-menu">
      <div class="rc-plan-alerts__head" role="presentation">{{ 'alerts.title' | t }}</div>
      @if (failed()) {
        <div class="rc-plan-alerts__empty" role="presentation">{{ 'alerts.loadError' | t }}</div>
      }
      @for (a of alerts(); track a.id) {
        <a mat-menu-item [routerLink]="a.kind === 'approval_waiting' ? '/manager/approvals' : '/plans'" [queryParams]="a.month ? { month: a.month } : null"
           class="rc-plan-alerts__item" data-testid="plan-alert">
          <mat-icon>{{ a.kind === 'approval_waiting' ? 'hourglass_top' : a.kind === 'save_rate' ? 'shield' : 'trending_up' }}</mat-icon>
          <span>{{ text(a) }}</span>
        </a>
      } @empty {
        @if (!failed()) {
          <div class="rc-plan-alerts__empty" role="presentation" data-testid="plan-alerts-none">{{ 'alerts.none' | t }}</div>
        }
      }
    </mat-menu>
  `,
  styles: `
    .rc-plan-alerts__head { padding: 8px 16px; font-weight: 500; }
    .rc-plan-alerts__empty { padding: 8px 16px; opacity: 0.8; }
    .rc-plan-alerts__item { height: auto; min-height: 48px; white-space: normal; line-height: 1.3; padding-top: 6px; padding-bottom: 6px; }
    :host ::ng-deep .rc-plan-alerts-menu { max-width: 440px; }
  `,
})
export class PlanAlertsComponent {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);
  private readonly catalogue = inject(Catalogue);
  private readonly notifier = inject(Notifier);
  protected readonly alerts = signal<PlanAlertView[]>([]);
  protected readonly failed = signal(false);

  constructor() {
    this.load();
    inject(ConsoleEvents).listen(inject(DestroyRef), (m) => {
      if (m.type === 'ready') this.load();
      if (m.type === 'plan_alert') this.load(m.state === 'raised' ? m.alertId : undefined);
    });
  }

  private load(announce?: string): void {
    this.http.get<PlanAlertView[]>('/api/plan-alerts').subscribe({
      next: (alerts) => {
        this.failed.set(false);
        this.alerts.set(alerts);
        const raised = announce && alerts.find((a) => a.id === announce);
        if (raised) this.notifier.show(this.i18n.t('alerts.raised', { text: this.text(raised) }));
      },
      error: () => this.failed.set(true),
    });
  }

  protected text(a: PlanAlertView): string {
    const where = {
      service: a.service ? this.catalogue.serviceName(a.service) : '',
      region: a.region ? this.i18n.t('alerts.inRegion', { r: a.region }) : '',
    };
    const n = (v: number | null) => this.i18n.number(v ?? 0);
    const pct = (v: number | null) => `${this.i18n.number((v ?? 0) * 100, '1.0-0')} %`;
    switch (a.kind) {
      case 'churn_pace':
        return this.i18n.t(a.managed ? 'alerts.churnPace.managed' : 'alerts.churnPace.unmanaged', { ...where, forecast: n(a.forecast), planned: n(a.planned), actual: n(a.actual) });
      case 'save_rate':
        return this.i18n.t('alerts.saveRate', { ...where, actual: pct(a.actual), planned: pct(a.planned), resolved: n(a.resolvedRequests) });
      case 'approval_waiting':
        return this.i18n.t('alerts.approvalWaiting', { offer: a.offerCode ?? '', minutes: n(a.waitingMinutes) });
    }
  }
}
