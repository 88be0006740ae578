import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { I18nService, LANGUAGES, TranslatePipe } from '../../core/i18n';

@Component({
  selector: 'rc-language-switch',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="lang-trigger"
      [matMenuTriggerFor]="menu"
      [matTooltip]="'shell.language' | t"
      [attr.aria-label]="i18n.language().toUpperCase() + ' – ' + ('shell.language' | t) + ': ' + currentName()"
      data-testid="language-switch"
    >
      <mat-icon>translate</mat-icon>
      <span class="lang-code">{{ i18n.language().toUpperCase() }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @for (lang of languages; track lang.code) {
        <button
          mat-menu-item
          type="button"
          [attr.lang]="lang.code"
          [attr.aria-checked]="lang.code === i18n.language()"
          role="menuitemradio"
          [attr.data-testid]="'language-option-' + lang.code"
          (click)="i18n.use(lang.code)"
        >
          <mat-icon>{{ lang.code === i18n.language() ? 'radio_button_checked' : 'radio_button_unchecked' }}</mat-icon>
          <span>{{ lang.nativeName }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .lang-trigger { min-width: 0; }
    .lang-code { font-weight: 500; letter-spacing: 0.04em; }
  `,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly languages = LANGUAGES;
  protected readonly currentName = computed(
    () => LANGUAGES.find((l) => l.code === this.i18n.language())?.nativeName ?? '',
  );
}
