import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RecordedSurveyAnswer, RecordSurveyRequest } from '@retention/contracts';
import type { Observable } from 'rxjs';

/** `POST /api/surveys`: a subscriber's NPS or CSAT answer, counted for their representative. */
@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  record(body: RecordSurveyRequest): Observable<RecordedSurveyAnswer> {
    return this.http.post<RecordedSurveyAnswer>('/api/surveys', body);
  }
}
