import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

const LOGIN_URL = '/api/auth/login';

function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}

/**
 * Adds `Authorization: Bearer <token>` to calls of our own API (never to other origins), and sends the user
 * to sign-in when the API answers 401. A 401 from the login call itself means wrong credentials, which the
 * sign-in page shows.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const token = auth.token();
  const isLogin = req.url === LOGIN_URL;
  const outgoing =
    token && isApiUrl(req.url) && !isLogin ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(outgoing).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && isApiUrl(req.url) && !isLogin) {
        auth.expire();
      }
      return throwError(() => err);
    }),
  );
};
