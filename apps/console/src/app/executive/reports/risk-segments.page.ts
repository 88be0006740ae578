import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { RiskDimension, RiskSegment, RiskSegmentsReport } from '@retention/contracts';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { ReportFormat } from '../data/report-format';
import { ReportLookups } from '../data/report-lookups';
import type { ReportPeriod } from '../data/report-query';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { DrillService } from '../drill/drill.service';
import { ReportFilterComponent } from '../ui/report-filter.component';

interface SegmentRow extends RiskSegment {
  label: string;
  /** The churn rate as a share of the dimension's worst, for the bar. */
  bar: number;
}

/**
 * Risk segments (docs/methodology.md, "Risk segments"): churn among those present at the start by contract type,
 * spend quartile, tenure band, region and service, each against the best segment of its split; a row lists its
 * leavers in the drill panel (GET /api/reports/drill/subscribers with the segment's own query).
 */
@Component({
  selector: 'rc-risk-segments-page',
  imports: [MatProgressBarModule, MatTableModule, TranslatePipe, PageHeaderComponent, ChipComponent, ErrorStateComponent, ReportFilterComponent],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rc-page-header [heading]="'segments.title' | t" [subtitle]="subtitle()" />
    <rc-report-filter [withService]="false" />
    @if (report.loading() && !report.value()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (report.error()) {
      <rc-error-state [heading]="'diagnosis.loadError' | t" (retry)="report.retry()" />
    }
    @if (report.value(); as r) {
      <div class="rc-segments" data-testid="risk-segments">
        @for (d of dimensions(); track d.dimension) {
          <section class="rc-segments__card" [attr.data-testid]="'segments-' + d.dimension">
            <h3 class="rc-segments__head">{{ d.title | t }}</h3>
            @if (d.rows.length) {
              <table mat-table [dataSource]="d.rows" class="rc-segments__table">
                <ng-container matColumnDef="segment">
                  <th mat-header-cell *matHeaderCellDef>{{ 'segments.col.segment' | t }}</th>
                  <td mat-cell *matCellDef="let x" class="rc-segments__label">{{ x.label }}</td>
                </ng-container>
                <ng-container matColumnDef="left">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'segments.col.leftOfStart' | t }}</th>
                  <td mat-cell *matCellDef="let x" class="rc-num"><span data-testid="segment-left">{{ i18n.number(x.left, '1.0-0') }}</span> / {{ i18n.number(x.atStart, '1.0-0') }}</td>
                </ng-container>
                <ng-container matColumnDef="churn">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'segments.col.churn' | t }}</th>
                  <td mat-cell *matCellDef="let x" class="rc-num">
                    <span class="rc-segments__bar" [style.width.%]="x.bar * 100"></span>{{ fmt.percent(x.churnRate, '1.1-2') }}
                  </td>
                </ng-container>
                <ng-container matColumnDef="ratio">
                  <th mat-header-cell *matHeaderCellDef class="rc-num">{{ 'segments.col.ratio' | t }}</th>
                  <td mat-cell *matCellDef="let x" class="rc-num rc-segments__ratio" [class.rc-segments__ratio--high]="x.ratioToBest !== null && x.ratioToBest >= 1.5">
                    @if (x.best) {
                      <rc-chip tone="success">{{ 'segments.best' | t }}</rc-chip>
                    } @else {
                      {{ x.ratioToBest === null ? '—' : '×' + i18n.number(x.ratioToBest, '1.1-2') }}
                    }
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns" class="rc-segments__row" tabindex="0" role="button"
                    [attr.data-testid]="'segment-' + d.dimension + '-' + row.key" [attr.title]="row.label"
                    (click)="open(d.dimension, row)" (keydown.enter)="open(d.dimension, row)"></tr>
              </table>
            } @else {
              <p class="rc-muted">{{ 'segments.empty' | t }}</p>
            }
          </section>
        }
      </div>
      <p class="rc-report-note">
        @if (r.through) {
          {{ 'segments.monthToDate' | t: { through: i18n.date(r.through) } }}
        }
        {{ 'segments.note' | t }}
      </p>
    }
  `,
  styles: `
    :host { display: block; }
    .rc-segments { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; }
    .rc-segments__card { grid-column: span 2; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 4px 4px;
      background: var(--mat-sys-surface-container-lowest); min-width: 0; }
    .rc-segments__card:nth-child(n + 4) { grid-column: span 3; }
    .rc-segments__head { margin: 0 12px 4px; font: var(--mat-sys-title-small); }
    .rc-segments__table { --mat-table-row-item-container-height: 30px; --mat-table-header-container-height: 30px; background: transparent; width: 100%; }
    .rc-segments__table .mat-mdc-cell, .rc-segments__table .mat-mdc-header-cell { padding: 0 6px; font-size: 13px; }
    /* Headers wrap so that the numbers' columns are as narrow as the numbers, and the segment's name gets the rest. */
    .rc-segments__table .mat-mdc-header-cell { white-space: normal; line-height: 1.15; font-size: 12px; padding-block: 2px; }
    .rc-segments__table th.rc-num { width: 1%; min-width: 52px; }
    .rc-segments__label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 0; width: 100%; }
    .rc-segments__row { cursor: pointer; }
    .rc-segments__row:hover, .rc-segments__row:focus-visible { background: var(--mat-sys-surface-container-high); outline: none; }
    .rc-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.rc-num { position: relative; }
    .rc-segments__bar { position: absolute; right: 6px; bottom: 3px; height: 3px; max-width: calc(100% - 12px); border-radius: 2px;
      background: var(--mat-sys-primary); opacity: 0.5; }
    .rc-segments__ratio--high { color: var(--mat-sys-error); font-weight: 600; }
    .rc-report-note { margin: 8px 0 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class RiskSegmentsPage {
  private readonly http = inject(HttpClient);
  private readonly drill = inject(DrillService);
  private readonly lookups = inject(ReportLookups);
  protected readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);
  protected readonly state = inject(ReportQueryState);
  /** The report splits by service itself: the period's service, if the URL carries one, does not apply here. */
  private readonly period = computed<ReportPeriod>(() => {
    const { from, to, region } = this.state.period();
    return region ? { from, to, region } : { from, to };
  });
  protected readonly report = reportResource(this.period, (p) => {
    let params = new HttpParams().set('from', p.from).set('to', p.to);
    if (p.region) params = params.set('region', p.region);
    return this.http.get<RiskSegmentsReport>('/api/reports/risk-segments', { params });
  });
  protected readonly columns = ['segment', 'left', 'churn', 'ratio'];
  protected readonly subtitle = computed(() => {
    const p = this.period();
    return this.i18n.t('segments.subtitle', { period: this.fmt.period(p.from, p.to) });
  });
  protected readonly dimensions = computed(() => {
    // Read the language so that labels follow a switch.
    this.i18n.language();
    return (this.report.value()?.dimensions ?? []).map((d) => {
      const worst = Math.max(0, ...d.segments.map((s) => s.churnRate));
      return {
        dimension: d.dimension,
        title: `segments.dim.${d.dimension}` as TranslationKey,
        rows: d.segments.map((s): SegmentRow => ({ ...s, label: this.label(d.dimension, s), bar: worst > 0 ? s.churnRate / worst : 0 })),
      };
    });
  });

  private label(dimension: RiskDimension, s: RiskSegment): string {
    switch (dimension) {
      case 'contract':
        return this.i18n.tryT(`contract.${s.key}`, s.key);
      case 'tenure':
        return this.i18n.tryT(`lifetime.${s.key}`, s.key);
      case 'region':
        return this.lookups.regionName(s.key);
      case 'service':
        return this.lookups.serviceName(s.key);
      case 'spend': {
        const q = this.i18n.t('segments.quartile', { q: s.key });
        const above = s.spendAbove ?? null;
        const to = s.spendTo ?? null;
        const range =
          above === null ? this.i18n.t('segments.spendUpTo', { to: this.i18n.number(to, '1.0-0') })
          : to === null ? this.i18n.t('segments.spendAbove', { above: this.i18n.number(above, '1.0-0') })
          : `${this.i18n.number(above, '1.0-0')} – ${this.i18n.number(to, '1.0-0')}`;
        return `${q}: ${range}`;
      }
    }
  }

  protected open(dimension: RiskDimension, row: SegmentRow): void {
    const p = this.period();
    this.drill.open({
      title: row.label,
      subtitle: `${this.fmt.period(p.from, p.to)} · ${this.i18n.t(`segments.dim.${dimension}` as TranslationKey)}`,
      period: p,
      criteria: { subscribers: { figure: 'left', segment: row.drill } },
    });
  }
}
