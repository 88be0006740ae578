import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { AuthService } from '../auth/auth.service';

export type ThemeChoice = 'light' | 'dark';

/**
 * Whether the console shows its dark theme now. Chart colours (charts/chart-theme.ts) read it inside their
 * computed options, so a chart redraws in the other theme's colours when it changes.
 */
export const DARK_THEME = signal(false);

const STORAGE_PREFIX = 'rc.theme';

/**
 * Light or dark: the system's setting (prefers-color-scheme) until the user picks one with the toolbar switch;
 * the pick is kept in localStorage per user name (a call-centre machine is shared), and sets the page's
 * `color-scheme`, which Material's `light-dark()` tokens and the console's own tones follow.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly auth = inject(AuthService);
  private readonly media = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
  private readonly systemDark = signal(this.media?.matches ?? false);
  private readonly picks = signal(0);

  private readonly key = computed(() => {
    const user = this.auth.user();
    return user ? `${STORAGE_PREFIX}:${user.username}` : STORAGE_PREFIX;
  });

  /** The user's own pick, or null to follow the system. */
  readonly choice = computed<ThemeChoice | null>(() => {
    this.picks();
    try {
      const v = localStorage.getItem(this.key());
      return v === 'light' || v === 'dark' ? v : null;
    } catch {
      return null;
    }
  });
  readonly dark = computed(() => (this.choice() ?? (this.systemDark() ? 'dark' : 'light')) === 'dark');

  constructor() {
    this.media?.addEventListener?.('change', (e) => this.systemDark.set(e.matches));
    effect(() => {
      const choice = this.choice();
      // Unset: the stylesheet's `color-scheme: light dark` follows the system.
      this.document.documentElement.style.colorScheme = choice ?? '';
      DARK_THEME.set(this.dark());
    });
  }

  /** Switch to the other theme and keep the choice for this user. */
  toggle(): void {
    const next: ThemeChoice = this.dark() ? 'light' : 'dark';
    try {
      localStorage.setItem(this.key(), next);
    } catch {
      // Not remembered: the switch still applies until the page is reloaded.
    }
    this.picks.update((n) => n + 1);
    if (this.choice() !== next) this.document.documentElement.style.colorScheme = next;
  }
}
