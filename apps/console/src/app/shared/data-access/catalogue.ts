import { computed, inject, Injectable, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ChurnReasonView, CompetitorView, OfferView, RegionView, ServiceView } from '@retention/contracts';
import { catchError, combineLatest, of, switchMap } from 'rxjs';
import { I18nService } from '../../core/i18n';
import { ClassifierApi } from './classifier.api';
import { ReferenceApi } from './reference.api';

/**
 * The lookups a request screen needs to show codes as words: the classifier's reasons and the offers (both in
 * the console language), competitors, services and regions. Provide it on the page (`providers: [Catalogue]`) so that
 * every visit reads the current classifier; a failed lookup leaves codes visible instead of breaking the page.
 */
@Injectable()
export class Catalogue {
  private readonly classifier = inject(ClassifierApi);
  private readonly reference = inject(ReferenceApi);
  private readonly i18n = inject(I18nService);
  private readonly reloads = signal(0);

  private readonly lang$ = combineLatest([toObservable(this.i18n.language), toObservable(this.reloads)]);

  readonly reasons = toSignal(
    this.lang$.pipe(switchMap(([lang]) => this.classifier.reasons(lang).pipe(catchError(() => of<ChurnReasonView[]>([]))))),
    { initialValue: [] as ChurnReasonView[] },
  );
  readonly offers = toSignal(
    this.lang$.pipe(switchMap(([lang]) => this.classifier.offers(lang).pipe(catchError(() => of<OfferView[]>([]))))),
    { initialValue: [] as OfferView[] },
  );
  readonly competitors = toSignal(this.reference.competitors().pipe(catchError(() => of<CompetitorView[]>([]))), {
    initialValue: [] as CompetitorView[],
  });
  readonly services = toSignal(this.reference.services().pipe(catchError(() => of<ServiceView[]>([]))), {
    initialValue: [] as ServiceView[],
  });
  readonly regions = toSignal(this.reference.regions().pipe(catchError(() => of<RegionView[]>([]))), {
    initialValue: [] as RegionView[],
  });

  private readonly reasonMap = computed(() => new Map(this.reasons().map((r) => [r.code, r])));
  private readonly offerMap = computed(() => new Map(this.offers().map((o) => [o.code, o])));
  private readonly competitorMap = computed(() => new Map(this.competitors().map((c) => [c.id, c])));
  private readonly serviceMap = computed(() => new Map(this.services().map((s) => [s.code, this.i18n.localName(s.name, s.names)])));
  private readonly regionMap = computed(() => new Map(this.regions().map((r) => [r.code, this.i18n.localName(r.name, r.names)])));

  reload(): void {
    this.reloads.update((n) => n + 1);
  }

  reason(code: string | null | undefined): ChurnReasonView | undefined {
    return code ? this.reasonMap().get(code) : undefined;
  }
  reasonTitle(code: string | null | undefined): string {
    return code ? (this.reasonMap().get(code)?.title ?? code) : '';
  }
  offer(code: string | null | undefined): OfferView | undefined {
    return code ? this.offerMap().get(code) : undefined;
  }
  offerTitle(code: string | null | undefined): string {
    return code ? (this.offerMap().get(code)?.title ?? code) : '';
  }
  competitorName(id: string | null | undefined): string {
    const c = id ? this.competitorMap().get(id) : undefined;
    return c ? this.i18n.localName(c.name, c.names) : '';
  }
  serviceName(code: string): string {
    return this.serviceMap().get(code) ?? code;
  }
  serviceNames(codes: readonly string[] | null | undefined): string {
    return (codes ?? []).map((c) => this.serviceName(c)).join(', ');
  }
  regionName(code: string): string {
    return this.regionMap().get(code) ?? code;
  }
}
