import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ChurnReasonDetail, ChurnReasonView, ClassifierVersionView, ReasonModelView } from '@retention/contracts';
import { catchError, combineLatest, filter, of, switchMap, timer } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, isReasonGroup, reasonGroupKey, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { ClassifierApi } from '../../shared/data-access/classifier.api';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { thresholdToPercent } from './reason-edit';
import { ReasonEditorDialog, type ReasonEditorData } from './reason-editor.dialog';

type Scope = 'all' | 'managed' | 'unmanaged';

/** Sum of the norms of a set of points, as a percentage of the base per month. */
export function normPercent(reasons: readonly Pick<ChurnReasonView, 'threshold'>[]): number {
  return thresholdToPercent(reasons.reduce((sum, r) => sum + r.threshold, 0));
}

/**
 * The 33-point churn-reason classifier: each point's group, managed or not, competitor flag and monthly norm;
 * a point opens in the editor. The version history lists every saved change; a past version can be viewed.
 * The learnt model's versions show their accuracy on the held-back resolutions and on the evaluation set, each
 * against the synonym table alone; the manager trains a new one and switches one on (only one that beats the table).
 */
@Component({
  selector: 'rc-classifier-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslatePipe,
    ChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  providers: [Catalogue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './classifier.page.html',
  styleUrl: './classifier.page.scss',
})
export class ClassifierPage {
  private readonly api = inject(ClassifierApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly catalogue = inject(Catalogue);
  protected readonly i18n = inject(I18nService);

  protected readonly scope = signal<Scope>('all');
  /** A past version on view (read-only), or null for the active one. */
  protected readonly viewing = signal<number | null>(null);
  private readonly reloads = signal(0);
  protected readonly columns = ['position', 'reason', 'group', 'managed', 'competitor', 'threshold', 'offers', 'actions'];
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly thresholdToPercent = thresholdToPercent;

  protected readonly state = toSignal(
    combineLatest([toObservable(this.i18n.language), toObservable(this.viewing), toObservable(this.reloads)]).pipe(
      switchMap(([lang, version]) => this.api.reasons(lang, version ?? undefined).pipe(toLoadable())),
    ),
    { initialValue: LOADING as Loadable<ChurnReasonView[]> },
  );
  protected readonly versions = toSignal(
    toObservable(this.reloads).pipe(switchMap(() => this.api.versions().pipe(catchError(() => of<ClassifierVersionView[]>([]))))),
    { initialValue: [] as ClassifierVersionView[] },
  );
  protected readonly currentVersion = computed(() => this.versions()[0]?.version ?? null);

  private readonly modelReloads = signal(0);
  /** Polled every few seconds while a training is queued or running. */
  protected readonly models = toSignal(
    toObservable(this.modelReloads).pipe(
      switchMap(() => timer(0, 4_000)),
      switchMap(() => this.api.models().pipe(catchError(() => of<ReasonModelView[]>([])))),
    ),
    { initialValue: [] as ReasonModelView[] },
  );
  protected readonly training = computed(() => this.models().some((m) => m.status === 'queued' || m.status === 'training'));
  protected readonly activeModel = computed(() => this.models().find((m) => m.active)?.version ?? null);

  private readonly reasons = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? [...s.value].sort((a, b) => a.position - b.position) : [];
  });
  protected readonly rows = computed(() => {
    const scope = this.scope();
    return this.reasons().filter((r) => scope === 'all' || r.managed === (scope === 'managed'));
  });
  protected readonly totals = computed(() => {
    const all = this.reasons();
    const managed = all.filter((r) => r.managed);
    const unmanaged = all.filter((r) => !r.managed);
    const catchAll = all[all.length - 1];
    return {
      all: normPercent(all),
      managed: normPercent(managed),
      managedCount: managed.length,
      unmanaged: normPercent(unmanaged),
      unmanagedCount: unmanaged.length,
      catchAll: catchAll ? thresholdToPercent(catchAll.threshold) : 0,
    };
  });

  protected groupLabel(group: string): string {
    return isReasonGroup(group) ? this.i18n.t(reasonGroupKey(group)) : group;
  }

  protected offersLabel(r: ChurnReasonView): string {
    return r.offerCodes.map((c) => this.catalogue.offerTitle(c)).join('\n');
  }

  protected percent(share: number): string {
    return `${this.i18n.number(thresholdToPercent(share), '1.2-3')} %`;
  }

  protected view(version: number | null): void {
    this.viewing.set(version === this.currentVersion() ? null : version);
  }

  protected edit(r: ChurnReasonView): void {
    if (this.viewing() !== null) return;
    const data: ReasonEditorData = { code: r.code, offers: this.catalogue.offers() };
    this.dialog
      .open<ReasonEditorDialog, ReasonEditorData, ChurnReasonDetail>(ReasonEditorDialog, {
        data,
        panelClass: 'rc-wide-dialog',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ChurnReasonDetail => !!saved))
      .subscribe((saved) => {
        this.notifier.show(this.i18n.t('classifier.savedVersion', { version: saved.version }));
        this.reloads.update((n) => n + 1);
        this.catalogue.reload();
      });
  }

  protected statusKey(m: ReasonModelView): TranslationKey {
    return `model.status.${m.status}`;
  }

  protected causeKey(m: ReasonModelView): TranslationKey {
    return `model.cause.${m.cause}`;
  }

  protected pct(share: number | undefined): string {
    return share === undefined ? '—' : `${this.i18n.number(share * 100, '1.1-1')} %`;
  }

  protected retrain(): void {
    this.api.retrainModel().subscribe({
      next: (m) => {
        this.notifier.show(this.i18n.t('model.queued', { version: m.version }));
        this.modelReloads.update((n) => n + 1);
      },
      error: (e: unknown) => this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e)))),
    });
  }

  protected switchModel(version: number | null): void {
    this.api.activateModel(version).subscribe({
      next: () => {
        this.notifier.show(version === null ? this.i18n.t('model.switchedOff') : this.i18n.t('model.switchedOn', { version }));
        this.modelReloads.update((n) => n + 1);
      },
      error: (e: unknown) => this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e)))),
    });
  }

  protected retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
