import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportKind, ImportMappingEntry, ImportMappingView, ImportRunView } from '@retention/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** Sends the file as the body, reporting upload progress; 201 (done) or 202 (queued as a job). */
  start(file: Blob, kind: ImportKind, dryRun: boolean, columns: Record<string, string>): Observable<HttpEvent<ImportRunView>> {
    let params: Record<string, string> = { kind, dryRun: String(dryRun) };
    if (Object.keys(columns).length) params = { ...params, columns: JSON.stringify(columns) };
    return this.http.post<ImportRunView>('/api/imports', file, {
      params,
      headers: { 'Content-Type': 'text/csv' },
      reportProgress: true,
      observe: 'events',
    });
  }
  get(id: string): Observable<ImportRunView> {
    return this.http.get<ImportRunView>(`/api/imports/${encodeURIComponent(id)}`);
  }
  list(): Observable<{ items: ImportRunView[]; total: number }> {
    return this.http.get<{ items: ImportRunView[]; total: number }>('/api/imports', { params: { limit: 20 } });
  }
  saveMappings(entries: ImportMappingEntry[]): Observable<ImportMappingView[]> {
    return this.http.put<ImportMappingView[]>('/api/imports/mappings', { entries });
  }
  acceptReasons(id: string): Observable<ImportMappingView[]> {
    return this.http.post<ImportMappingView[]>(`/api/imports/${encodeURIComponent(id)}/accept-reasons`, {});
  }
}
