import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { HiddenChurnRulesView, HiddenChurnScanView } from '@retention/contracts';
import { HIDDEN_CHURN_PARAMETER_BOUNDS, HIDDEN_CHURN_SIGNALS, type HiddenChurnParameterBound, type HiddenChurnSignal, MAX_SIGNAL_WEIGHT } from '@retention/domain';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { HiddenChurnApi } from '../../shared/data-access/hidden-churn.api';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { integerValidator } from '../../shared/ui/validators';

interface ParameterField {
  name: string;
  min: number;
  max: number;
  integer: boolean;
  step: number;
}

/** One row of the editor: a rule with its switch, its weight and its thresholds (bounds from the domain). */
interface RuleRow {
  signal: HiddenChurnSignal;
  parameters: ParameterField[];
}

const ROWS: RuleRow[] = HIDDEN_CHURN_SIGNALS.map((signal) => ({
  signal,
  parameters: Object.entries(HIDDEN_CHURN_PARAMETER_BOUNDS[signal] as Record<string, HiddenChurnParameterBound>).map(([name, b]) => ({
    name,
    min: b.min,
    max: b.max,
    integer: b.integer,
    step: b.integer ? 1 : 0.01,
  })),
}));

function ruleGroup(row: RuleRow): FormGroup {
  const controls: Record<string, FormControl> = {
    enabled: new FormControl(true, { nonNullable: true }),
    weight: new FormControl<number | null>(null, [Validators.required, Validators.min(0), Validators.max(MAX_SIGNAL_WEIGHT), integerValidator]),
  };
  for (const p of row.parameters) {
    controls[p.name] = new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(p.min),
      Validators.max(p.max),
      ...(p.integer ? [integerValidator] : []),
    ]);
  }
  return new FormGroup(controls);
}

/**
 * The manager's editor of the hidden-churn rules: each rule on or off, its weight in the risk score and its
 * thresholds, within the domain's bounds. Saving sends the whole set, which the API keeps as a new version (none when
 * nothing changed); the API's field problems (`rules.<rule>.<parameter>`) land under their fields. The header says
 * which version is in force and which one the last scan used.
 */
@Component({
  selector: 'rc-hidden-churn-rules-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    FieldErrorPipe,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hidden-churn-rules.page.html',
  styles: `
    .rc-hcr__status { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-bottom: 8px; }
    .rc-hcr__form { padding: 8px 16px 12px; }
    .rc-hcr__row {
      display: grid; grid-template-columns: minmax(0, 1fr) 110px 170px 170px; gap: 12px; align-items: center;
      padding: 4px 0; border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .rc-hcr__rule { display: flex; gap: 12px; align-items: center; min-width: 0; }
    .rc-hcr__name { font-weight: 500; }
    .rc-hcr__hint { font-size: 12px; line-height: 16px; }
    .rc-hcr__row mat-form-field { width: 100%; }
    .rc-hcr__off { opacity: 0.6; }
    .rc-hcr__actions { display: flex; gap: 12px; align-items: center; padding-top: 12px; }
    .rc-hcr__actions mat-form-field { flex: 1; }
  `,
})
export class HiddenChurnRulesPage {
  private readonly api = inject(HiddenChurnApi);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18nService);

  protected readonly rows = ROWS;
  protected readonly maxWeight = MAX_SIGNAL_WEIGHT;
  protected readonly form = new FormGroup({
    rules: new FormGroup(Object.fromEntries(ROWS.map((r) => [r.signal, ruleGroup(r)]))),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
  protected readonly submit = new FormSubmit(this.i18n, this.form);

  protected readonly current = signal<HiddenChurnRulesView | null>(null);
  protected readonly lastScan = signal<HiddenChurnScanView | null>(null);
  protected readonly loadError = signal(false);
  /** Whether the last scan ran with older rules than the ones in force. */
  protected readonly scanBehind = computed(() => {
    const s = this.lastScan();
    const c = this.current();
    return !!s && !!c && s.rulesVersion !== c.version;
  });

  constructor() {
    this.api.rules().subscribe({
      next: (r) => this.show(r),
      error: (e: unknown) => {
        this.loadError.set(true);
        this.notifier.show(this.i18n.t(errorMessageKey(toApiError(e))));
      },
    });
    this.api.scans().subscribe((s) => this.lastScan.set(s.find((x) => x.status === 'completed') ?? null));
  }

  protected ruleKey(signal: string): TranslationKey {
    return `hiddenChurn.rule.${signal}` as TranslationKey;
  }
  protected hintKey(signal: string): TranslationKey {
    return `hiddenChurn.ruleHint.${signal}` as TranslationKey;
  }
  protected paramKey(signal: string, name: string): TranslationKey {
    return `hiddenChurn.param.${signal}.${name}` as TranslationKey;
  }
  protected control(signal: string, name: string): FormControl {
    return this.form.get(['rules', signal, name]) as FormControl;
  }
  protected enabled(signal: string): boolean {
    return this.control(signal, 'enabled').value === true;
  }

  /** Puts the rules in force in the form and marks it clean. */
  private show(r: HiddenChurnRulesView): void {
    this.current.set(r);
    this.form.reset({ rules: r.rules as Record<string, Record<string, number | boolean>>, note: '' });
  }

  protected undo(): void {
    const r = this.current();
    if (r) this.show(r);
  }

  protected save(): void {
    const before = this.current()?.version;
    const v = this.form.getRawValue();
    const rules = Object.fromEntries(
      ROWS.map((row) => {
        const g = v.rules[row.signal] as Record<string, number | boolean | string | null>;
        const out: Record<string, number | boolean> = { enabled: g['enabled'] === true, weight: Number(g['weight']) };
        for (const p of row.parameters) out[p.name] = Number(g[p.name]);
        return [row.signal, out];
      }),
    ) as HiddenChurnRulesView['rules'];
    this.submit.run(
      () => this.api.updateRules(rules, v.note.trim()),
      (r) => {
        this.show(r);
        this.notifier.show(this.i18n.t(r.version === before ? 'hiddenChurn.rules.unchanged' : 'hiddenChurn.rules.saved', { version: r.version }));
      },
    );
  }
}
