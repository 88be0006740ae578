import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthService, homeFor } from '../core/auth';
import { TranslatePipe } from '../core/i18n';

@Component({
  selector: 'rc-not-found-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-empty rc-empty--page" data-testid="not-found">
      <mat-icon class="rc-empty__icon">travel_explore</mat-icon>
      <h1 class="rc-page-title">{{ 'notFound.title' | t }}</h1>
      <p>{{ 'notFound.text' | t }}</p>
      <a mat-flat-button [routerLink]="home">{{ 'notFound.home' | t }}</a>
    </div>
  `,
})
export class NotFoundPage {
  protected readonly home = homeFor(inject(AuthService).role());
}
