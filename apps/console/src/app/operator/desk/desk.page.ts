import { ChangeDetectionStrategy, Component, effect, inject, input, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { filter } from 'rxjs';
import { errorMessageKey } from '../../core/http/api-error';
import { TranslatePipe } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { RequestEventsComponent } from '../../shared/requests/request-events.component';
import { RequestResolutionComponent } from '../../shared/requests/request-resolution.component';
import { provideConsoleDates, syncDateLocale } from '../../shared/ui/date-adapter';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { CallWork } from './call-work';
import { deskCommand, isTypingTarget, stepSelection } from './desk-keys';
import { DeskStore } from './desk.store';
import { NewRequestDialog, type NewRequestResult } from './dialogs/new-request.dialog';
import { PostponeDialog, type PostponeDialogData, type PostponeResult } from './dialogs/postpone.dialog';
import { ShortcutsDialog } from './dialogs/shortcuts.dialog';
import { RequestHeaderComponent } from './header/request-header.component';
import { OffersPanelComponent } from './offers/offers-panel.component';
import { OutcomeFormComponent } from './outcome/outcome-form.component';
import { ResolveBarComponent } from './outcome/resolve-bar.component';
import { ExitSurveyComponent } from './survey/exit-survey.component';
import { PresentationPanelComponent } from './presentation/presentation-panel.component';
import { QueueComponent } from './queue/queue.component';
import { ReasonPickerComponent } from './reason/reason-picker.component';
import { ScriptPanelComponent } from './script/script-panel.component';
import { SubscriberSummaryComponent } from './subscriber/subscriber-summary.component';
import { selectionIntoUrl } from '../../core/selection-url';

/**
 * The operator desk: the queue on the left, the request being worked on the right, from the subscriber's words
 * to the true reason, the script, the competitor comparison, the offers and the outcome. The request on screen
 * is in the URL (`?r=<id>`), so a reload or a shared link opens the same one. Keyboard: see desk-keys.ts.
 */
@Component({
  selector: 'rc-desk-page',
  imports: [
    MatButtonModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ErrorStateComponent,
    QueueComponent,
    RequestHeaderComponent,
    ReasonPickerComponent,
    ScriptPanelComponent,
    PresentationPanelComponent,
    OffersPanelComponent,
    ExitSurveyComponent,
    OutcomeFormComponent,
    ResolveBarComponent,
    SubscriberSummaryComponent,
    RequestEventsComponent,
    RequestResolutionComponent,
  ],
  providers: [DeskStore, { provide: CallWork, useExisting: DeskStore }, Catalogue, provideConsoleDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk.page.html',
  styleUrl: './desk.page.scss',
  host: { class: 'rc-desk', '(document:keydown)': 'onKey($event)' },
})
export class DeskPage {
  protected readonly store = inject(DeskStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Query parameter `r`: the request on screen. */
  readonly r = input<string>();

  private readonly queue = viewChild.required(QueueComponent);
  private readonly reasonPicker = viewChild(ReasonPickerComponent);
  private readonly outcomeForm = viewChild(OutcomeFormComponent);
  private readonly resolveBar = viewChild(ResolveBarComponent);
  protected readonly errorMessageKey = errorMessageKey;

  constructor() {
    syncDateLocale();

    effect(() => {
      const id = this.r() ?? null;
      untracked(() => {
        // The menu's "Operator desk" (no request in the URL) keeps the request on screen: back into the URL.
        const current = this.store.selectedId();
        if (id === null && current) {
          selectionIntoUrl(this.router, { r: current });
        } else {
          this.store.select(id);
        }
      });
    });

    // The URL follows the selection (replaceUrl: moving through the queue is not a history of pages).
    effect(() => {
      const id = this.store.selectedId();
      if (id !== (untracked(this.r) ?? null)) {
        selectionIntoUrl(this.router, { r: id });
      }
    });

    // Opening the desk without a request: the most urgent one (the queue's first) is on screen at once.
    let opened = false;
    effect(() => {
      if (opened || !this.store.queueReady()) return;
      opened = true;
      const first = this.store.queue()[0];
      if (first && !untracked(this.store.selectedId)) this.store.select(first.id);
    });
  }

  protected onKey(e: KeyboardEvent): void {
    const cmd = deskCommand(e, {
      typing: isTypingTarget(document.activeElement),
      inQueue: this.queue().hasFocus(),
      dialogOpen: this.dialog.openDialogs.length > 0 || !!document.querySelector('.cdk-overlay-pane .mat-mdc-select-panel'),
    });
    if (!cmd) return;
    e.preventDefault();
    switch (cmd.kind) {
      case 'next':
      case 'prev': {
        const ids = this.store.queue().map((q) => q.id);
        const id = stepSelection(ids, this.store.selectedId(), cmd.kind === 'next' ? 1 : -1);
        if (id) this.store.select(id);
        break;
      }
      case 'claim':
        this.store.claim();
        break;
      case 'postpone':
        this.postpone();
        break;
      case 'resolve':
        this.store.resolve();
        break;
      case 'newRequest':
        this.newRequest();
        break;
      case 'focusReason':
        this.reasonPicker()?.focus();
        break;
      case 'focusSearch':
        this.queue().focusSearch();
        break;
      case 'help':
        this.dialog.open(ShortcutsDialog, { width: '440px' });
        break;
      case 'outcome':
        this.store.setOutcome(cmd.outcome);
        break;
    }
  }

  protected newRequest(): void {
    this.dialog
      .open<NewRequestDialog, unknown, NewRequestResult>(NewRequestDialog, { width: '560px' })
      .afterClosed()
      .pipe(filter((r): r is NewRequestResult => !!r))
      .subscribe((r) => {
        if ('created' in r) this.store.created(r.created);
        else this.store.select(r.open);
      });
  }

  protected postpone(): void {
    const r = this.store.request();
    if (!r || !this.store.actions().has('postpone')) return;
    const data: PostponeDialogData = { subscriberName: r.subscriberName };
    this.dialog
      .open<PostponeDialog, PostponeDialogData, PostponeResult>(PostponeDialog, { data, width: '520px' })
      .afterClosed()
      .pipe(filter((v): v is PostponeResult => !!v))
      .subscribe((v) => this.store.postpone(v.callbackAt, v.note));
  }

  /** The header's Resolve: to the outcome choice, or, with an outcome chosen, to the Resolve button. */
  protected goToOutcome(): void {
    if (this.store.draft().outcome) this.resolveBar()?.focus();
    else this.outcomeForm()?.focus();
  }
}
