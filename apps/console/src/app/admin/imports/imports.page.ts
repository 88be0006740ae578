import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportEntity, type ImportKind, type ImportMappingEntry, type ImportRunView } from '@retention/contracts';
import { forkJoin, interval, map, of, switchMap, takeWhile } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalDatePipe, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { Notifier } from '../../shared/ui/notifier.service';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { type ChipTone, ChipComponent } from '../../shared/ui/status-chip.component';
import { ImportsApi } from './imports.api';

const STATUS_TONE: Record<ImportRunView['status'], ChipTone> = { queued: 'info', running: 'info', completed: 'success', rejected: 'error', failed: 'error' };
/** Choice in the mapping of an unknown value: an existing code, or create a new one. */
const CREATE = '__create__';

/** The header line of a file (its first 64 kB), split on the separator it uses more: comma or semicolon. */
async function readHeaders(file: File): Promise<string[]> {
  const head = await file.slice(0, 64 * 1024).text();
  const line = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const sep = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
  return line.split(sep).map((h) => h.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
}

@Component({
  selector: 'rc-imports-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    LocalDatePipe,
    ChipComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports.page.html',
  styleUrl: './imports.page.scss',
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly reference = inject(ReferenceApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18nService);

  protected readonly kinds = IMPORT_KINDS;
  protected readonly kind = signal<ImportKind>('subscribers');
  protected readonly dryRun = signal(true);
  protected readonly file = signal<File | null>(null);
  protected readonly headers = signal<string[]>([]);
  /** Our column -> the file's header, for the columns whose names differ. */
  protected readonly columnMap = signal<Record<string, string>>({});
  protected readonly busy = signal(false);
  protected readonly uploaded = signal(0);
  protected readonly run = signal<ImportRunView | null>(null);
  /** Unknown value key (entity:value) -> chosen code, or CREATE. */
  protected readonly choices = signal<Record<string, string>>({});
  protected readonly create = CREATE;
  private readonly reload = signal(0);

  protected readonly columns = computed(() => IMPORT_COLUMNS[this.kind()]);
  /** Our columns the file's header does not name as we do: the mapping step. */
  protected readonly unmatched = computed(() => {
    const have = new Set(this.headers().map((h) => h.toLowerCase()));
    return this.headers().length ? this.columns().filter((c) => !have.has(c.name)) : [];
  });
  protected readonly mappingComplete = computed(() => this.unmatched().every((c) => !c.required || this.columnMap()[c.name]));

  protected readonly history = toSignal(
    toObservable(this.reload).pipe(switchMap(() => this.api.list().pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<{ items: ImportRunView[]; total: number }> },
  );
  protected readonly historyColumns = ['createdAt', 'kind', 'status', 'rows', 'errors', 'by'];
  protected readonly errorColumns = ['line', 'column', 'message'];

  /** Existing codes per entity, for mapping unknown values. */
  protected readonly codes = toSignal(
    forkJoin({
      region: this.reference.regions(),
      service: this.reference.services(),
      tariff: this.reference.tariffs(),
      competitor: this.reference.competitors(),
    }).pipe(map((r) => Object.fromEntries(Object.entries(r).map(([k, list]) => [k, list.map((x) => ({ code: x.code, name: x.name }))])) as Record<ImportEntity, { code: string; name: string }[]>)),
  );

  protected readonly progress = computed(() => {
    const r = this.run();
    if (this.busy() && (!r || r.status === 'queued' || r.status === 'running')) {
      if (r && r.progress.fileBytes) return Math.round((100 * r.progress.bytesRead) / r.progress.fileBytes);
      return this.uploaded();
    }
    return null;
  });

  protected statusTone(s: ImportRunView['status']): ChipTone {
    return STATUS_TONE[s];
  }
  protected kindKey(k: ImportKind): TranslationKey {
    return `imports.kind.${k}` as TranslationKey;
  }
  protected statusKey(s: ImportRunView['status']): TranslationKey {
    return `imports.status.${s}` as TranslationKey;
  }
  protected entityKey(e: ImportEntity): TranslationKey {
    return `imports.entity.${e}` as TranslationKey;
  }

  protected setKind(k: ImportKind): void {
    this.kind.set(k);
    this.columnMap.set({});
    void this.pickHeaders();
  }

  protected async choose(input: HTMLInputElement): Promise<void> {
    this.file.set(input.files?.[0] ?? null);
    this.run.set(null);
    this.columnMap.set({});
    await this.pickHeaders();
  }

  private async pickHeaders(): Promise<void> {
    const f = this.file();
    this.headers.set(f ? await readHeaders(f) : []);
  }

  protected mapColumn(ours: string, theirs: string): void {
    this.columnMap.update((m) => ({ ...m, [ours]: theirs }));
  }

  protected start(): void {
    const f = this.file();
    if (!f) return;
    this.busy.set(true);
    this.uploaded.set(0);
    this.run.set(null);
    const columns = Object.fromEntries(Object.entries(this.columnMap()).filter(([k, v]) => v && this.unmatched().some((c) => c.name === k)));
    this.api
      .start(f, this.kind(), this.dryRun(), columns)
      .pipe(
        switchMap((event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) this.uploaded.set(Math.round((100 * event.loaded) / event.total));
          if (event.type !== HttpEventType.Response || !event.body) return of(null);
          const first = event.body;
          this.run.set(first);
          if (first.status !== 'queued' && first.status !== 'running') return of(first);
          // A large file runs as a background job: follow its progress.
          return interval(1000).pipe(
            switchMap(() => this.api.get(first.id)),
            takeWhile((r) => r.status === 'queued' || r.status === 'running', true),
          );
        }),
      )
      .subscribe({
        next: (r) => {
          if (!r) return;
          this.run.set(r);
          if (r.status !== 'queued' && r.status !== 'running') this.done(r);
        },
        error: (err: unknown) => {
          this.busy.set(false);
          const e = toApiError(err);
          this.notifier.show(e.statusCode === 400 || e.statusCode === 413 || e.statusCode === 415 ? e.message : this.i18n.t(errorMessageKey(e)));
        },
      });
  }

  private done(r: ImportRunView): void {
    this.busy.set(false);
    this.choices.set(Object.fromEntries(r.unknown.map((u) => [`${u.entity}:${u.value}`, ''])));
    this.reload.update((n) => n + 1);
    this.notifier.show(this.i18n.t(r.status === 'completed' ? (r.dryRun ? 'imports.checkedMsg' : 'imports.importedMsg') : 'imports.rejectedMsg', { rows: r.rowsRead, written: r.rowsWritten }));
  }

  protected chooseCode(entity: ImportEntity, value: string, code: string): void {
    this.choices.update((c) => ({ ...c, [`${entity}:${value}`]: code }));
  }
  protected choice(entity: ImportEntity, value: string): string {
    return this.choices()[`${entity}:${value}`] ?? '';
  }

  /** A new code from billing's name: lower-case letters, digits and dashes. */
  private newCode(value: string): string {
    const code = value.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32);
    return code || `new-${Date.now().toString(36)}`;
  }

  protected saveMappings(): void {
    const r = this.run();
    if (!r) return;
    const entries: ImportMappingEntry[] = r.unknown
      .map((u) => ({ u, chosen: this.choice(u.entity, u.value) }))
      .filter(({ chosen }) => chosen)
      .map(({ u, chosen }) => (chosen === CREATE ? { entity: u.entity, source: u.value, target: this.newCode(u.value), create: true } : { entity: u.entity, source: u.value, target: chosen }));
    if (!entries.length) return;
    this.api.saveMappings(entries).subscribe({
      next: () => this.notifier.show(this.i18n.t('imports.mappingsSaved', { count: entries.length })),
      error: (err: unknown) => this.notifier.show(toApiError(err).message),
    });
  }

  protected acceptReasons(): void {
    const r = this.run();
    if (!r) return;
    this.api.acceptReasons(r.id).subscribe({
      next: () => this.notifier.show(this.i18n.t('imports.reasonsAccepted', { count: r.reasons.length })),
      error: (err: unknown) => this.notifier.show(toApiError(err).message),
    });
  }
}
