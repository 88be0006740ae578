import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role } from '@retention/contracts';
import { authInterceptor } from '../core/auth';
import { I18nService } from '../core/i18n';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let backend: HttpTestingController;

  async function render() {
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = <T extends Element>(id: string) => el.querySelector(`[data-testid="${id}"]`) as T;
    const type = (id: string, value: string) => {
      const input = q<HTMLInputElement>(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      q<HTMLButtonElement>('sign-in-submit').click();
      await fixture.whenStable();
    };
    return { fixture, q, type, submit };
  }

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(I18nService).use('en');
  });

  afterEach(() => backend.verify());

  it('says "wrong user name or password" on 401, in the chosen language', async () => {
    const { fixture, q, type, submit } = await render();
    type('sign-in-username', 'operator');
    type('sign-in-password', 'nope');
    await submit();
    backend.expectOne('/api/auth/login').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(q('sign-in-error').textContent).toContain('Wrong user name or password.');

    await TestBed.inject(I18nService).use('ru');
    await fixture.whenStable();
    expect(q('sign-in-error').textContent).toContain('Неверный логин или пароль.');
  });

  it('explains 429 as too many attempts', async () => {
    const { fixture, q, type, submit } = await render();
    type('sign-in-username', 'operator');
    type('sign-in-password', 'x');
    await submit();
    backend.expectOne('/api/auth/login').flush({ statusCode: 429 }, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect(q('sign-in-error').textContent).toContain('Too many sign-in attempts');
  });

  it('sends nothing while a field is empty', async () => {
    const { submit } = await render();
    await submit();
    backend.expectNone('/api/auth/login');
  });

  it('goes to the role home after signing in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { fixture, type, submit } = await render();
    type('sign-in-username', 'admin');
    type('sign-in-password', 'admin');
    await submit();
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: 'admin', password: 'admin' });
    req.flush({ accessToken: 't', user: { username: 'admin', role: Role.Admin, displayName: 'A' } });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/admin/users');
  });
});
