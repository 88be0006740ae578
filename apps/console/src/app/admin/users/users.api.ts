import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUserRequest, UpdateUserRequest, UserView } from '@retention/contracts';
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
}
