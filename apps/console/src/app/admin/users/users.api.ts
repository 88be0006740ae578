import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUserRequest, SalaryHistoryEntry, UpdateUserRequest, UserView } from '@retention/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<UserView[]> {
    return this.http.get<UserView[]>('/api/users');
  }
  create(body: CreateUserRequest): Observable<UserView> {
    return this.http.post<UserView>('/api/users', body);
  }
  update(id: string, body: UpdateUserRequest): Observable<UserView> {
    return this.http.patch<UserView>(`/api/users/${encodeURIComponent(id)}`, body);
  }
  /** Administrators only: each salary with the month it holds from, newest first. */
  salaries(id: string): Observable<SalaryHistoryEntry[]> {
    return this.http.get<SalaryHistoryEntry[]>(`/api/users/${encodeURIComponent(id)}/salaries`);
  }
  /** Sets the salary from a month (YYYY-MM) on; the answer is the whole history. */
  setSalary(id: string, month: string, monthlySalary: number | null): Observable<SalaryHistoryEntry[]> {
    return this.http.put<SalaryHistoryEntry[]>(`/api/users/${encodeURIComponent(id)}/salaries/${encodeURIComponent(month)}`, { monthlySalary });
  }
}
