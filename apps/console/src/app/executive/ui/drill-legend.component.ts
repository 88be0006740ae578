import { ChangeDetectionStrategy, Component, Directive, effect, ElementRef, inject, input, output, Renderer2 } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '../../core/i18n';

export interface LegendColumn {
  label: string;
  numeric?: boolean;
}

export interface LegendRow {
  id: string;
  label: string;
  /** The series colour in the chart beside the table. */
  swatch?: string;
  cells: readonly string[];
  /** The row's `data-testid` (browser tests click rows rather than canvas bars). */
  testId: string;
  /** Extra attributes, e.g. `{ 'data-competitor-id': id }`. */
  attrs?: Readonly<Record<string, string>>;
  /** Drawn muted (e.g. "moved out of coverage" beside the competitors). */
  muted?: boolean;
}

/** Sets `data-*` attributes from a record: the legend's rows carry attributes whose names depend on the chart. */
@Directive({ selector: '[rcAttrs]' })
export class AttrsDirective {
  readonly rcAttrs = input<Readonly<Record<string, string>> | undefined>();
  private readonly el = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);

  constructor() {
    effect(() => {
      for (const [name, value] of Object.entries(this.rcAttrs() ?? {})) {
        this.renderer.setAttribute(this.el.nativeElement, name, value);
      }
    });
  }
}

/**
 * The table beside a chart: the same numbers, readable, right-aligned and printable; each row (and the total)
 * opens the drill-down, which is also the reliable target for keyboard users and browser tests.
 */
@Component({
  selector: 'rc-drill-legend',
  imports: [MatIconModule, MatTooltipModule, TranslatePipe, AttrsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="rc-legend">
      <thead>
        <tr>
          <th scope="col">{{ heading() }}</th>
          @for (c of columns(); track $index) {
            <th scope="col" [class.rc-num]="c.numeric">{{ c.label }}</th>
          }
          <th class="rc-legend__go rc-no-print" aria-hidden="true"></th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr
            class="rc-legend__row"
            [class.rc-legend__row--muted]="row.muted"
            tabindex="0"
            role="button"
            [attr.data-testid]="row.testId"
            [rcAttrs]="row.attrs"
            (click)="pick.emit(row)"
            (keydown.enter)="pick.emit(row)"
            (keydown.space)="$event.preventDefault(); pick.emit(row)"
          >
            <th scope="row">
              <!-- The button's name is its content (axe: the visible text must be part of the name), the action first. -->
              <span class="cdk-visually-hidden">{{ 'drill.open' | t }}: </span>
              @if (row.swatch) {
                <span class="rc-legend__swatch" [style.background]="row.swatch"></span>
              }
              <span class="rc-legend__label">{{ row.label }}</span>
            </th>
            @for (cell of row.cells; track $index) {
              <td [class.rc-num]="columns()[$index]?.numeric">{{ cell }}</td>
            }
            <td class="rc-legend__go rc-no-print"><mat-icon>chevron_right</mat-icon></td>
          </tr>
        } @empty {
          <tr>
            <td class="rc-legend__empty" [attr.colspan]="columns().length + 2">{{ empty() }}</td>
          </tr>
        }
      </tbody>
      @if (total(); as t) {
        <tfoot>
          <tr
            class="rc-legend__row rc-legend__total"
            tabindex="0"
            role="button"
            [attr.data-testid]="t.testId"
            [rcAttrs]="t.attrs"
            (click)="pick.emit(t)"
            (keydown.enter)="pick.emit(t)"
            (keydown.space)="$event.preventDefault(); pick.emit(t)"
          >
            <th scope="row">{{ t.label }}</th>
            @for (cell of t.cells; track $index) {
              <td [class.rc-num]="columns()[$index]?.numeric">{{ cell }}</td>
            }
            <td class="rc-legend__go rc-no-print"><mat-icon>chevron_right</mat-icon></td>
          </tr>
        </tfoot>
      }
    </table>
  `,
  styleUrl: './drill-legend.component.scss',
})
export class DrillLegendComponent {
  readonly heading = input.required<string>();
  readonly columns = input.required<readonly LegendColumn[]>();
  readonly rows = input.required<readonly LegendRow[]>();
  readonly total = input<LegendRow | null>(null);
  readonly empty = input('');
  readonly pick = output<LegendRow>();
}
