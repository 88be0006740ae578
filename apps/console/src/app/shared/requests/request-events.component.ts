import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { RequestEventView, RequestStatusCode } from '@retention/contracts';
import { I18nService, requestStatusKey, TranslatePipe } from '../../core/i18n';
import { Catalogue } from '../data-access/catalogue';

const ICONS: Readonly<Record<string, string>> = {
  create: 'add_circle',
  claim: 'pan_tool',
  release: 'undo',
  postpone: 'schedule',
  resolve: 'task_alt',
  approval_requested: 'approval_delegation',
  approval_approved: 'verified',
  approval_rejected: 'block',
};

/** The audit trail of one request: who did what and when, oldest first. */
@Component({
  selector: 'rc-request-events',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="rc-events" data-testid="request-events">
      @for (e of events(); track $index) {
        <li class="rc-events__item">
          <mat-icon class="rc-events__icon">{{ icon(e.action) }}</mat-icon>
          <span class="rc-events__at rc-muted">{{ i18n.when(e.at) }}</span>
          <span class="rc-events__what">
            <strong>{{ action(e.action) }}</strong>
            @if (e.from && e.from !== e.to) {
              <span class="rc-muted"> · {{ status(e.from) }} → {{ status(e.to) }}</span>
            }
            @if (detail(e); as d) {
              <span class="rc-events__detail">{{ d }}</span>
            }
          </span>
          <span class="rc-events__actor rc-muted">{{ e.actor ?? ('events.system' | t) }}</span>
        </li>
      } @empty {
        <li class="rc-muted">{{ 'common.none' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .rc-events { margin: 0; padding: 0; list-style: none; }
    .rc-events__item {
      display: grid;
      grid-template-columns: 20px 120px minmax(0, 1fr) auto;
      gap: 8px;
      align-items: baseline;
      padding: 5px 0;
      font: var(--mat-sys-body-small);
      & + & { border-top: 1px dashed var(--mat-sys-outline-variant); }
    }
    .rc-events__icon { width: 16px; height: 16px; font-size: 16px; align-self: center; color: var(--mat-sys-on-surface-variant); }
    .rc-events__detail { display: block; color: var(--mat-sys-on-surface-variant); white-space: pre-line; }
    .rc-events__at, .rc-events__actor { white-space: nowrap; }
  `,
})
export class RequestEventsComponent {
  readonly events = input.required<readonly RequestEventView[]>();
  protected readonly i18n = inject(I18nService);
  private readonly catalogue = inject(Catalogue);

  protected icon(action: string): string {
    return ICONS[action] ?? 'radio_button_checked';
  }

  protected action(action: string): string {
    return this.i18n.tryT(`events.${action}`, action);
  }

  protected status(s: string): string {
    return this.i18n.tryT(requestStatusKey(s as RequestStatusCode), s);
  }

  /** The event's data in words: the offer asked for, the call-back time, the outcome and reason, a note. */
  protected detail(e: RequestEventView): string {
    const d = e.data ?? {};
    const parts: string[] = [];
    const str = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);
    if (str('statedReason')) parts.push(`«${str('statedReason')}»`);
    if (str('outcome')) parts.push(this.i18n.tryT(`outcome.${str('outcome')}`, str('outcome') ?? ''));
    if (str('reasonCode')) parts.push(this.catalogue.reasonTitle(str('reasonCode')));
    if (str('offerCode')) parts.push(this.catalogue.offerTitle(str('offerCode')));
    if (str('callbackAt')) parts.push(this.i18n.t('events.callbackAt', { at: this.i18n.when(str('callbackAt')) }));
    if (str('note')) parts.push(str('note') as string);
    return parts.join(' · ');
  }
}
