import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@retention/contracts';
import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;

  function signIn(): void {
    auth.signIn({ username: 'operator', password: 'operator' }).subscribe();
    backend.expectOne('/api/auth/login').flush({
      accessToken: 'token-123',
      user: { username: 'operator', role: Role.Operator, displayName: 'Olena' },
    });
  }

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls once signed in', () => {
    signIn();
    http.get('/api/subscribers').subscribe();
    expect(backend.expectOne('/api/subscribers').request.headers.get('Authorization')).toBe('Bearer token-123');
  });

  it('keeps the session in sessionStorage', () => {
    signIn();
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').accessToken).toBe('token-123');
  });

  it('sends no header before sign-in, with the login call, or to another origin', () => {
    http.get('/api/regions').subscribe();
    expect(backend.expectOne('/api/regions').request.headers.has('Authorization')).toBe(false);

    signIn();
    http.get('https://example.com/api/x').subscribe();
    expect(backend.expectOne('https://example.com/api/x').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 forgets the session and goes to sign-in with the way back', async () => {
    signIn();
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    let failed = false;
    http.get('/api/users').subscribe({ error: () => (failed = true) });
    backend.expectOne('/api/users').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });

    expect(failed).toBe(true);
    expect(auth.isSignedIn()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], expect.objectContaining({ queryParams: expect.objectContaining({ reason: 'expired' }) }));
  });

  it('signing out ends the session on the server with its token and forgets it here', () => {
    signIn();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.signOut();
    const logout = backend.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer token-123');
    expect(auth.isSignedIn()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/sign-in']);
    // The server's answer changes nothing more, even a 401 for a token that had already ended.
    logout.flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('signing out while signed out calls nothing', () => {
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.signOut();
    backend.expectNone('/api/auth/logout');
  });

  it('does not treat a 401 from the login call as an expired session', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    auth.signIn({ username: 'x', password: 'bad' }).subscribe({ error: () => undefined });
    backend.expectOne('/api/auth/login').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    expect(navigate).not.toHaveBeenCalled();
  });
});
