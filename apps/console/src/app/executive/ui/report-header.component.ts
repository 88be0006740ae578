import { ChangeDetectionStrategy, Component, computed, inject, input, signal, ViewEncapsulation } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { toApiError, errorMessageKey } from '../../core/http/api-error';
import { TranslatePipe, type TranslationKey } from '../../core/i18n';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { saveBlob } from '../data/download';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import { ReportQueryState } from '../data/report-query.state';
import { type ExportFormat, type ReportName, ReportsApi } from '../data/reports.api';
import { ReportFilterComponent } from './report-filter.component';

interface ReportTab {
  path: string;
  label: TranslationKey;
  testId: string;
}

const TABS: readonly ReportTab[] = [
  { path: '/executive/reports/competitors', label: 'report.tab.competitors', testId: 'report-tab-competitors' },
  { path: '/executive/reports/reasons', label: 'report.tab.reasons', testId: 'report-tab-reasons' },
  { path: '/executive/reports/plan-vs-actual', label: 'report.tab.plan', testId: 'report-tab-plan' },
  { path: '/executive/reports/key-figures', label: 'report.tab.keyFigures', testId: 'report-tab-key-figures' },
];

/**
 * The top of every report page: title, downloads (XLSX, CSV), print, the tabs between the four reports and the
 * filter. Its stylesheet also carries the print rules (global on purpose: they hide the shell around the report).
 */
@Component({
  selector: 'rc-report-header',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTabsModule,
    MatTooltipModule,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    PageHeaderComponent,
    ReportFilterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <rc-page-header [heading]="heading()" [subtitle]="subtitle()">
      <div class="rc-report-actions rc-no-print">
        <button mat-stroked-button type="button" (click)="download('xlsx')" [disabled]="busy() !== null" data-testid="download-xlsx">
          @if (busy() === 'xlsx') {
            <mat-spinner diameter="18" />
          } @else {
            <mat-icon>download</mat-icon>
          }
          {{ 'report.downloadXlsx' | t }}
        </button>
        <button mat-stroked-button type="button" (click)="download('csv')" [disabled]="busy() !== null" data-testid="download-csv">
          @if (busy() === 'csv') {
            <mat-spinner diameter="18" />
          } @else {
            <mat-icon>download</mat-icon>
          }
          {{ 'report.downloadCsv' | t }}
        </button>
        <button mat-stroked-button type="button" (click)="print()" data-testid="report-print">
          <mat-icon>print</mat-icon>{{ 'report.print' | t }}
        </button>
      </div>
    </rc-page-header>
    <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" class="rc-report-tabs rc-no-print" [tabPanel]="panel" [attr.aria-label]="'report.tabs' | t">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          queryParamsHandling="preserve"
          routerLinkActive
          #rla="routerLinkActive"
          [active]="rla.isActive"
          [attr.data-testid]="tab.testId"
          >{{ tab.label | t }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel />
    <rc-report-filter />
    <p class="rc-print-only rc-report-print-line">{{ printLine() }}</p>
  `,
  styleUrl: './report-header.component.scss',
  host: { class: 'rc-report-header' },
})
export class ReportHeaderComponent {
  private readonly api = inject(ReportsApi);
  private readonly notifier = inject(Notifier);
  private readonly fmt = inject(ReportFormat);
  private readonly lookups = inject(ReportLookups);
  private readonly state = inject(ReportQueryState);

  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
  readonly report = input.required<ReportName>();

  protected readonly tabs = TABS;
  protected readonly busy = signal<ExportFormat | null>(null);

  /** On paper the filter bar is hidden, so the period and filters are written out under the title. */
  protected readonly printLine = computed(() => {
    const p = this.state.period();
    const parts = [this.fmt.period(p.from, p.to)];
    parts.push(p.service ? this.lookups.serviceName(p.service) : this.fmt.t('report.allServices'));
    parts.push(p.region ? this.lookups.regionName(p.region) : this.fmt.t('report.allRegions'));
    return parts.join(' · ');
  });

  protected download(format: ExportFormat): void {
    this.busy.set(format);
    this.api.download(this.report(), this.state.period(), format).subscribe({
      next: (file) => {
        saveBlob(file.blob, file.fileName);
        this.busy.set(null);
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.notifier.show(`${this.fmt.t('report.downloadFailed')} ${this.fmt.t(errorMessageKey(toApiError(err)))}`);
      },
    });
  }

  protected print(): void {
    window.print();
  }
}
