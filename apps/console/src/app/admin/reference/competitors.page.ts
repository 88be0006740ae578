import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Notifier } from '../../shared/ui/notifier.service';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import type { CompetitorTariffView, CompetitorView, RegionView, ServiceView } from '@retention/contracts';
import { filter, forkJoin, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, MoneyPipe, NumberPipe, LocalNamePipe, TranslatePipe } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm.dialog';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent } from '../../shared/ui/status-chip.component';
import { CompetitorDialog, type CompetitorDialogData } from './competitor.dialog';
import { CompetitorTariffDialog, type CompetitorTariffDialogData } from './competitor-tariff.dialog';

interface CompetitorsData {
  competitors: CompetitorView[];
  regions: RegionView[];
  services: ServiceView[];
}

/** Competitor catalogue: a list on the left, the selected competitor (`?c=<code>`) on the right. */
@Component({
  selector: 'rc-competitors-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatListModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    LocalNamePipe, TranslatePipe,
    MoneyPipe,
    NumberPipe,
    ActiveChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './competitors.page.html',
  styleUrl: './competitors.page.scss',
})
export class CompetitorsPage {
  private readonly api = inject(ReferenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  /** Query parameter `c`: the selected competitor's code. */
  readonly c = input<string>();
  protected readonly regionFilter = signal('');
  protected readonly busy = signal(false);
  private readonly reload = signal(0);
  protected readonly tariffColumns = ['region', 'service', 'name', 'price', 'speed', 'channels', 'actions'];

  protected readonly state = toSignal(
    toObservable(this.reload).pipe(
      switchMap(() =>
        forkJoin({
          competitors: this.api.competitors(),
          regions: this.api.regions(),
          services: this.api.services(),
        }).pipe(toLoadable()),
      ),
    ),
    { initialValue: LOADING as Loadable<CompetitorsData> },
  );
  private readonly data = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value : null;
  });
  protected readonly competitors = computed(() =>
    [...(this.data()?.competitors ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name)),
  );
  protected readonly regions = computed(() => this.data()?.regions ?? []);
  protected readonly selected = computed(() => {
    const list = this.competitors();
    return list.find((x) => x.code === this.c()) ?? list[0] ?? null;
  });
  protected readonly tariffs = computed(() => {
    const f = this.regionFilter();
    return (this.selected()?.tariffs ?? [])
      .filter((t) => !f || t.regionCode === f)
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.serviceCode.localeCompare(b.serviceCode) || a.monthlyPrice - b.monthlyPrice);
  });
  private readonly regionNames = computed(() => new Map(this.regions().map((r) => [r.code, this.i18n.localName(r.name, r.names)])));
  private readonly serviceNames = computed(() => new Map((this.data()?.services ?? []).map((s) => [s.code, this.i18n.localName(s.name, s.names)])));
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected regionName(code: string): string {
    return this.regionNames().get(code) ?? code;
  }
  protected serviceName(code: string): string {
    return this.serviceNames().get(code) ?? code;
  }

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected select(code: string): void {
    void this.router.navigate([], { queryParams: { c: code }, replaceUrl: true });
  }

  protected edit(competitor?: CompetitorView): void {
    const data: CompetitorDialogData = { competitor };
    this.dialog
      .open(CompetitorDialog, { data, width: '640px' })
      .afterClosed()
      .pipe(filter((code): code is string => typeof code === 'string'))
      .subscribe((code) => {
        this.notifier.show(this.i18n.t('common.saved'));
        this.select(code);
        this.refresh();
      });
  }

  protected addTariff(competitor: CompetitorView): void {
    const d = this.data();
    if (!d) return;
    const data: CompetitorTariffDialogData = {
      competitor,
      regions: d.regions.filter((r) => r.active),
      services: d.services.filter((s) => s.active),
      regionCode: this.regionFilter() || undefined,
    };
    this.dialog
      .open(CompetitorTariffDialog, { data, width: '640px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.notifier.show(this.i18n.t('common.saved'));
        this.refresh();
      });
  }

  protected deleteTariff(competitor: CompetitorView, tariff: CompetitorTariffView): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('reference.confirmDeleteTariffTitle'),
      message: this.i18n.t('reference.confirmDeleteTariff', { name: tariff.name }),
      confirm: this.i18n.t('common.delete'),
      danger: true,
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '440px' })
      .afterClosed()
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.deleteCompetitorTariff(competitor.code, tariff.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.notifier.show(this.i18n.t('reference.tariffDeleted'));
          this.refresh();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.notifier.show(this.i18n.t(errorMessageKey(toApiError(err))));
        },
      });
  }
}
