/** The competitors' colours (without Chart.js, so that lookups and legends can use them anywhere). */
export const COMPETITOR_SERIES = ['#005cbb', '#c2410c', '#0f7a5c', '#7b4fd6', '#b5179e', '#00838f', '#8a5a00', '#3949ab', '#6d4c41', '#558b2f'] as const;
export const COMPETITOR_UNKNOWN = '#9aa0a6';
export const COMPETITOR_MOVED_OUT = '#b08968';

/**
 * One colour per competitor across every chart and legend: its place in the competitors sorted by id (stable
 * whatever a report's order or period), the "not named" one grey, "moved out of coverage" brown.
 */
export function competitorColor(id: string, kind: 'competitor' | 'unknown' | 'moved-out', competitorIds: readonly string[]): string {
  if (kind === 'unknown') return COMPETITOR_UNKNOWN;
  if (kind === 'moved-out') return COMPETITOR_MOVED_OUT;
  let i = [...competitorIds].sort().indexOf(id);
  if (i < 0) i = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);
  return COMPETITOR_SERIES[i % COMPETITOR_SERIES.length];
}
