import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { lifetimeKey, npsBandKey, TranslatePipe, type TranslationKey } from '../../core/i18n';
import type { LifetimeRating, NpsBand } from '@retention/contracts';
import { ChipComponent, type ChipTone } from '../../shared/ui/status-chip.component';
import { LIFETIME_TONE, NPS_TONE } from '../../shared/ui/tones';
import { ReportDrill } from '../drill/report-drill';
import {
  changeDirection,
  changeTone,
  type FigureKey,
  figureHintKey,
  figureLabelKey,
  formatChange,
  formatFigure,
  orderedFigures,
} from '../data/key-figures';
import { ReportFormat } from '../data/report-format';
import { periodCaption } from '../data/report-period';
import { ReportQueryState } from '../data/report-query.state';
import { reportResource } from '../data/report-resource';
import { ReportsApi } from '../data/reports.api';
import { ChartCardComponent } from '../ui/chart-card.component';
import { KpiTileComponent } from '../ui/kpi-tile.component';
import { ReportHeaderComponent } from '../ui/report-header.component';

interface FigureLine {
  key: FigureKey;
  label: TranslationKey;
  hint: TranslationKey;
  value: string;
  previous: string;
  change: string;
  arrow: string;
  tone: string;
  rating: { key: TranslationKey; tone: ChipTone } | null;
  drillable: boolean;
}

/** Report 4: churn, retention, revenue churn and retention, ARPU, lifetime, LTV, saves and NPS against the period before. */
@Component({
  selector: 'rc-key-figures-report-page',
  imports: [MatIconModule, MatTableModule, TranslatePipe, ChipComponent, ReportHeaderComponent, ChartCardComponent, KpiTileComponent],
  providers: [ReportQueryState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './key-figures-report.page.html',
  styleUrl: './report-page.scss',
})
export class KeyFiguresReportPage {
  private readonly api = inject(ReportsApi);
  private readonly drill = inject(ReportDrill);
  protected readonly fmt = inject(ReportFormat);
  protected readonly state = inject(ReportQueryState);

  protected readonly period = this.state.period;
  protected readonly report = reportResource(this.period, (p) => this.api.keyFigures(p));
  protected readonly figures = computed(() => orderedFigures(this.report.value()?.figures ?? []));
  protected readonly headline = computed(() => this.figures().slice(0, 8));

  protected readonly columns = ['figure', 'value', 'previous', 'change', 'rating', 'formula'];

  /** NPS per operator, below the figures. */
  protected readonly npsReport = reportResource(this.period, (p) => this.api.npsByOperator(p));
  protected readonly npsColumns = ['operator', 'answers', 'promoters', 'passives', 'detractors', 'nps'];
  protected readonly npsSubtitle = computed(() => {
    const r = this.npsReport.value();
    if (!r) return '';
    const n = (v: number) => this.fmt.number(v, '1.0-0');
    return this.fmt.t('report.npsByOperator.subtitle', { attributed: n(r.total.answers), answers: n(r.overall.answers) });
  });
  protected readonly npsRows = computed(() =>
    (this.npsReport.value()?.rows ?? []).map((r) => ({
      ...r,
      share: (n: number) => (r.answers ? this.fmt.percent(n / r.answers, '1.0-0') : ''),
      band: r.band ? { key: npsBandKey(r.band), tone: NPS_TONE[r.band] } : null,
    })),
  );

  protected readonly lines = computed<FigureLine[]>(() =>
    this.figures().map((f) => {
      const dir = changeDirection(f.change);
      let rating: FigureLine['rating'] = null;
      if (f.rating && f.key === 'average_lifetime' && f.rating in LIFETIME_TONE) {
        rating = { key: lifetimeKey(f.rating as LifetimeRating), tone: LIFETIME_TONE[f.rating as LifetimeRating] };
      } else if (f.rating && f.key === 'nps' && f.rating in NPS_TONE) {
        rating = { key: npsBandKey(f.rating as NpsBand), tone: NPS_TONE[f.rating as NpsBand] };
      }
      return {
        key: f.meta.key,
        label: figureLabelKey(f.meta.key),
        hint: figureHintKey(f.meta.key),
        value: formatFigure(this.fmt, f.meta.format, f.value),
        previous: formatFigure(this.fmt, f.meta.format, f.previous),
        change: formatChange(this.fmt, f.meta.format, f.change),
        arrow: dir === 'up' ? 'arrow_upward' : dir === 'down' ? 'arrow_downward' : 'arrow_forward',
        tone: changeTone(f.meta.better, f.change),
        rating,
        drillable: !!f.meta.drill,
      };
    }),
  );

  /** Column heads: the period's months, or month to date against the same days before. */
  protected readonly periods = computed(() => {
    const r = this.report.value();
    return r ? periodCaption(r, this.fmt) : null;
  });

  protected drillFigure(key: FigureKey): void {
    this.drill.figure(key, this.period());
  }
}
