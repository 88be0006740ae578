import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavContent, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService, homeFor } from '../core/auth';
import { TranslatePipe, type TranslationKey } from '../core/i18n';
import { LanguageSwitchComponent } from '../shared/ui/language-switch.component';
import { ThemeSwitchComponent } from '../shared/ui/theme-switch.component';
import { PlanAlertsComponent } from '../plans/plan-alerts.component';
import { Permission } from '@retention/contracts';
import { navFor } from './nav';

@Component({
  selector: 'rc-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    MatTooltipModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
    LanguageSwitchComponent,
    ThemeSwitchComponent,
    PlanAlertsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly sidenav = viewChild(MatSidenav);
  private readonly content = viewChild(MatSidenavContent);

  protected readonly user = this.auth.user;
  /** Plan alerts are for those who manage the plan. */
  protected readonly seesPlanAlerts = computed(() => this.auth.role() !== null && this.auth.can(Permission.PlansManage));
  protected readonly sections = computed(() => navFor(this.auth.role()));
  protected readonly home = computed(() => homeFor(this.auth.role()));
  protected readonly roleLabel = computed<TranslationKey | null>(() => {
    const role = this.auth.role();
    return role ? `role.${role}` : null;
  });
  protected readonly initials = computed(() =>
    (this.user()?.displayName ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join(''),
  );

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((r) => r.matches)),
    { initialValue: false },
  );

  constructor() {
    // The page scrolls inside the sidenav content, not the window, so the router's scroll restoration does not
    // reach it. A new page starts at the top; a change of query only (typing in a search) keeps the position.
    let lastPath = '';
    inject(Router)
      .events.pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        map((e) => e.urlAfterRedirects.split('?')[0]),
        takeUntilDestroyed(),
      )
      .subscribe((path) => {
        if (path !== lastPath) {
          this.content()?.scrollTo({ top: 0 });
        }
        lastPath = path;
      });
  }

  protected closeIfCompact(): void {
    if (this.compact()) {
      void this.sidenav()?.close();
    }
  }

  protected signOut(): void {
    this.auth.signOut();
  }
}
