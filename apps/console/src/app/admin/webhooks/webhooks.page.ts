import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  type Page,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEventType,
} from '@retention/contracts';
import { switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, TranslatePipe } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent, type ChipTone } from '../../shared/ui/status-chip.component';
import { WebhooksApi } from './webhooks.api';

const STATUS_TONE: Record<WebhookDeliveryStatus, ChipTone> = { pending: 'info', retrying: 'warning', delivered: 'success', failed: 'error' };

/** Administration → Webhooks: the endpoints billing and telephony receive events on, and the delivery log with replay. */
@Component({
  selector: 'rc-webhooks-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    LocalDatePipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks.page.html',
  styles: `
    .wh-form { display: grid; grid-template-columns: 2fr 1fr 1.4fr auto; gap: 12px; align-items: start; padding: 16px 16px 0; }
    .wh-form button { margin-top: 8px; }
    .wh-secret { margin: 0 16px 12px; }
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

  protected readonly eventTypes = WEBHOOK_EVENT_TYPES;
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', [Validators.required, Validators.maxLength(2000), Validators.pattern(/^https?:\/\/\S+$/)]],
    description: ['', [Validators.maxLength(200)]],
    eventTypes: [[...WEBHOOK_EVENT_TYPES] as WebhookEventType[], [Validators.required]],
  });

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

  protected create(formDir: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.createEndpoint({ url: v.url.trim(), description: v.description.trim(), eventTypes: v.eventTypes }).subscribe({
      next: (e) => {
        this.busy.set(false);
        this.newSecret.set({ url: e.url, secret: e.secret ?? '' });
        // resetForm also clears the submitted state, so the emptied fields do not show as errors.
        formDir.resetForm({ url: '', description: '', eventTypes: [...WEBHOOK_EVENT_TYPES] });
        this.reloadEndpoints.update((n) => n + 1);
      },
      error: (err: unknown) => this.fail(err),
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
