import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { type BonusSchemeSettings, Permission, type SchemePreview, type StaffStatement } from '@retention/contracts';
import { catchError, combineLatest, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth';
import { errorMessageKey, toApiError } from '../core/http/api-error';
import { I18nService, MoneyPipe, TranslatePipe, type TranslationKey } from '../core/i18n';
import { currentMonth } from '../executive/data/report-query';
import { MonthPickerComponent } from '../executive/ui/month-picker.component';
import { LOADING, toLoadable, type Loadable } from '../shared/data-access/loadable';
import { ErrorStateComponent } from '../shared/ui/error-state.component';
import { Notifier } from '../shared/ui/notifier.service';
import { PageHeaderComponent } from '../shared/ui/page-header.component';
import { MotivationApi } from './motivation.api';
import { SatisfactionComponent } from './satisfaction.component';
import { StatementComponent } from './statement.component';
import { WorkloadComponent } from './workload.component';

/** A scheme field on the form: shares are typed as percentages, money as it is. */
interface SchemeField {
  key: keyof BonusSchemeSettings;
  label: TranslationKey;
  percent: boolean;
}

const SCHEME_FIELDS: readonly SchemeField[] = [
  { key: 'targetSaveRate', label: 'motivation.scheme.targetSaveRate', percent: true },
  { key: 'perPointAbove', label: 'motivation.scheme.perPointAbove', percent: false },
  { key: 'savedRevenueShare', label: 'motivation.scheme.savedRevenueShare', percent: true },
  { key: 'capShare', label: 'motivation.scheme.capShare', percent: true },
  { key: 'planExceededCut', label: 'motivation.scheme.planExceededCut', percent: true },
  { key: 'deferredShare', label: 'motivation.scheme.deferredShare', percent: true },
  { key: 'salesBonus6m', label: 'motivation.scheme.salesBonus6m', percent: false },
  { key: 'salesBonus12m', label: 'motivation.scheme.salesBonus12m', percent: false },
];

/**
 * Motivation. A manager sees the team's month (each person's statement, the bonus against the revenue it
 * saved and against salaries) and edits the bonus scheme with a preview of what it would have paid last
 * month and a plain warning when it cannot motivate anyone; an operator or a sales agent sees their own statement.
 */
@Component({
  selector: 'rc-motivation-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    TranslatePipe,
    MoneyPipe,
    ErrorStateComponent,
    MonthPickerComponent,
    PageHeaderComponent,
    StatementComponent,
    SatisfactionComponent,
    WorkloadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './motivation.page.html',
  styles: `
    @use '@angular/material' as mat;
    .rc-mv__totals { display: flex; gap: 24px; flex-wrap: wrap; margin: 12px 0; font: var(--mat-sys-body-medium); }
    .rc-mv__totals b { font: var(--mat-sys-title-medium); display: block; }
    .rc-mv__row { cursor: pointer; }
    /* The team's table fits 1280×720 in every language: compact rows, headers that wrap, the person sticky on the left. */
    .rc-mv__team {
      @include mat.table-overrides((row-item-container-height: 40px, header-container-height: 48px));
      .mat-mdc-header-cell { white-space: normal; line-height: 1.2; vertical-align: bottom; padding-bottom: 6px; }
      .mat-mdc-header-cell, .mat-mdc-cell { padding: 0 8px; }
      .mat-mdc-header-cell:first-child, .mat-mdc-cell:first-child { padding-left: 12px; }
      .rc-num { max-width: 110px; }
    }
    .rc-mv__who { display: flex; align-items: center; gap: 10px; min-width: 180px; }
    .rc-mv__rank { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); min-width: 18px; text-align: right; }
    .rc-mv__name { display: flex; flex-direction: column; line-height: 1.2; white-space: nowrap; }
    .rc-mv__name small { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .rc-mv__row--on .mat-mdc-cell { background: var(--mat-sys-secondary-container); }
    .rc-mv__row--on { background: var(--mat-sys-secondary-container); }
    .rc-mv__form { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0 16px; margin-top: 12px; }
    .rc-mv__actions { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; }
    .rc-mv__warn { color: var(--mat-sys-error); margin: 4px 0; display: flex; gap: 6px; align-items: center; }
    .rc-mv__ok { color: var(--mat-sys-primary); margin: 4px 0; }
    .rc-mv__statement { margin-top: 16px; }
  `,
})
export class MotivationPage {
  private readonly api = inject(MotivationApi);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);
  protected readonly canManage = inject(AuthService).can(Permission.MotivationManage);
  protected readonly errorMessageKey = errorMessageKey;
  protected readonly fields = SCHEME_FIELDS;
  protected readonly columns = ['name', 'saves', 'saveRate', 'savedRevenue', 'nps', 'earned', 'paid'];

  protected readonly month = signal(currentMonth());
  private readonly reloads = signal(0);
  protected readonly selected = signal<string | null>(null);

  protected readonly team = toSignal(
    combineLatest([toObservable(this.month), toObservable(this.reloads)]).pipe(switchMap(([m]) => this.api.statements(m).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<never> },
  );
  protected readonly statements = computed<StaffStatement[]>(() => {
    const t = this.team();
    return t.status === 'ready' ? t.value.statements : [];
  });
  /** The team's ranking: the bonus earned, then the save rate, then the revenue the saves kept. */
  protected readonly ranked = computed<StaffStatement[]>(() =>
    [...this.statements()].sort(
      (a, b) => this.earned(b) - this.earned(a) || (b.saveRate ?? -1) - (a.saveRate ?? -1) || b.figures.savedRevenue - a.figures.savedRevenue,
    ),
  );
  protected readonly shown = computed<StaffStatement | null>(() => {
    const list = this.statements();
    if (!this.canManage) return list[0] ?? null;
    return list.find((s) => s.userId === this.selected()) ?? null;
  });

  /** The shown statement with the requests behind it (loaded when a statement is shown; null until then). */
  protected readonly detail = toSignal(
    toObservable(this.shown).pipe(switchMap((s) => (s ? this.api.statement(s.month, s.userId).pipe(catchError(() => of(null))) : of(null)))),
    { initialValue: null },
  );

  // The scheme editor: the scheme in effect for the month, edited as a form; preview and save.
  protected readonly scheme = toSignal(
    combineLatest([toObservable(this.month), toObservable(this.reloads)]).pipe(switchMap(([m]) => this.api.scheme(m).pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<never> },
  );
  protected readonly form = signal<Record<string, number>>({});
  protected readonly preview = signal<SchemePreview | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const s = this.scheme();
      if (s.status !== 'ready') return;
      this.form.set(Object.fromEntries(SCHEME_FIELDS.map((f) => [f.key, f.percent ? round(s.value[f.key] * 100) : s.value[f.key]])));
      this.preview.set(null);
    });
  }

  protected setField(key: string, value: number): void {
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  private settings(): BonusSchemeSettings {
    const f = this.form();
    return Object.fromEntries(SCHEME_FIELDS.map((x) => [x.key, x.percent ? round(Number(f[x.key]) / 100, 4) : Number(f[x.key])])) as unknown as BonusSchemeSettings;
  }

  protected runPreview(): void {
    this.busy.set(true);
    this.api.preview(this.month(), this.settings()).subscribe({
      next: (p) => {
        this.preview.set(p);
        this.busy.set(false);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.fail(e);
      },
    });
  }

  protected save(): void {
    const s = this.scheme();
    if (s.status !== 'ready') return;
    const baseVersion = s.value.effectiveFrom === this.month() ? s.value.version : 0;
    this.busy.set(true);
    this.api.saveScheme(this.month(), { ...this.settings(), baseVersion }).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.show(this.i18n.t('motivation.scheme.saved'));
        this.reloads.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.fail(e);
      },
    });
  }

  private fail(e: unknown): void {
    const err = toApiError(e);
    // A conflict says who saved the newer version and when; anything else gets the console's own words.
    this.notifier.show(err.statusCode === 409 ? err.message : this.i18n.t(errorMessageKey(err)));
  }

  protected exportXlsx(): void {
    this.api.statementsXlsx(this.month()).subscribe((blob) => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `statements-${this.month()}.xlsx`;
      a.click();
      URL.revokeObjectURL(a.href);
    });
  }

  protected pickMonth(m: string): void {
    this.month.set(m);
    this.selected.set(null);
  }

  protected percent(x: number | null): string {
    return x === null ? '—' : `${this.i18n.number(x * 100)} %`;
  }

  protected warningKey(code: string): TranslationKey {
    return `motivation.warning.${code}` as TranslationKey;
  }

  protected earned(s: StaffStatement): number {
    return (s.operatorBonus?.earned ?? 0) + (s.salesBonus?.earned ?? 0);
  }
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
