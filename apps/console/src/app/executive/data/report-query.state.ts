import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';
import { parseReportQuery, periodOf, type ReportQuery, toQueryParams } from './report-query';

/**
 * The report filter of the current page, read from and written to the URL. Provide it on the page
 * (`providers: [ReportQueryState]`) so that it sees the page's route.
 */
@Injectable()
export class ReportQueryState {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  readonly query = toSignal(this.route.queryParamMap.pipe(map((p) => parseReportQuery(p))), {
    initialValue: parseReportQuery(this.route.snapshot.queryParamMap),
    equal: (a, b) => a.month === b.month && a.span === b.span && a.service === b.service && a.region === b.region,
  });
  readonly period = computed(() => periodOf(this.query()));

  update(change: Partial<ReportQuery>): void {
    const next = { ...this.query(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(next), queryParamsHandling: 'merge' });
  }
}
