import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  isRole,
  type LoginRequest,
  type LoginResponse,
  type Permission,
  roleHasPermission,
  type UserSummary,
} from '@retention/contracts';
import { map, type Observable } from 'rxjs';

export const SESSION_STORAGE_KEY = 'rc.session';
export const LOGOUT_URL = '/api/auth/logout';

export interface Session {
  accessToken: string;
  user: UserSummary;
}

/** Seconds since the epoch at which the JWT expires, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) {
      return null;
    }
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.accessToken !== 'string' || !s.user || !isRole(s.user.role)) {
      return null;
    }
    const exp = tokenExpiry(s.accessToken);
    if (exp !== null && exp * 1000 <= Date.now()) {
      return null;
    }
    return { accessToken: s.accessToken, user: s.user };
  } catch {
    return null;
  }
}

/**
 * The signed-in user and their token. The token lives in sessionStorage: it survives a reload of the tab
 * but not closing it, and is not shared with other tabs (two operators on one PC keep their sessions).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed(() => this.session()?.user.role ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);

  can(permission: Permission): boolean {
    const role = this.role();
    return role !== null && roleHasPermission(role, permission);
  }

  signIn(request: LoginRequest): Observable<UserSummary> {
    return this.http.post<LoginResponse>('/api/auth/login', request).pipe(
      map((res) => {
        this.store({ accessToken: res.accessToken, user: res.user });
        return res.user;
      }),
    );
  }

  /**
   * Ends the session on the server (its token is refused from then on) and forgets it here. The console does not
   * wait for the answer: the user is signed out locally whatever the network does.
   */
  signOut(): void {
    const token = this.token();
    if (token) {
      this.http
        .post<void>(LOGOUT_URL, null, { headers: { Authorization: `Bearer ${token}` } })
        .subscribe({ error: () => undefined });
    }
    this.store(null);
    void this.router.navigate(['/sign-in']);
  }

  /** The API said the token is no longer good (401): back to sign-in, then back to where the user was. */
  expire(): void {
    if (!this.session()) {
      return;
    }
    const returnUrl = this.router.url;
    this.store(null);
    void this.router.navigate(['/sign-in'], {
      queryParams: { reason: 'expired', returnUrl: returnUrl.startsWith('/sign-in') ? null : returnUrl },
    });
  }

  private store(session: Session | null): void {
    this.session.set(session);
    try {
      if (session) {
        sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      } else {
        sessionStorage.removeItem(SESSION_STORAGE_KEY);
      }
    } catch {
      // Storage unavailable: the session lasts as long as the page.
    }
  }
}
