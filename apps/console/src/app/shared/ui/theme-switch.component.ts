import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '../../core/i18n';
import { ThemeService } from '../../core/theme/theme.service';

/** The toolbar's light/dark switch (ThemeService: the system's setting until the user picks). */
@Component({
  selector: 'rc-theme-switch',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      (click)="theme.toggle()"
      [matTooltip]="(theme.dark() ? 'shell.themeLight' : 'shell.themeDark') | t"
      [attr.aria-label]="(theme.dark() ? 'shell.themeLight' : 'shell.themeDark') | t"
      [attr.aria-pressed]="theme.dark()"
      data-testid="theme-switch"
    >
      <mat-icon>{{ theme.dark() ? 'light_mode' : 'dark_mode' }}</mat-icon>
    </button>
  `,
})
export class ThemeSwitchComponent {
  protected readonly theme = inject(ThemeService);
}
