import { HttpClient, HttpParams } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ChurnReasonView, CompetitorView, RegionView, ServiceView } from '@retention/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { I18nService } from '../../core/i18n';
import { competitorColor } from '../charts/palette';

/**
 * Codes as words for the reports and the plan: service and region names, and the classifier's reason titles in
 * the console language. A failed lookup leaves the codes visible rather than breaking a report.
 */
@Injectable({ providedIn: 'root' })
export class ReportLookups {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);

  readonly services = toSignal(this.http.get<ServiceView[]>('/api/services').pipe(catchError(() => of<ServiceView[]>([]))), {
    initialValue: [] as ServiceView[],
  });
  readonly regions = toSignal(this.http.get<RegionView[]>('/api/regions').pipe(catchError(() => of<RegionView[]>([]))), {
    initialValue: [] as RegionView[],
  });
  readonly reasons = toSignal(
    toObservable(this.i18n.language).pipe(
      switchMap((lang) =>
        this.http
          .get<ChurnReasonView[]>('/api/churn-reasons', { params: new HttpParams().set('lang', lang) })
          .pipe(catchError(() => of<ChurnReasonView[]>([]))),
      ),
    ),
    { initialValue: [] as ChurnReasonView[] },
  );

  readonly competitors = toSignal(this.http.get<CompetitorView[]>('/api/competitors').pipe(catchError(() => of<CompetitorView[]>([]))), {
    initialValue: [] as CompetitorView[],
  });
  private readonly competitorIds = computed(() => this.competitors().map((c) => c.id));

  readonly activeServices = computed(() => this.services().filter((s) => s.active));
  readonly activeRegions = computed(() => this.regions().filter((r) => r.active));

  private readonly serviceMap = computed(() => new Map(this.services().map((s) => [s.code, this.i18n.localName(s.name, s.names)])));
  private readonly regionMap = computed(() => new Map(this.regions().map((r) => [r.code, this.i18n.localName(r.name, r.names)])));
  private readonly reasonMap = computed(() => new Map(this.reasons().map((r) => [r.code, r])));

  /** The competitor's one colour, the same in every chart and legend. */
  competitorColor(id: string, kind: 'competitor' | 'unknown' | 'moved-out'): string {
    return competitorColor(id, kind, this.competitorIds());
  }

  serviceName(code: string | null | undefined): string {
    return code ? (this.serviceMap().get(code) ?? code) : '';
  }
  regionName(code: string | null | undefined): string {
    return code ? (this.regionMap().get(code) ?? code) : '';
  }
  reasonTitle(code: string | null | undefined): string {
    return code ? (this.reasonMap().get(code)?.title ?? code) : '';
  }
  reason(code: string): ChurnReasonView | undefined {
    return this.reasonMap().get(code);
  }
  /** The classifier's group of reasons, translated when the console knows it. */
  groupName(group: string): string {
    return this.i18n.tryT(`reasonGroup.${group}`, group);
  }
}
