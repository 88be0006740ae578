import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ChurnReasonDetail, LangCode, LocalizedText, OfferView } from '@retention/contracts';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { ClassifierApi } from '../../shared/data-access/classifier.api';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { changes, emptyText, LANGS, missingTexts, moveItem, type ReasonDraft, toDraft } from './reason-edit';

export interface ReasonEditorData {
  code: string;
  offers: readonly OfferView[];
}

type ListKey = 'typicalPhrases' | 'questions' | 'arguments' | 'closing';

/**
 * One classifier point in full: norm, managed/unmanaged, competitor flag, texts and typical phrases, the retention
 * script and the offer chain, each text in English, Russian and Ukrainian. Saving creates a new classifier
 * version; requests resolved before keep the version they were resolved with.
 */
@Component({
  selector: 'rc-reason-editor-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTabsModule,
    MatTooltipModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reason-editor.dialog.html',
  styleUrl: './reason-editor.dialog.scss',
})
export class ReasonEditorDialog {
  protected readonly data = inject<ReasonEditorData>(MAT_DIALOG_DATA);
  private readonly api = inject(ClassifierApi);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject(MatDialogRef<ReasonEditorDialog, ChurnReasonDetail>);

  protected readonly langs = LANGS;
  /** The language being edited; starts with the console's. */
  protected readonly lang = signal<LangCode>(this.i18n.language());
  protected readonly draft = signal<ReasonDraft | null>(null);
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sections: readonly { key: Exclude<ListKey, 'typicalPhrases'>; label: TranslationKey; add: TranslationKey }[] = [
    { key: 'questions', label: 'script.questions', add: 'classifier.addQuestion' },
    { key: 'arguments', label: 'script.arguments', add: 'classifier.addArgument' },
    { key: 'closing', label: 'script.closing', add: 'classifier.addClosing' },
  ];

  protected readonly state = toSignal(this.api.reason(this.data.code, this.i18n.language()).pipe(toLoadable()), {
    initialValue: LOADING as Loadable<ChurnReasonDetail>,
  });
  protected readonly original = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value : null;
  });
  protected readonly missing = computed(() => {
    const d = this.draft();
    return d ? missingTexts(d) : { en: 0, ru: 0, uk: 0 };
  });
  protected readonly incomplete = computed(() => LANGS.some((l) => this.missing()[l] > 0));
  protected readonly body = computed(() => {
    const o = this.original();
    const d = this.draft();
    return o && d ? changes(o, d, this.note()) : null;
  });
  protected readonly thresholdInvalid = computed(() => {
    const p = this.draft()?.thresholdPercent;
    return p === null || p === undefined || Number.isNaN(p) || p < 0 || p > 100;
  });
  protected readonly offerTitles = computed(() => new Map(this.data.offers.map((o) => [o.code, o.title])));
  protected readonly addableOffers = computed(() => {
    const chain = new Set(this.draft()?.offerCodes ?? []);
    return this.data.offers.filter((o) => o.active && !chain.has(o.code));
  });

  constructor() {
    effect(() => {
      const o = this.original();
      if (o && !untracked(this.draft)) this.draft.set(toDraft(o));
    });
  }

  protected list(d: ReasonDraft, key: ListKey): LocalizedText[] {
    return key === 'typicalPhrases' ? d.typicalPhrases : d.script[key];
  }

  protected edit(mutate: (d: ReasonDraft) => void): void {
    const d = this.draft();
    if (!d) return;
    const next = structuredClone(d);
    mutate(next);
    this.draft.set(next);
  }

  protected setThreshold(value: number | string | null): void {
    const n = value === null || value === '' ? null : Number(value);
    this.edit((d) => (d.thresholdPercent = n));
  }

  protected setFlag(flag: 'managed' | 'impliesCompetitor', on: boolean): (d: ReasonDraft) => void {
    return (d) => (d[flag] = on);
  }

  protected setText(target: LocalizedText, value: string): void {
    // `target` belongs to the current draft; the clone below keeps the signal immutable.
    const lang = this.lang();
    this.edit((d) => {
      const found = this.locate(d, target);
      if (found) found[lang] = value;
    });
  }

  protected addLine(key: ListKey): void {
    this.edit((d) => this.list(d, key).push(emptyText()));
  }

  protected removeLine(key: ListKey, i: number): void {
    this.edit((d) => this.list(d, key).splice(i, 1));
  }

  protected moveLine(key: ListKey, i: number, delta: -1 | 1): void {
    this.edit((d) => {
      const moved = moveItem(this.list(d, key), i, delta);
      if (key === 'typicalPhrases') d.typicalPhrases = moved;
      else d.script[key] = moved;
    });
  }

  protected addObjection(): void {
    this.edit((d) => d.script.objections.push({ objection: emptyText(), answer: emptyText() }));
  }

  protected removeObjection(i: number): void {
    this.edit((d) => d.script.objections.splice(i, 1));
  }

  protected addOffer(code: string): void {
    this.edit((d) => d.offerCodes.push(code));
  }

  protected removeOffer(i: number): void {
    this.edit((d) => d.offerCodes.splice(i, 1));
  }

  protected moveOffer(i: number, delta: -1 | 1): void {
    this.edit((d) => (d.offerCodes = moveItem(d.offerCodes, i, delta)));
  }

  protected save(): void {
    const body = this.body();
    if (!body || this.busy() || this.incomplete() || this.thresholdInvalid()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.updateReason(this.data.code, body, this.i18n.language()).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        this.error.set(e.fields?.length ? e.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('\n') : this.i18n.t(errorMessageKey(e)));
      },
    });
  }

  /** The same text object inside a cloned draft (found by its position). */
  private locate(clone: ReasonDraft, target: LocalizedText): LocalizedText | null {
    const d = this.draft();
    if (!d) return null;
    if (target === d.titles) return clone.titles;
    if (target === d.descriptions) return clone.descriptions;
    for (const key of ['typicalPhrases', 'questions', 'arguments', 'closing'] as ListKey[]) {
      const i = this.list(d, key).indexOf(target);
      if (i >= 0) return this.list(clone, key)[i];
    }
    for (let i = 0; i < d.script.objections.length; i++) {
      if (d.script.objections[i].objection === target) return clone.script.objections[i].objection;
      if (d.script.objections[i].answer === target) return clone.script.objections[i].answer;
    }
    return null;
  }
}
