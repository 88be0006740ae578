import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ApprovalView } from '@retention/contracts';
import { combineLatest, filter, switchMap, timer } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { approvalStatusKey, I18nService, MoneyPipe, TranslatePipe } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { type ApprovalStatus, RequestsApi } from '../../shared/data-access/requests.api';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { NoteDialog, type NoteDialogData } from '../../shared/ui/note.dialog';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { type ChipTone, ChipComponent } from '../../shared/ui/status-chip.component';
import { APPROVAL_TONE } from '../../shared/ui/tones';

const REFRESH_MS = 30_000;

/** Pending approvals first (oldest waiting first: an operator is on the line), then decided ones, newest first. */
export function sortApprovals(list: readonly ApprovalView[]): ApprovalView[] {
  return [...list].sort((a, b) => {
    const ap = a.status === 'pending';
    const bp = b.status === 'pending';
    if (ap !== bp) return ap ? -1 : 1;
    return ap ? a.requestedAt.localeCompare(b.requestedAt) : (b.decidedAt ?? b.requestedAt).localeCompare(a.decidedAt ?? a.requestedAt);
  });
}

/** Offers above an operator's discount limit wait here for the manager's decision, with what is at stake. */
@Component({
  selector: 'rc-approvals-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    MoneyPipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  providers: [Catalogue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approvals.page.html',
  styles: `
    .rc-ap__sub { font-weight: 500; white-space: nowrap; }
    /* The note is why the operator asks: wide enough to read at 1280 px (it took 80 px when squeezed). */
    .mat-column-note { min-width: 180px; }
    .rc-ap__note { max-width: 360px; white-space: normal; overflow-wrap: anywhere; color: var(--mat-sys-on-surface-variant); }
    /* Stacked, so that the note keeps its room at 1280 px and nothing is cut. */
    .rc-ap__actions { display: flex; flex-direction: column; align-items: stretch; gap: 6px; }
    .rc-ap__pending { background: color-mix(in srgb, var(--rc-warning-container) 35%, transparent); }
  `,
})
export class ApprovalsPage {
  private readonly api = inject(RequestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  protected readonly catalogue = inject(Catalogue);

  protected readonly scope = signal<'pending' | 'all'>('pending');
  private readonly reloads = signal(0);
  protected readonly busy = signal<string | null>(null);
  protected readonly columns = ['requested', 'subscriber', 'offer', 'by', 'revenue', 'note', 'status', 'actions'];
  protected readonly tone = APPROVAL_TONE;
  protected readonly statusKey = approvalStatusKey;
  protected readonly errorMessageKey = errorMessageKey;

  protected readonly state = toSignal(
    combineLatest([toObservable(this.scope), toObservable(this.reloads)]).pipe(
      switchMap(([scope]) =>
        timer(0, REFRESH_MS).pipe(switchMap(() => this.api.approvals(scope === 'pending' ? 'pending' : undefined).pipe(toLoadable()))),
      ),
    ),
    { initialValue: LOADING as Loadable<ApprovalView[]> },
  );
  /** The last list that arrived: kept on screen while the next refresh loads. */
  protected readonly rows = signal<ApprovalView[]>([]);
  protected readonly error = computed(() => {
    const s = this.state();
    return s.status === 'error' && !this.rows().length ? s.error : null;
  });

  constructor() {
    effect(() => {
      const s = this.state();
      if (s.status === 'ready') this.rows.set(sortApprovals(s.value));
    });
  }

  protected toneOf(a: ApprovalView): ChipTone {
    return this.tone[a.status];
  }

  protected refresh(): void {
    this.reloads.update((n) => n + 1);
  }

  protected decide(a: ApprovalView, decision: ApprovalStatus & ('approved' | 'rejected')): void {
    const approve = decision === 'approved';
    const data: NoteDialogData = {
      title: this.i18n.t(approve ? 'approvals.approveTitle' : 'approvals.rejectTitle'),
      message: this.i18n.t('approvals.decideMessage', {
        offer: this.catalogue.offerTitle(a.offerCode),
        name: a.subscriberName,
        by: a.requestedBy,
      }),
      label: this.i18n.t(approve ? 'approvals.noteOptional' : 'approvals.noteWhy'),
      confirm: this.i18n.t(approve ? 'approvals.approve' : 'approvals.reject'),
      danger: !approve,
      required: !approve,
    };
    this.dialog
      .open(NoteDialog, { data, width: '480px' })
      .afterClosed()
      .pipe(
        filter((note): note is string => typeof note === 'string'),
        switchMap((note) => {
          this.busy.set(a.id);
          return this.api.decide(a.id, decision, note);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.notifier.show(this.i18n.t(approve ? 'approvals.approved' : 'approvals.rejected'));
          this.refresh();
        },
        error: (err: unknown) => {
          this.busy.set(null);
          const e = toApiError(err);
          this.notifier.show(e.statusCode === 409 ? this.i18n.t('approvals.alreadyDecided') : this.i18n.t(errorMessageKey(e)));
          this.refresh();
        },
      });
  }
}
