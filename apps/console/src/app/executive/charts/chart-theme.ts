import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { currentPalette } from './palette';

export { competitorColor } from './palette';

/**
 * What every report chart draws with: the font, and the current theme's palette (palette.ts): blue for what the
 * operator can influence, amber for what it cannot, grey for the unknown, the plan marker in the text's tone.
 * Each colour is a getter reading DARK_THEME, so chart options computed from them redraw when the theme changes.
 */
export const CHART = {
  font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif', size: 12 },
  get text(): string {
    return currentPalette().text;
  },
  get grid(): string {
    return currentPalette().grid;
  },
  get managed(): string {
    return currentPalette().managed;
  },
  get unmanaged(): string {
    return currentPalette().unmanaged;
  },
  get nonPayment(): string {
    return currentPalette().nonPayment;
  },
  get plan(): string {
    return currentPalette().plan;
  },
  get revenue(): string {
    return currentPalette().revenue;
  },
  get payment(): string {
    return currentPalette().payment;
  },
  get usage(): readonly string[] {
    return currentPalette().usage;
  },
  get unknown(): string {
    return currentPalette().unknown;
  },
  get movedOut(): string {
    return currentPalette().movedOut;
  },
  /** Competitors, each by its place among all competitors (competitorColor). */
  get series(): readonly string[] {
    return currentPalette().series;
  },
};

/** The building blocks every report chart uses (bars, lines, the plan marker, tooltips). */
export const provideReportCharts = () =>
  provideCharts({
    registerables: [BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip],
  });

/** A colour with transparency, for hover and fills: alpha('#005cbb', 0.7). */
export function alpha(hex: string, a: number): string {
  const n = Math.round(Math.min(Math.max(a, 0), 1) * 255);
  return `${hex}${n.toString(16).padStart(2, '0')}`;
}

/** The first chart element a click landed on, if any: its dataset and its index along the category axis. */
export function clickedElement(active: unknown): { datasetIndex: number; index: number } | null {
  const list = Array.isArray(active) ? active : [];
  const first = list[0] as { datasetIndex?: number; index?: number } | undefined;
  return first && typeof first.index === 'number' && typeof first.datasetIndex === 'number'
    ? { datasetIndex: first.datasetIndex, index: first.index }
    : null;
}
