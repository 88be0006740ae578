import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AuthService, homeFor } from '../core/auth';
import { errorMessageKey, toApiError } from '../core/http/api-error';
import { TranslatePipe, type TranslationKey } from '../core/i18n';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { LanguageSwitchComponent } from '../shared/ui/language-switch.component';

@Component({
  selector: 'rc-sign-in-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    FieldErrorPipe,
    LanguageSwitchComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });
  protected readonly busy = signal(false);
  protected readonly hidePassword = signal(true);
  private readonly failure = signal<TranslationKey | null>(null);
  /** Until the user tries again, an expired session explains why they are here. */
  protected readonly message = computed<TranslationKey | null>(
    () => this.failure() ?? (this.reason() === 'expired' ? 'signIn.expired' : null),
  );
  protected readonly isError = computed(() => this.failure() !== null);

  private readonly usernameInput = viewChild.required<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    // The one thing to do on this page is type a user name.
    afterNextRender(() => this.usernameInput().nativeElement.focus());
  }

  protected submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    this.auth.signIn(this.form.getRawValue()).subscribe({
      next: (user) => {
        this.busy.set(false);
        void this.router.navigateByUrl(this.destination(user.role));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const status = err instanceof HttpErrorResponse ? err.status : -1;
        this.failure.set(
          status === 401 ? 'signIn.wrongCredentials' : status === 429 ? 'signIn.tooMany' : errorMessageKey(toApiError(err)),
        );
        // Clear the password for the next try without flagging the empty field as an error.
        this.formDirective().resetForm({ username: this.form.controls.username.value, password: '' });
        this.passwordInput().nativeElement.focus();
      },
    });
  }

  /** Back to where the user was sent from; the route guards redirect a role that may not go there to its home. */
  private destination(role: Parameters<typeof homeFor>[0]): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/sign-in') ? url : homeFor(role);
  }
}
