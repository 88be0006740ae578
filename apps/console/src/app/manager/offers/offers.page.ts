import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { OfferView } from '@retention/contracts';
import { filter } from 'rxjs';
import { I18nService, MoneyPipe, TranslatePipe } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent } from '../../shared/ui/status-chip.component';
import { OfferDialog, type OfferDialogData } from './offer.dialog';

/** The offer catalogue: what each offer gives, what it costs the operator, and who may get it. */
@Component({
  selector: 'rc-offers-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MatTooltipModule, TranslatePipe, MoneyPipe, ActiveChipComponent, PageHeaderComponent],
  providers: [Catalogue],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './offers.page.html',
  styles: `
    .rc-oc__title { font-weight: 500; }
    .rc-oc__desc { max-width: 420px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .rc-oc__code { font-size: 12px; }
    .rc-oc__elig { font: var(--mat-sys-body-small); }
  `,
})
export class OffersPage {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  protected readonly catalogue = inject(Catalogue);

  protected readonly columns = ['offer', 'discount', 'monthlyCost', 'oneOffCost', 'eligibility', 'chains', 'active', 'actions'];
  protected readonly offers = computed(() =>
    [...this.catalogue.offers()].sort((a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title)),
  );
  /** How many reasons' chains propose each offer. */
  private readonly chainCounts = computed(() => {
    const counts = new Map<string, number>();
    for (const r of this.catalogue.reasons()) for (const c of r.offerCodes) counts.set(c, (counts.get(c) ?? 0) + 1);
    return counts;
  });

  protected chains(o: OfferView): number {
    return this.chainCounts().get(o.code) ?? 0;
  }

  protected eligibility(o: OfferView): string {
    const parts: string[] = [];
    if (o.minTenureMonths) parts.push(this.i18n.t('offerCatalogue.tenureFrom', { months: o.minTenureMonths }));
    if (o.minMonthlyRevenue) parts.push(this.i18n.t('offerCatalogue.revenueFrom', { amount: this.i18n.money(o.minMonthlyRevenue) }));
    if (o.reasonCodes?.length) parts.push(this.i18n.t('offerCatalogue.onlyReasons', { count: o.reasonCodes.length }));
    return parts.length ? parts.join(' · ') : this.i18n.t('offerCatalogue.anyone');
  }

  protected reasonTitles(o: OfferView): string {
    return (o.reasonCodes ?? []).map((c) => this.catalogue.reasonTitle(c)).join('\n');
  }

  protected edit(offer: OfferView): void {
    const data: OfferDialogData = { offer, reasons: this.catalogue.reasons() };
    this.dialog
      .open(OfferDialog, { data, width: '640px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.notifier.show(this.i18n.t('common.saved'));
        this.catalogue.reload();
      });
  }
}
