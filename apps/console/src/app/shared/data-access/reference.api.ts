import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CompetitorTariffView,
  CompetitorView,
  RegionView,
  ServiceView,
  TariffView,
  UpsertCompetitorRequest,
  UpsertCompetitorTariffRequest,
  UpsertRegionRequest,
  UpsertServiceRequest,
  UpsertTariffRequest,
} from '@retention/contracts';
import type { Observable } from 'rxjs';

/** Reference data: everyone may read it (reference:read), only administrators write (reference:write). */
@Injectable({ providedIn: 'root' })
export class ReferenceApi {
  private readonly http = inject(HttpClient);

  regions(): Observable<RegionView[]> {
    return this.http.get<RegionView[]>('/api/regions');
  }
  createRegion(body: UpsertRegionRequest): Observable<RegionView> {
    return this.http.post<RegionView>('/api/regions', body);
  }
  updateRegion(code: string, body: UpsertRegionRequest): Observable<RegionView> {
    return this.http.put<RegionView>(`/api/regions/${encodeURIComponent(code)}`, body);
  }

  services(): Observable<ServiceView[]> {
    return this.http.get<ServiceView[]>('/api/services');
  }
  createService(body: UpsertServiceRequest): Observable<ServiceView> {
    return this.http.post<ServiceView>('/api/services', body);
  }
  updateService(code: string, body: UpsertServiceRequest): Observable<ServiceView> {
    return this.http.put<ServiceView>(`/api/services/${encodeURIComponent(code)}`, body);
  }

  tariffs(): Observable<TariffView[]> {
    return this.http.get<TariffView[]>('/api/tariffs');
  }
  createTariff(body: UpsertTariffRequest): Observable<TariffView> {
    return this.http.post<TariffView>('/api/tariffs', body);
  }
  updateTariff(code: string, body: UpsertTariffRequest): Observable<TariffView> {
    return this.http.put<TariffView>(`/api/tariffs/${encodeURIComponent(code)}`, body);
  }

  competitors(): Observable<CompetitorView[]> {
    return this.http.get<CompetitorView[]>('/api/competitors');
  }
  createCompetitor(body: UpsertCompetitorRequest): Observable<CompetitorView> {
    return this.http.post<CompetitorView>('/api/competitors', body);
  }
  updateCompetitor(code: string, body: UpsertCompetitorRequest): Observable<CompetitorView> {
    return this.http.put<CompetitorView>(`/api/competitors/${encodeURIComponent(code)}`, body);
  }
  addCompetitorTariff(code: string, body: UpsertCompetitorTariffRequest): Observable<CompetitorTariffView> {
    return this.http.post<CompetitorTariffView>(`/api/competitors/${encodeURIComponent(code)}/tariffs`, body);
  }
  deleteCompetitorTariff(code: string, id: string): Observable<void> {
    return this.http.delete<void>(`/api/competitors/${encodeURIComponent(code)}/tariffs/${encodeURIComponent(id)}`);
  }
}
