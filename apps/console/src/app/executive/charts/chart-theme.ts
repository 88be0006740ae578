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
import { DARK_THEME } from '../../core/theme/theme.service';
import { COMPETITOR_MOVED_OUT, COMPETITOR_SERIES, COMPETITOR_UNKNOWN } from './palette';

export { competitorColor } from './palette';

/**
 * Chart.js cannot read Material's `light-dark()` tokens, so the report charts keep their own palette in the
 * theme's hues: blue for what the operator can influence, amber for what it cannot, grey for the unknown.
 * Text, grid and the plan marker have a light and a dark value; they read DARK_THEME, so chart options
 * computed from them redraw when the theme changes.
 */
export const CHART = {
  font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif', size: 12 },
  get text(): string {
    return DARK_THEME() ? '#c4c6d0' : '#44474e';
  },
  get grid(): string {
    return DARK_THEME() ? '#44474e' : '#e0e2ec';
  },
  managed: '#005cbb',
  unmanaged: '#d58a1f',
  nonPayment: '#8e9099',
  get plan(): string {
    return DARK_THEME() ? '#e3e2e6' : '#1b1b1f';
  },
  revenue: '#7b4fd6',
  unknown: COMPETITOR_UNKNOWN,
  movedOut: COMPETITOR_MOVED_OUT,
  /** Competitors, each by its place among all competitors (competitorColor). */
  series: COMPETITOR_SERIES,
} as const;

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
