import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Notifier } from '../../shared/ui/notifier.service';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ServiceView, TariffView } from '@retention/contracts';
import { filter, forkJoin, switchMap } from 'rxjs';
import { errorMessageKey } from '../../core/http/api-error';
import { I18nService, MoneyPipe, NumberPipe, LocalNamePipe, TranslatePipe } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent } from '../../shared/ui/status-chip.component';
import { TariffDialog, type TariffDialogData } from './tariff.dialog';

interface TariffsData {
  tariffs: TariffView[];
  services: ServiceView[];
}

@Component({
  selector: 'rc-tariffs-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
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
  templateUrl: './tariffs.page.html',
})
export class TariffsPage {
  private readonly api = inject(ReferenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18nService);

  protected readonly columns = ['code', 'name', 'service', 'price', 'speed', 'channels', 'status', 'actions'];
  protected readonly serviceFilter = signal<string>('');
  private readonly reload = signal(0);

  protected readonly state = toSignal(
    toObservable(this.reload).pipe(
      switchMap(() => forkJoin({ tariffs: this.api.tariffs(), services: this.api.services() }).pipe(toLoadable())),
    ),
    { initialValue: LOADING as Loadable<TariffsData> },
  );
  protected readonly services = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value.services : [];
  });
  private readonly serviceNames = computed(() => new Map(this.services().map((s) => [s.code, this.i18n.localName(s.name, s.names)])));
  protected readonly tariffs = computed(() => {
    const s = this.state();
    if (s.status !== 'ready') return [];
    const f = this.serviceFilter();
    return s.value.tariffs
      .filter((t) => !f || t.serviceCode === f)
      .sort(
        (a, b) =>
          a.serviceCode.localeCompare(b.serviceCode) || Number(b.active) - Number(a.active) || a.monthlyPrice - b.monthlyPrice,
      );
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected serviceName(code: string): string {
    return this.serviceNames().get(code) ?? code;
  }

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected openDialog(tariff?: TariffView): void {
    const data: TariffDialogData = { tariff, services: this.services(), serviceCode: this.serviceFilter() || undefined };
    this.dialog
      .open(TariffDialog, { data, width: '640px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.notifier.show(this.i18n.t('common.saved'));
        this.refresh();
      });
  }
}
