import { DARK_THEME } from '../../core/theme/theme.service';

/**
 * The colours the charts draw in (Chart.js cannot read Material's `light-dark()` tokens), one palette per theme.
 * Every mark colour reaches 3:1 against the theme's chart background even at the 85% opacity bars are filled
 * with, and 4.5:1 at full strength, so text drawn in it reads too (palette.spec.ts checks both).
 */
export interface ChartPalette {
  /** The background the charts are drawn on (Material's surface in that theme). */
  background: string;
  text: string;
  grid: string;
  /** The plan or norm mark across a bar. */
  plan: string;
  managed: string;
  unmanaged: string;
  nonPayment: string;
  revenue: string;
  /** The card's payments. */
  payment: string;
  /** The card's usage lines, one per service. */
  usage: readonly string[];
  /** Competitors, each by its place among all competitors (competitorColor). */
  series: readonly string[];
  /** The churn to a competitor not named. */
  unknown: string;
  /** The churn of subscribers who moved out of coverage. */
  movedOut: string;
}

const LIGHT: ChartPalette = {
  background: '#ffffff',
  text: '#44474e',
  grid: '#e0e2ec',
  plan: '#1b1b1f',
  managed: '#005cbb',
  unmanaged: '#a86400',
  nonPayment: '#6f727a',
  revenue: '#7b4fd6',
  payment: '#005cbb',
  usage: ['#7b4fd6', '#c2410c', '#0f7a5c', '#b5179e', '#5f6368'],
  series: ['#005cbb', '#c2410c', '#0f7a5c', '#7b4fd6', '#b5179e', '#00838f', '#8a5a00', '#3949ab', '#6d4c41', '#487a27'],
  unknown: '#70757a',
  movedOut: '#96683f',
};

/** The same hues, lighter: the light theme's dark blues and browns sink into a dark background (#005cbb is 2.7:1). */
const DARK: ChartPalette = {
  background: '#1b1b1f',
  text: '#c4c6d0',
  grid: '#44474e',
  plan: '#e3e2e6',
  managed: '#7cacf8',
  unmanaged: '#f0a848',
  nonPayment: '#a0a3ab',
  revenue: '#b39dfa',
  payment: '#7cacf8',
  usage: ['#b39dfa', '#fb923c', '#34d399', '#f472b6', '#a0a3ab'],
  series: ['#7cacf8', '#fb923c', '#34d399', '#b39dfa', '#f472b6', '#22d3ee', '#e0a526', '#9fa8ff', '#c8a99a', '#a3c76d'],
  unknown: '#9aa0a6',
  movedOut: '#c9a27e',
};

/** The palette of a theme. */
export function chartPalette(dark: boolean): ChartPalette {
  return dark ? DARK : LIGHT;
}

/** The palette of the theme the console shows now (a read of DARK_THEME, so computed chart options follow it). */
export function currentPalette(): ChartPalette {
  return chartPalette(DARK_THEME());
}

/**
 * One colour per competitor across every chart and legend: its place in the competitors sorted by id (stable
 * whatever a report's order or period), the "not named" one grey, "moved out of coverage" brown; in the given
 * palette (the current theme's unless told).
 */
export function competitorColor(
  id: string,
  kind: 'competitor' | 'unknown' | 'moved-out',
  competitorIds: readonly string[],
  palette: ChartPalette = currentPalette(),
): string {
  if (kind === 'unknown') return palette.unknown;
  if (kind === 'moved-out') return palette.movedOut;
  let i = [...competitorIds].sort().indexOf(id);
  if (i < 0) i = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);
  return palette.series[i % palette.series.length];
}
