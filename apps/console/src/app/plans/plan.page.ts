import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import {
  type ChurnPlanView,
  Permission,
  type PlanLineRequest,
  type PlanReasonDriver,
  type PlanVersionView,
  type PlanVsActualReport,
} from '@retention/contracts';
import { inOperatorPlan } from '@retention/domain';
import { catchError, map, of, throwError } from 'rxjs';
import { AuthService } from '../core/auth';
import { errorMessageKey, toApiError } from '../core/http/api-error';
import { I18nService, LocalDatePipe, LocalNamePipe, TranslatePipe, type TranslationKey } from '../core/i18n';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/ui/confirm.dialog';
import { ErrorStateComponent } from '../shared/ui/error-state.component';
import { Notifier } from '../shared/ui/notifier.service';
import { PageHeaderComponent } from '../shared/ui/page-header.component';
import { ReportDrill } from '../executive/drill/report-drill';
import { ReportFormat } from '../executive/data/report-format';
import { ReportLookups } from '../executive/data/report-lookups';
import { currentMonth, isMonthKey } from '../executive/data/report-query';
import { reportResource } from '../executive/data/report-resource';
import { ReportsApi } from '../executive/data/reports.api';
import { MonthPickerComponent } from '../executive/ui/month-picker.component';
import {
  actualsOf,
  differs,
  driversFor,
  type EditableLine,
  emptyLines,
  evaluate,
  type FieldProblem,
  fieldProblem,
  invalidFields,
  type LineActuals,
  type LineField,
  lineKey,
  NO_ACTUALS,
  parseMax,
  parsePercent,
  sortLines,
  toEditable,
  toRequest,
  today,
} from './plan-edit';
import { PlanFieldComponent } from './plan-field.component';
import { PlanHistoryComponent } from './plan-history.component';
import { PlanMeterComponent } from './plan-meter.component';
import { PlansApi } from './plans.api';

/** The month's saved plan, or `null` when the month has none (the API answers 404). */
type SavedPlan = ChurnPlanView | null;

interface LineView {
  key: string;
  line: EditableLine;
  serviceName: string;
  regionName: string | null;
  actuals: LineActuals;
  figures: ReturnType<typeof evaluate>;
  invalid: LineField[];
  /** What is wrong with each invalid field, said next to it. */
  problems: Partial<Record<LineField, FieldProblem>>;
  managedMax: number | null;
  unmanagedMax: number | null;
  targetSaveRate: number | null;
  alerts: { kind: 'managed' | 'unmanaged'; forecast: number; max: number; drivers: PlanReasonDriver[] }[];
}

/**
 * The monthly churn plan: per service (and optionally per region) the maximum managed and unmanaged
 * disconnections and the target save rate, against what the month has brought so far and where it is heading.
 * Managers edit and save (each save is a new version); executives read.
 */
@Component({
  selector: 'rc-plan-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    LocalNamePipe, TranslatePipe,
    LocalDatePipe,
    PageHeaderComponent,
    ErrorStateComponent,
    MonthPickerComponent,
    PlanFieldComponent,
    PlanMeterComponent,
    PlanHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan.page.html',
  styleUrl: './plan.page.scss',
})
export class PlanPage {
  private readonly api = inject(PlansApi);
  private readonly reports = inject(ReportsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly drill = inject(ReportDrill);
  protected readonly i18n = inject(I18nService);
  protected readonly fmt = inject(ReportFormat);
  protected readonly lookups = inject(ReportLookups);

  protected readonly canEdit = inject(AuthService).can(Permission.PlansManage);

  protected readonly month = toSignal(
    this.route.queryParamMap.pipe(map((p) => (isMonthKey(p.get('month')) ? (p.get('month') as string) : currentMonth()))),
    { initialValue: currentMonth() },
  );
  private readonly reloads = signal(0);
  private readonly planKey = computed(() => ({ month: this.month(), n: this.reloads() }));

  protected readonly plan = reportResource(this.planKey, ({ month }) =>
    this.api.get(month).pipe(catchError((e: unknown) => (toApiError(e).statusCode === 404 ? of<SavedPlan>(null) : throwError(() => e)))),
  );
  protected readonly versions = reportResource(this.planKey, ({ month }) =>
    this.api.versions(month).pipe(catchError(() => of<PlanVersionView[]>([]))),
  );
  /** Actuals per service for a month without a plan (or lines the plan does not have yet). */
  private readonly monthActuals = reportResource(this.month, (month) =>
    this.reports.planVsActual({ from: month, to: month }).pipe(catchError(() => of<PlanVsActualReport>({ filter: { from: month, to: month }, rows: [] }))),
  );

  /** The lines as edited (managers) or as saved (everyone else); null until the plan has loaded. */
  protected readonly lines = signal<EditableLine[] | null>(null);
  protected readonly note = signal('');
  /** Where the edited lines came from, when not from the saved plan. */
  protected readonly source = signal<'last' | 'average3' | 'empty' | null>(null);
  protected readonly busy = signal<'save' | 'last' | 'average3' | null>(null);
  protected readonly saveError = signal<string | null>(null);
  /** The month's plan moved on while it was being edited: the newest version, who saved it and when, and the one edited. */
  protected readonly conflict = signal<{ version: number; by: string | null; at: string | null; base: number } | null>(null);

  /** What the month's saved plan says (empty without one). */
  private readonly savedLines = computed<PlanLineRequest[]>(() => {
    const s = this.plan.state();
    return s.status === 'ready' && s.value ? s.value.lines : [];
  });
  protected readonly saved = computed<SavedPlan | undefined>(() => {
    const s = this.plan.state();
    return s.status === 'ready' ? s.value : undefined;
  });
  protected readonly loadError = computed(() => {
    const e = this.plan.error();
    return e ? errorMessageKey(e) : null;
  });

  protected readonly dirty = computed(() => {
    const l = this.lines();
    return l !== null && this.saved() !== undefined && (differs(l, this.savedLines()) || this.source() !== null);
  });
  protected readonly valid = computed(() => this.lines() !== null && toRequest(this.lines() ?? []) !== null);

  protected readonly asOf = computed(() => this.saved()?.asOf ?? today());

  protected readonly rows = computed<LineView[]>(() => {
    const lines = this.lines() ?? [];
    const byKey = new Map((this.saved()?.lines ?? []).map((l) => [lineKey(l), l]));
    const report = this.monthActuals.value();
    const month = this.month();
    const asOf = this.asOf();
    return lines.map((line) => {
      const key = lineKey(line);
      const savedLine = byKey.get(key);
      let actuals = savedLine ? actualsOf(savedLine) : NO_ACTUALS;
      if (!savedLine && line.region === null) {
        const r = report?.rows.find((x) => x.service === line.service);
        if (r) {
          actuals = {
            actualManaged: r.actualManaged,
            actualUnmanaged: r.actualUnmanaged,
            actualNonPayment: r.actualNonPayment,
            actualHidden: 0,
            actualSaveRate: r.actualSaveRate,
            drivers: [],
          };
        }
      }
      const figures = evaluate(line, actuals, month, asOf);
      // Each field on its own: a save rate typed wrong does not take the line's maxima out of the totals.
      const managedMax = parseMax(line.managedMax);
      const unmanagedMax = parseMax(line.unmanagedMax);
      const percent = parsePercent(line.targetSaveRate);
      const alerts: LineView['alerts'] = [];
      if (managedMax !== null && figures.alertManaged) {
        alerts.push({ kind: 'managed', forecast: figures.forecastManaged, max: managedMax, drivers: driversFor(actuals.drivers, true) });
      }
      if (unmanagedMax !== null && figures.alertUnmanaged) {
        alerts.push({ kind: 'unmanaged', forecast: figures.forecastUnmanaged, max: unmanagedMax, drivers: driversFor(actuals.drivers, false) });
      }
      const problems: Partial<Record<LineField, FieldProblem>> = {};
      for (const f of ['managedMax', 'unmanagedMax', 'targetSaveRate', 'hiddenMax'] as const) {
        const p = fieldProblem(f, line[f]);
        if (p) problems[f] = p;
      }
      return {
        key,
        line,
        serviceName: this.lookups.serviceName(line.service),
        regionName: line.region ? this.lookups.regionName(line.region) : null,
        actuals,
        figures,
        invalid: invalidFields(line),
        problems,
        managedMax,
        unmanagedMax,
        targetSaveRate: percent === null ? null : Math.round(percent * 100) / 10000,
        alerts,
      };
    });
  });
  protected readonly alertCount = computed(() => this.rows().filter((r) => r.alerts.length > 0).length);

  protected readonly totals = computed(() => {
    // The whole operator's plan, as the domain's planOfMonth reads it: a service's all-regions line, else its regional lines.
    const all = this.rows();
    const rows = all.filter((r) => inOperatorPlan(r.line, all.map((x) => x.line)));
    const add = (f: (r: LineView) => number) => rows.reduce((s, r) => s + f(r), 0);
    // A maximum that is not a number has no honest total: the total waits for it (null), never counts it as 0.
    const maxTotal = (f: (r: LineView) => number | null) => (rows.some((r) => f(r) === null) ? null : add((r) => f(r) ?? 0));
    return {
      managed: add((r) => r.actuals.actualManaged),
      managedMax: maxTotal((r) => r.managedMax),
      unmanaged: add((r) => r.actuals.actualUnmanaged),
      unmanagedMax: maxTotal((r) => r.unmanagedMax),
      invalidFields: all.reduce((n, r) => n + r.invalid.length, 0),
      nonPayment: add((r) => r.actuals.actualNonPayment),
      forecastManaged: add((r) => r.figures.forecastManaged),
      forecastUnmanaged: add((r) => r.figures.forecastUnmanaged),
    };
  });

  /** New line picker (managers). */
  protected readonly newService = signal<string | null>(null);
  protected readonly newRegion = signal<string | null>(null);
  protected readonly canAdd = computed(() => {
    const service = this.newService();
    if (!service) return false;
    const key = lineKey({ service, region: this.newRegion() });
    return !(this.lines() ?? []).some((l) => lineKey(l) === key);
  });

  constructor() {
    // A freshly loaded plan (another month, or after saving) replaces what is on screen.
    effect(() => {
      const s = this.plan.state();
      if (s.status !== 'ready') return;
      untracked(() => {
        this.lines.set(s.value ? toEditable(s.value.lines) : []);
        this.note.set('');
        this.source.set(null);
        this.saveError.set(null);
        this.conflict.set(null);
      });
    });
  }

  protected async changeMonth(month: string): Promise<void> {
    if (this.dirty() && !(await this.confirmDiscard())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { month: month === currentMonth() ? null : month } });
  }

  private confirmDiscard(): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('plan.discardTitle'),
      message: this.i18n.t('plan.discardText'),
      confirm: this.i18n.t('plan.discard'),
      danger: true,
    };
    return new Promise((resolve) =>
      this.dialog
        .open(ConfirmDialog, { data, width: '440px' })
        .afterClosed()
        .subscribe((ok) => resolve(ok === true)),
    );
  }

  protected setField(index: number, field: LineField, value: string): void {
    this.lines.update((lines) => (lines ?? []).map((l, i) => (i === index ? { ...l, [field]: value } : l)));
  }

  protected removeLine(index: number): void {
    this.lines.update((lines) => (lines ?? []).filter((_, i) => i !== index));
  }

  protected addLine(): void {
    const service = this.newService();
    if (!service || !this.canAdd()) return;
    const line: EditableLine = { service, region: this.newRegion(), managedMax: '0', unmanagedMax: '0', targetSaveRate: '0', hiddenMax: '' };
    this.lines.update((lines) => sortLines([...(lines ?? []), line]));
    this.newService.set(null);
    this.newRegion.set(null);
  }

  protected startEmpty(): void {
    this.lines.set(emptyLines(this.lookups.activeServices().map((s) => s.code)));
    this.source.set('empty');
  }

  protected fromDraft(from: 'last' | 'average3'): void {
    this.busy.set(from);
    this.api.draft(this.month(), from).subscribe({
      next: (lines) => {
        this.busy.set(null);
        this.lines.set(toEditable(lines));
        this.source.set(from);
        this.saveError.set(null);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        const err = toApiError(e);
        this.notifier.show(this.i18n.t(err.statusCode === 404 ? 'plan.noEarlierPlan' : errorMessageKey(err)));
      },
    });
  }

  protected discard(): void {
    this.lines.set(toEditable(this.savedLines()));
    this.source.set(null);
    this.note.set('');
    this.saveError.set(null);
  }

  protected save(): void {
    const lines = toRequest(this.lines() ?? []);
    if (!lines || this.busy()) return;
    this.busy.set('save');
    this.saveError.set(null);
    this.conflict.set(null);
    const note = this.note().trim() || this.defaultNote();
    const month = this.month();
    // The version this edit started from: the API refuses the save if the month's plan has moved on since.
    const baseVersion = this.saved()?.version ?? 0;
    this.api.save(month, { lines, note, baseVersion }).subscribe({
      next: (view) => {
        this.busy.set(null);
        this.notifier.show(this.i18n.t('plan.saved', { version: view.version ?? '' }));
        this.reloads.update((n) => n + 1);
      },
      error: (e: unknown) => {
        const err = toApiError(e);
        if (err.statusCode === 409 && err.error.startsWith('plan_version_')) {
          // Who saved the newest version and when; the edits stay on screen until the manager reloads.
          this.api.get(month).subscribe({
            next: (newest) => {
              this.busy.set(null);
              this.conflict.set({ version: newest.version ?? 0, by: newest.createdBy, at: newest.createdAt, base: baseVersion });
            },
            error: () => {
              this.busy.set(null);
              this.conflict.set({ version: 0, by: null, at: null, base: baseVersion });
            },
          });
          return;
        }
        this.busy.set(null);
        const fields = (err.fields ?? []).map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' · ');
        this.saveError.set(fields ? `${this.i18n.t(errorMessageKey(err))} ${fields}` : this.i18n.t(errorMessageKey(err)));
      },
    });
  }

  /** After a conflict: load the month's newest plan in place of the edits. */
  protected reload(): void {
    this.conflict.set(null);
    this.reloads.update((n) => n + 1);
  }

  /** A version without a note still says where it came from. */
  private defaultNote(): string {
    const s = this.source();
    const key: TranslationKey | null = s === 'last' ? 'plan.note.fromLast' : s === 'average3' ? 'plan.note.fromAverage' : null;
    return key ? this.i18n.t(key) : '';
  }

  protected driverText(drivers: readonly PlanReasonDriver[]): string {
    return drivers.map((d) => `${this.lookups.reasonTitle(d.reasonCode)} (${this.i18n.number(d.count, '1.0-0')})`).join(', ');
  }

  protected drillLine(row: LineView, churnType: 'managed' | 'unmanaged'): void {
    const month = this.month();
    const title = `${row.serviceName}${row.regionName ? ` (${row.regionName})` : ''}`;
    this.drill.plan(
      { bar: { service: row.line.service, label: title, managed: 0, unmanaged: 0, plan: null }, churnType },
      { from: month, to: month, ...(row.line.region ? { region: row.line.region } : {}) },
    );
  }

  /** "23 Nov 2026, 14:05" in the console language. */
  protected when(value: string | null): string {
    return this.i18n.date(value, 'd MMM y, HH:mm');
  }

  protected retry(): void {
    this.plan.retry();
  }
}
