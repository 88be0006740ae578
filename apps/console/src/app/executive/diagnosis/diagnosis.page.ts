import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { DiagnosisReport } from '@retention/contracts';
import { switchMap } from 'rxjs';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { type Loadable, LOADING, toLoadable } from '../../shared/data-access/loadable';
import { ErrorStateComponent } from '../../shared/ui/error-state.component';
import { PageHeaderComponent } from '../../shared/ui/page-header.component';
import { ChipComponent } from '../../shared/ui/status-chip.component';
import { consoleQuery, pointAnswer, STATUS_TONE } from './diagnosis';

/** The diagnosis: the methodology's eleven-point checklist answered from the operator's own data (GET /api/diagnosis). */
@Component({
  selector: 'rc-diagnosis-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe, PageHeaderComponent, ChipComponent, ErrorStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <rc-page-header [heading]="'diagnosis.title' | t" [subtitle]="subtitle()" />
    @switch (state().status) {
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" />
      }
      @case ('error') {
        <rc-error-state [heading]="'diagnosis.loadError' | t" (retry)="attempt.set(attempt() + 1)" />
      }
      @case ('ready') {
        @if (report(); as r) {
          <p class="rc-diagnosis__summary" [class.rc-diagnosis__summary--bad]="r.rebuildNeeded" data-testid="diagnosis-summary">
            {{ (r.rebuildNeeded ? 'diagnosis.summary.rebuild' : 'diagnosis.summary.ok') | t: { problems: r.problems } }}
          </p>
          <ol class="rc-diagnosis" data-testid="diagnosis-points">
            @for (p of points(); track p.key) {
              <li class="rc-diagnosis__point" [attr.data-testid]="'diagnosis-' + p.key" [attr.data-status]="p.status">
                <span class="rc-diagnosis__number">{{ p.point }}</span>
                <div class="rc-diagnosis__text">
                  <strong>{{ p.title | t }}</strong>
                  <span class="rc-muted">{{ p.answer }}</span>
                </div>
                <rc-chip [tone]="p.tone">{{ p.statusLabel | t }}</rc-chip>
                <a mat-button [routerLink]="p.link.path" [queryParams]="p.query">{{ 'diagnosis.open' | t }}<mat-icon iconPositionEnd>chevron_right</mat-icon></a>
              </li>
            }
          </ol>
        }
      }
    }
  `,
  styles: `
    .rc-diagnosis { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
    .rc-diagnosis__point { display: grid; grid-template-columns: 32px 1fr auto auto; align-items: center; gap: 12px; padding: 6px 12px;
      border-radius: 8px; background: var(--mat-sys-surface-container-low); }
    .rc-diagnosis__number { font-weight: 600; text-align: center; color: var(--mat-sys-primary); }
    .rc-diagnosis__text { display: flex; flex-direction: column; gap: 2px; font-size: 13px; line-height: 1.3; }
    .rc-diagnosis__summary { margin: 0 0 8px; font-weight: 500; }
    .rc-diagnosis__summary--bad { color: var(--mat-sys-error); }
  `,
})
export class DiagnosisPage {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);
  protected readonly attempt = signal(0);
  protected readonly state = toSignal(
    toObservable(this.attempt).pipe(switchMap(() => this.http.get<DiagnosisReport>('/api/diagnosis').pipe(toLoadable()))),
    { initialValue: LOADING as Loadable<DiagnosisReport> },
  );
  protected readonly report = computed(() => {
    const s = this.state();
    return s.status === 'ready' ? s.value : null;
  });
  protected readonly subtitle = computed(() => {
    const r = this.report();
    return r ? this.i18n.t('diagnosis.subtitle', { from: this.i18n.month(r.from), to: this.i18n.month(r.to) }) : '';
  });
  protected readonly points = computed(() =>
    (this.report()?.points ?? []).map((p) => ({
      ...p,
      title: `diagnosis.${p.key}.title` as TranslationKey,
      statusLabel: `diagnosis.status.${p.status}` as TranslationKey,
      tone: STATUS_TONE[p.status],
      answer: pointAnswer(p, this.i18n),
      query: consoleQuery(p.link.query),
    })),
  );
}
