import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Page, WebhookDeliveryStatus, WebhookDeliveryView, WebhookEndpointView } from '@retention/contracts';
import { filter, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, TranslatePipe } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent, ChipComponent, type ChipTone } from '../../shared/ui/status-chip.component';
import { WebhookEndpointDialog } from './webhook-endpoint.dialog';
import { WebhooksApi } from './webhooks.api';

const STATUS_TONE: Record<WebhookDeliveryStatus, ChipTone> = { pending: 'info', retrying: 'warning', delivered: 'success', failed: 'error' };

/**
 * Administration → Webhooks: the endpoints billing and telephony receive events on (added in a dialog, as users and
 * reference items are), and the delivery log with replay.
 */
@Component({
  selector: 'rc-webhooks-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    LocalDatePipe,
    ChipComponent,
    ActiveChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks.page.html',
  styles: `
    .wh-secret { margin: 12px 16px; }
    .wh-secret code { user-select: all; font-size: 13px; }
    .wh-section { margin-top: 20px; }
    .wh-toolbar { display: flex; align-items: center; gap: 12px; }
    .wh-toolbar mat-form-field { width: 200px; }
    .wh-url { max-width: 340px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `,
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly statuses: WebhookDeliveryStatus[] = ['pending', 'retrying', 'delivered', 'failed'];
  protected readonly endpointColumns = ['url', 'events', 'status', 'created', 'actions'];
  protected readonly deliveryColumns = ['occurred', 'event', 'endpoint', 'status', 'attempts', 'answer', 'actions'];
  protected readonly tone = (s: WebhookDeliveryStatus) => STATUS_TONE[s];

  private readonly reloadEndpoints = signal(0);
  private readonly reloadDeliveries = signal(0);
  protected readonly statusFilter = signal<WebhookDeliveryStatus | null>(null);
  protected readonly busy = signal(false);
  /** The secret of the endpoint just created: shown this once. */
  protected readonly newSecret = signal<{ url: string; secret: string } | null>(null);

  protected readonly endpointsState = toSignal(
    toObservable(this.reloadEndpoints).pipe(switchMap(() => this.api.endpoints().pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<WebhookEndpointView[]> },
  );
  private readonly deliveriesQuery = computed(() => ({ n: this.reloadDeliveries(), status: this.statusFilter() }));
  protected readonly deliveriesState = toSignal(
    toObservable(this.deliveriesQuery).pipe(switchMap((q) => this.api.deliveries(q.status).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<Page<WebhookDeliveryView>> },
  );
  protected readonly endpoints = computed(() => {
    const s = this.endpointsState();
    return s.status === 'ready' ? s.value : [];
  });
  protected readonly deliveries = computed(() => {
    const s = this.deliveriesState();
    return s.status === 'ready' ? s.value.items : [];
  });
  protected readonly errorKey = computed(() => {
    const s = this.endpointsState();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected eventLabel(t: string): string {
    return this.i18n.t(`webhooks.event.${t}` as 'webhooks.event.request.created');
  }

  protected statusLabel(s: WebhookDeliveryStatus): string {
    return this.i18n.t(`webhooks.status.${s}` as 'webhooks.status.pending');
  }

  protected refreshDeliveries(): void {
    this.reloadDeliveries.update((n) => n + 1);
  }

  protected create(): void {
    this.dialog
      .open<WebhookEndpointDialog, void, WebhookEndpointView>(WebhookEndpointDialog, { width: '520px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((e): e is WebhookEndpointView => !!e))
      .subscribe((e) => {
        this.newSecret.set({ url: e.url, secret: e.secret ?? '' });
        this.reloadEndpoints.update((n) => n + 1);
      });
  }

  protected setActive(e: WebhookEndpointView, active: boolean): void {
    this.busy.set(true);
    this.api.updateEndpoint(e.id, { active }).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.show(this.i18n.t(active ? 'webhooks.activated' : 'webhooks.deactivated'));
        this.reloadEndpoints.update((n) => n + 1);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected replay(d: WebhookDeliveryView): void {
    this.busy.set(true);
    this.api.replay(d.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.show(this.i18n.t('webhooks.replayed'));
        this.refreshDeliveries();
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  private fail(err: unknown): void {
    this.busy.set(false);
    const e = toApiError(err);
    this.notifier.show(e.statusCode === 400 || e.statusCode === 409 ? e.message : this.i18n.t(errorMessageKey(e)));
  }
}
