import { ChangeDetectionStrategy, Component, inject, OnDestroy, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CallListView, HiddenChurnCaseItem, HiddenChurnScanView, HiddenChurnSignalCode } from '@retention/contracts';
import { HIDDEN_CHURN_SIGNALS } from '@retention/domain';
import { Subscription, switchMap, takeWhile, timer } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalNamePipe, MoneyPipe, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { HiddenChurnApi } from '../../shared/data-access/hidden-churn.api';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { SignalChipsComponent } from '../../shared/ui/signal-chips.component';

/**
 * The manager's hidden-churn screen: run a scan and watch its progress, filter the open cases (riskiest or
 * highest revenue first), and build a call list from the filter for one or several operators. Regions, services,
 * signs and the true reason of a closed case are shown by name in the console language (the Catalogue), codes stay
 * in the filters' values.
 */
@Component({
  selector: 'rc-hidden-churn-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    MoneyPipe,
    LocalNamePipe,
    TranslatePipe,
    PageHeaderComponent,
    SignalChipsComponent,
  ],
  providers: [Catalogue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hidden-churn.page.html',
  styles: `
    .rc-hc__bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
    .rc-hc__bar mat-form-field { width: 170px; }
    .rc-hc__scan { display: flex; gap: 12px; align-items: center; min-width: 320px; }
    .rc-hc__scan mat-progress-bar { width: 160px; }
    .rc-hc__risk { font-weight: 600; }
    .rc-hc__list { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 12px 16px; }
    .rc-hc__list mat-form-field { width: 200px; }
    .rc-hc__lists { margin-top: 12px; }
  `,
})
export class HiddenChurnPage implements OnDestroy {
  private readonly api = inject(HiddenChurnApi);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  protected readonly catalogue = inject(Catalogue);

  protected readonly signals = HIDDEN_CHURN_SIGNALS;
  protected readonly columns = ['subscriber', 'region', 'signals', 'risk', 'revenue', 'status', 'assignee'];
  protected readonly listColumns = ['name', 'operators', 'total', 'contacted', 'returned', 'lost'];

  protected status = 'new,assigned,contacted';
  protected signal: HiddenChurnSignalCode | '' = '';
  protected region = '';
  protected service = '';
  protected minRisk: number | null = null;
  protected sort: 'risk' | 'revenue' = 'risk';

  protected readonly cases = signal<HiddenChurnCaseItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly scan = signal<HiddenChurnScanView | null>(null);
  protected readonly operators = signal<{ id: string; displayName: string; openCases: number }[]>([]);
  protected readonly lists = signal<CallListView[]>([]);

  protected listName = '';
  protected listSize = 20;
  protected listOperators: string[] = [];

  private polling?: Subscription;

  constructor() {
    this.load();
    this.api.scans().subscribe((s) => this.scan.set(s[0] ?? null));
    this.api.operators().subscribe((o) => this.operators.set(o));
    this.loadLists();
  }

  ngOnDestroy(): void {
    this.polling?.unsubscribe();
  }

  protected signalKey(s: string): TranslationKey {
    return `hiddenChurn.signal.${s}` as TranslationKey;
  }
  protected statusKey(s: string): TranslationKey {
    return `hiddenChurn.status.${s}` as TranslationKey;
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .cases({
        status: this.status,
        signal: this.signal || undefined,
        region: this.region.trim() || undefined,
        service: this.service.trim() || undefined,
        minRisk: this.minRisk ?? undefined,
        sort: this.sort,
        limit: 100,
      })
      .subscribe({
        next: (page) => {
          this.cases.set(page.items);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e))));
        },
      });
  }

  private loadLists(): void {
    this.api.callLists().subscribe((l) => this.lists.set(l));
  }

  protected runScan(): void {
    this.api.startScan().subscribe({
      next: ({ id }) => {
        this.polling?.unsubscribe();
        this.polling = timer(0, 1000)
          .pipe(
            switchMap(() => this.api.scan(id)),
            takeWhile((s) => s.status === 'queued' || s.status === 'running', true),
          )
          .subscribe((s) => {
            this.scan.set(s);
            if (s.status === 'completed') {
              this.notifier.show(this.i18n.t('hiddenChurn.scanDone', { opened: s.counts?.opened ?? 0, flagged: s.counts?.flagged ?? 0 }));
              this.load();
            }
          });
      },
      error: (e: unknown) => this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e)))),
    });
  }

  protected buildList(): void {
    this.api
      .createCallList({
        name: this.listName.trim(),
        size: this.listSize,
        operatorIds: this.listOperators,
        filter: {
          signal: this.signal || undefined,
          region: this.region.trim() || undefined,
          service: this.service.trim() || undefined,
          minRisk: this.minRisk ?? undefined,
        },
      })
      .subscribe({
        next: (l) => {
          this.notifier.show(this.i18n.t('hiddenChurn.listBuilt', { count: l.progress.total }));
          this.listName = '';
          this.load();
          this.loadLists();
        },
        error: (e: unknown) => this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e)))),
      });
  }

  protected operatorNames(l: CallListView): string {
    return l.operators.map((o) => `${o.displayName} (${o.cases})`).join(', ');
  }
}
