import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { DisconnectRequestView, SubscriberCard } from '@retention/contracts';
import { REQUEST_CHANNELS, type RequestChannel } from '@retention/domain';
import { debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../../core/http/api-error';
import { channelKey, I18nService, MoneyPipe, statusKey, LocalNamePipe, TranslatePipe, type TranslationKey } from '../../../core/i18n';
import { type Loadable, toLoadable } from '../../../shared/data-access/loadable';
import { RequestsApi } from '../../../shared/data-access/requests.api';
import { ChipComponent } from '../../../shared/ui/status-chip.component';
import { STATUS_TONE } from '../../../shared/ui/tones';
import { SubscribersApi } from '../../../subscribers/subscribers.api';
import { CHANNEL_ICONS } from '../../../shared/requests/channels';

export type NewRequestResult = { created: DisconnectRequestView } | { open: string };

const CONFLICTS: Readonly<Record<string, TranslationKey>> = {
  open_request_exists: 'desk.conflict.openRequestExists',
  already_disconnected: 'desk.conflict.alreadyDisconnected',
  no_active_services: 'desk.conflict.noActiveServices',
};

/** A key for one submission: a retry after a lost answer must not create a second request. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Services to send: an empty list means "all of them" to the API, so ticking every box sends none. */
export function servicesToSend(selected: ReadonlySet<string>, active: readonly string[]): string[] {
  return active.length > 0 && active.every((s) => selected.has(s)) ? [] : active.filter((s) => selected.has(s));
}

/** The id the API names in "An open request <uuid> already covers these services." */
export function requestIdIn(message: string): string | null {
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(message)?.[0] ?? null;
}

@Component({
  selector: 'rc-new-request-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalNamePipe, TranslatePipe,
    MoneyPipe,
    ChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-request.dialog.html',
  styles: `
    .rc-nr__sub { display: flex; flex-direction: column; gap: 2px; margin: -4px 0 12px; padding: 10px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-low); }
    .rc-nr__sub-top { display: flex; align-items: center; gap: 8px; font: var(--mat-sys-title-small); }
    .rc-nr__services { display: flex; flex-direction: column; margin: 4px 0 12px; }
    .rc-nr__label { font: var(--mat-sys-label-large); }
    .rc-nr__fee { margin-left: 6px; color: var(--mat-sys-on-surface-variant); }
    .rc-nr__channel { display: inline-flex; align-items: center; gap: 8px; }
    .rc-nr__error { color: var(--mat-sys-error); }
  `,
})
export class NewRequestDialog {
  private readonly api = inject(RequestsApi);
  private readonly subscribers = inject(SubscribersApi);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject(MatDialogRef<NewRequestDialog, NewRequestResult>);

  protected readonly channels = REQUEST_CHANNELS.filter((c) => c !== 'api');
  protected readonly channelKey = channelKey;
  protected readonly icons = CHANNEL_ICONS;
  protected readonly statusKey = statusKey;
  protected readonly statusTone = STATUS_TONE;

  protected readonly account = signal('');
  protected readonly channel = signal<RequestChannel>('phone');
  protected readonly stated = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly openId = signal<string | null>(null);
  private readonly key = newIdempotencyKey();

  protected readonly lookup = toSignal(
    toObservable(this.account).pipe(
      map((a) => a.trim()),
      debounceTime(350),
      distinctUntilChanged(),
      switchMap((a) => (a.length < 3 ? of(null) : this.subscribers.card(a).pipe(toLoadable()))),
    ),
    { initialValue: null as Loadable<SubscriberCard> | null },
  );
  protected readonly card = computed(() => {
    const l = this.lookup();
    return l?.status === 'ready' ? l.value : null;
  });
  protected readonly notFound = computed(() => this.lookup()?.status === 'error');
  /** One line per active service (a subscriber has at most one tariff per service). */
  protected readonly services = computed(() => {
    const seen = new Set<string>();
    return (this.card()?.subscriptions ?? []).filter((s) => !s.endedAt && !seen.has(s.service) && seen.add(s.service));
  });
  protected readonly canSubmit = computed(
    () => !!this.card() && this.card()?.status !== 'disconnected' && this.selected().size > 0 && !this.busy(),
  );

  constructor() {
    // A new subscriber found: all their services ticked (the usual "disconnect me" request).
    effect(() => this.selected.set(new Set(this.services().map((s) => s.service))));
  }

  protected toggle(service: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(service);
    else next.delete(service);
    this.selected.set(next);
  }

  protected submit(): void {
    const card = this.card();
    if (!card || !this.canSubmit()) return;
    this.busy.set(true);
    this.error.set(null);
    this.openId.set(null);
    const services = servicesToSend(this.selected(), this.services().map((s) => s.service));
    this.api
      .create({ accountNumber: card.accountNumber, services, channel: this.channel(), statedReason: this.stated().trim() }, this.key)
      .subscribe({
        next: (created) => this.ref.close({ created }),
        error: (err: unknown) => {
          this.busy.set(false);
          const e = toApiError(err);
          const key = e.statusCode === 409 ? CONFLICTS[e.error] : undefined;
          if (key) {
            this.error.set(this.i18n.t(key));
            if (e.error === 'open_request_exists') this.openId.set(requestIdIn(e.message));
          } else if (e.fields?.length) {
            this.error.set(e.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('\n'));
          } else {
            this.error.set(this.i18n.t(errorMessageKey(e)));
          }
        },
      });
  }

  protected openExisting(): void {
    const id = this.openId();
    if (id) this.ref.close({ open: id });
  }
}
