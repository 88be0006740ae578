import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Title, one line of explanation and the page's main actions, the same on every screen. */
@Component({
  selector: 'rc-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rc-page-header__text">
      <h1 class="rc-page-title">{{ heading() }}</h1>
      @if (subtitle()) {
        <p class="rc-page-subtitle">{{ subtitle() }}</p>
      }
    </div>
    <div class="rc-page-header__actions"><ng-content /></div>
  `,
  host: { class: 'rc-page-header' },
})
export class PageHeaderComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
}
