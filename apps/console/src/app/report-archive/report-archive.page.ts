import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  type ArchivedReport, type ArchivedReportSummary, type ArchiveFormat, type GenerateArchivedReportResult, Permission, type ReportLanguage,
} from '@retention/contracts';
import { addMonths } from '@retention/domain';
import { switchMap, timer } from 'rxjs';
import { AuthService } from '../core/auth';
import { toApiError, errorMessageKey } from '../core/http/api-error';
import { I18nService, TranslatePipe } from '../core/i18n';
import { fileNameFrom, saveBlob } from '../executive/data/download';
import { currentMonth } from '../executive/data/report-query';
import { MonthPickerComponent } from '../executive/ui/month-picker.component';
import { type Loadable, LOADING, toLoadable } from '../shared/data-access/loadable';
import { ErrorStateComponent } from '../shared/ui/error-state.component';
import { Notifier } from '../shared/ui/notifier.service';
import { PageHeaderComponent } from '../shared/ui/page-header.component';
import { type ChipTone, ChipComponent } from '../shared/ui/status-chip.component';

const TONE: Record<ArchivedReportSummary['status'], ChipTone> = { queued: 'info', running: 'info', ready: 'success', failed: 'error' };

/**
 * The report archive: each month's churn-to-competitor report as it was produced (on the 1st of the next month, or
 * when an administrator asked), to view and download in the console's language; administrators produce a past
 * month now. Refreshes itself while a report is on its way.
 */
@Component({
  selector: 'rc-report-archive-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, TranslatePipe, PageHeaderComponent, ChipComponent, ErrorStateComponent, MonthPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rc-page-header [heading]="'archive.title' | t" [subtitle]="'archive.subtitle' | t" />
    @if (canGenerate) {
      <div class="rc-archive__produce">
        <rc-month-picker [value]="month()" [label]="'archive.month' | t" [count]="60" testId="archive-month" (valueChange)="month.set($event)" />
        <button mat-flat-button type="button" (click)="produce()" [disabled]="busy()" data-testid="archive-produce">
          <mat-icon>play_arrow</mat-icon>{{ 'archive.produce' | t }}
        </button>
      </div>
    }
    @switch (state().status) {
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" />
      }
      @case ('error') {
        <rc-error-state [heading]="'archive.loadError' | t" (retry)="refresh()" />
      }
      @case ('ready') {
        @if (rows().length) {
          <div class="rc-table-card">
            <table mat-table [dataSource]="rows()" data-testid="archive-table">
              <ng-container matColumnDef="month">
                <th mat-header-cell *matHeaderCellDef>{{ 'archive.col.month' | t }}</th>
                <td mat-cell *matCellDef="let r" class="rc-strong">{{ i18n.month(r.month) }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef>{{ 'archive.col.status' | t }}</th>
                <td mat-cell *matCellDef="let r"><rc-chip [tone]="toneOf(r.status)">{{ i18n.tryT('archive.status.' + r.status, r.status) }}</rc-chip></td>
              </ng-container>
              <ng-container matColumnDef="produced">
                <th mat-header-cell *matHeaderCellDef>{{ 'archive.col.produced' | t }}</th>
                <td mat-cell *matCellDef="let r">
                  {{ r.generatedAt ? i18n.when(r.generatedAt) : '—' }}
                  <div class="rc-muted">{{ i18n.tryT('archive.trigger.' + r.trigger, r.trigger) }}{{ r.requestedBy ? ' · ' + r.requestedBy : '' }}</div>
                </td>
              </ng-container>
              <ng-container matColumnDef="total">
                <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'archive.col.total' | t }}</th>
                <td mat-cell *matCellDef="let r" class="rc-num">
                  @if (r.total) {
                    {{ i18n.number(r.total.subscribers, '1.0-0') }} · {{ i18n.money(r.total.monthlyRevenue) }}
                  } @else { — }
                </td>
              </ng-container>
              <ng-container matColumnDef="mailed">
                <th mat-header-cell *matHeaderCellDef>{{ 'archive.col.mailed' | t }}</th>
                <td mat-cell *matCellDef="let r">
                  @if (r.mailedAt) {
                    {{ 'archive.mailedTo' | t: { count: r.mailedTo.length } }}
                  } @else if (r.mailError) {
                    <span class="rc-error-text">{{ 'archive.mailFailed' | t }}</span>
                  } @else { <span class="rc-muted">{{ 'archive.notMailed' | t }}</span> }
                </td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef></th>
                <td mat-cell *matCellDef="let r" class="rc-archive__actions">
                  @if (r.status === 'ready') {
                    <button mat-button type="button" (click)="view(r)" [attr.data-testid]="'archive-view-' + r.month">{{ 'archive.view' | t }}</button>
                    <button mat-button type="button" (click)="download(r, 'xlsx')" [attr.data-testid]="'archive-xlsx-' + r.month">XLSX</button>
                    <button mat-button type="button" (click)="download(r, 'html')" [attr.data-testid]="'archive-html-' + r.month">HTML</button>
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns" [attr.data-testid]="'archive-row-' + row.month"></tr>
            </table>
          </div>
        } @else {
          <p class="rc-muted" data-testid="archive-empty">{{ 'archive.empty' | t }}</p>
        }
        @if (opened(); as o) {
          <section class="rc-archive__view" data-testid="archive-view">
            <h3>{{ 'archive.viewTitle' | t: { month: i18n.month(o.month) } }}</h3>
            <table mat-table [dataSource]="o.report?.rows ?? []">
              <ng-container matColumnDef="competitor">
                <th mat-header-cell *matHeaderCellDef>{{ 'archive.col.competitor' | t }}</th>
                <td mat-cell *matCellDef="let x">{{ x.competitorId ? x.competitor : ('archive.unknown' | t) }}</td>
              </ng-container>
              <ng-container matColumnDef="subscribers">
                <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'archive.col.subscribers' | t }}</th>
                <td mat-cell *matCellDef="let x" class="rc-num">{{ i18n.number(x.subscribers, '1.0-0') }}</td>
              </ng-container>
              <ng-container matColumnDef="revenue">
                <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'archive.col.revenue' | t }}</th>
                <td mat-cell *matCellDef="let x" class="rc-num">{{ i18n.money(x.monthlyRevenue) }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="viewColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: viewColumns"></tr>
            </table>
          </section>
        }
      }
    }
  `,
  styles: `
    :host { display: block; }
    .rc-archive__produce { display: flex; align-items: center; gap: 16px; margin-bottom: 16px; }
    .rc-archive__actions { white-space: nowrap; text-align: right; }
    .rc-archive__view { margin-top: 16px; max-width: 720px; }
    .rc-archive__view h3 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .rc-num { text-align: right; font-variant-numeric: tabular-nums; }
    .rc-strong { font-weight: 500; }
    .rc-error-text { color: var(--mat-sys-error); }
  `,
})
export class ReportArchivePage {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  protected readonly canGenerate = inject(AuthService).can(Permission.ReportArchiveGenerate);
  protected toneOf(status: ArchivedReportSummary['status']): ChipTone {
    return TONE[status];
  }
  protected readonly columns = ['month', 'status', 'produced', 'total', 'mailed', 'actions'];
  protected readonly viewColumns = ['competitor', 'subscribers', 'revenue'];
  protected readonly busy = signal(false);
  protected readonly opened = signal<ArchivedReport | null>(null);
  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    toObservable(this.attempt).pipe(switchMap(() => this.http.get<ArchivedReportSummary[]>('/api/report-archive').pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<ArchivedReportSummary[]> },
  );
  protected readonly rows = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value : [];
  });
  /** Default: the month before the current one (the one the schedule produces). */
  protected readonly month = signal(previousMonth());

  constructor() {
    // While a report is on its way, look again every two seconds.
    toObservable(this.rows).pipe(switchMap((rows) => (rows.some((r) => r.status === 'queued' || r.status === 'running') ? timer(2000) : [])))
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    this.attempt.update((n) => n + 1);
  }

  protected produce(): void {
    this.busy.set(true);
    this.http.post<GenerateArchivedReportResult>('/api/report-archive', { month: this.month() }).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.notifier.show(this.i18n.t(r.queued ? 'archive.queued' : 'archive.exists', { month: this.i18n.month(r.report.month) }));
        this.refresh();
      },
      error: (e) => {
        this.busy.set(false);
        this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e))));
      },
    });
  }

  protected view(r: ArchivedReportSummary): void {
    this.http.get<ArchivedReport>(`/api/report-archive/${r.id}`).subscribe((a) => this.opened.set(a));
  }

  protected download(r: ArchivedReportSummary, format: ArchiveFormat): void {
    const lang = this.i18n.language() as ReportLanguage;
    this.http.get(`/api/report-archive/${r.id}/file`, { params: { format, lang }, responseType: 'blob', observe: 'response' }).subscribe({
      next: (res) => saveBlob(res.body as Blob, fileNameFrom(res.headers.get('Content-Disposition'), `churn-to-competitors-${r.month}.${format}`)),
      error: (e) => this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e)))),
    });
  }
}

function previousMonth(): string {
  return addMonths(currentMonth(), -1);
}
