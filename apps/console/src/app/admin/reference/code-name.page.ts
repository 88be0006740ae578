import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Notifier } from '../../shared/ui/notifier.service';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { combineLatest, filter, type Observable, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../../core/http/api-error';
import { I18nService, LocalNamePipe, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ReferenceApi } from '../../shared/data-access/reference.api';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ActiveChipComponent } from '../../shared/ui/status-chip.component';
import { CodeNameDialog, type CodeNameDialogData, type CodeNameItem } from './code-name.dialog';

export type CodeNameKind = 'regions' | 'services';

interface KindConfig {
  title: TranslationKey;
  subtitle: TranslationKey;
  create: TranslationKey;
  edit: TranslationKey;
  list: (api: ReferenceApi) => Observable<CodeNameItem[]>;
  add: (api: ReferenceApi, v: CodeNameItem) => Observable<unknown>;
  update: (api: ReferenceApi, code: string, v: CodeNameItem) => Observable<unknown>;
}

const KINDS: Readonly<Record<CodeNameKind, KindConfig>> = {
  regions: {
    title: 'reference.regions.title',
    subtitle: 'reference.regions.subtitle',
    create: 'reference.regions.new',
    edit: 'reference.regions.edit',
    list: (api) => api.regions(),
    add: (api, v) => api.createRegion(v),
    update: (api, code, v) => api.updateRegion(code, v),
  },
  services: {
    title: 'reference.services.title',
    subtitle: 'reference.services.subtitle',
    create: 'reference.services.new',
    edit: 'reference.services.edit',
    list: (api) => api.services(),
    add: (api, v) => api.createService(v),
    update: (api, code, v) => api.updateService(code, v),
  },
};

/** Regions and services: the same small list of code, name and active flag. */
@Component({
  selector: 'rc-code-name-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    LocalNamePipe, TranslatePipe,
    ActiveChipComponent,
    ErrorStateComponent,
    PageHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rc-page-header [heading]="config().title | t" [subtitle]="config().subtitle | t">
      <button mat-flat-button type="button" (click)="openDialog()" data-testid="reference-create">
        <mat-icon>add</mat-icon>{{ config().create | t }}
      </button>
    </rc-page-header>

    @if (errorKey(); as e) {
      <rc-error-state [heading]="'reference.loadError' | t" [detail]="e | t" (retry)="refresh()" />
    } @else {
      <div class="rc-table-card rc-narrow">
        @if (state().status === 'loading' || busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <table mat-table [dataSource]="items()" [attr.data-testid]="kind() + '-table'">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.code' | t }}</th>
            <td mat-cell *matCellDef="let r" class="rc-mono">{{ r.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.name' | t }}</th>
            <td mat-cell *matCellDef="let r">{{ r.name | localName: r.names }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | t }}</th>
            <td mat-cell *matCellDef="let r">
              <rc-active-chip [active]="r.active" />
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef class="rc-actions-cell"><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
            <td mat-cell *matCellDef="let r" class="rc-actions-cell">
              <button mat-icon-button type="button" (click)="openDialog(r)" [matTooltip]="'common.edit' | t" [attr.aria-label]="('common.edit' | t) + ' ' + r.code" data-testid="reference-edit">
                <mat-icon>edit</mat-icon>
              </button>
              <button
                mat-icon-button
                type="button"
                (click)="toggle(r)"
                [disabled]="busy()"
                [matTooltip]="(r.active ? 'reference.deactivate' : 'reference.activate') | t"
                [attr.aria-label]="((r.active ? 'reference.deactivate' : 'reference.activate') | t) + ' ' + r.code"
                data-testid="reference-toggle"
              >
                <mat-icon [class.rc-on]="r.active">{{ r.active ? 'toggle_on' : 'toggle_off' }}</mat-icon>
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" [class.rc-row-muted]="!row.active" data-testid="reference-row" [attr.data-code]="row.code"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell rc-muted" [attr.colspan]="columns.length">
              @if (state().status === 'ready') {
                {{ 'reference.empty' | t }}
              }
            </td>
          </tr>
        </table>
      </div>
    }
  `,
  styles: `
    .rc-narrow { max-width: 880px; }
    .rc-on { color: var(--mat-sys-primary); }
  `,
})
export class CodeNamePage {
  private readonly api = inject(ReferenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18nService);

  /** From the route's `data`. */
  readonly kind = input.required<CodeNameKind>();
  protected readonly config = computed(() => KINDS[this.kind()]);
  protected readonly columns = ['code', 'name', 'status', 'actions'];
  protected readonly busy = signal(false);
  private readonly reload = signal(0);

  protected readonly state = toSignal(
    combineLatest([toObservable(this.config), toObservable(this.reload)]).pipe(
      switchMap(([c]) => c.list(this.api).pipe(toLoadable())),
    ),
    { initialValue: LOADING as Loadable<CodeNameItem[]> },
  );
  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ready'
      ? [...s.value].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
      : [];
  });
  protected readonly errorKey = computed(() => {
    const s = this.state();
    return s.status === 'error' ? errorMessageKey(s.error) : null;
  });

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected openDialog(item?: CodeNameItem): void {
    const c = this.config();
    const data: CodeNameDialogData = {
      title: item ? c.edit : c.create,
      item,
      save: (v) => (item ? c.update(this.api, item.code, v) : c.add(this.api, v)),
    };
    this.dialog
      .open(CodeNameDialog, { data, width: '440px' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.notifier.show(this.i18n.t('common.saved'));
        this.refresh();
      });
  }

  protected toggle(item: CodeNameItem): void {
    this.busy.set(true);
    this.config()
      .update(this.api, item.code, { code: item.code, name: item.name, active: !item.active })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.refresh();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.notifier.show(this.i18n.t(errorMessageKey(toApiError(err))));
        },
      });
  }
}
