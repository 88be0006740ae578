import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideRouter, type Route, Router, type UrlSegment, UrlTree } from '@angular/router';
import { Permission, Role } from '@retention/contracts';
import { permissionGuard } from './auth.guards';
import { SESSION_STORAGE_KEY } from './auth.service';

function runGuard(permission: Permission): boolean | UrlTree {
  return TestBed.runInInjectionContext(() => permissionGuard(permission)({} as Route, [] as UrlSegment[])) as
    | boolean
    | UrlTree;
}

function sessionAs(role: Role): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'a.b.c', user: { username: role, role, displayName: role } }));
}

describe('permissionGuard', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  });

  it('sends a signed-out visitor to sign-in', () => {
    const result = runGuard(Permission.SubscribersRead);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toMatch(/^\/sign-in/);
  });

  it('lets a role with the permission in', () => {
    sessionAs(Role.Admin);
    expect(runGuard(Permission.UsersManage)).toBe(true);
  });

  it('sends a role without the permission to its own home', () => {
    sessionAs(Role.Operator);
    const result = runGuard(Permission.UsersManage);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/operator/desk');
  });
});
