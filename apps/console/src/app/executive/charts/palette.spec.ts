import { chartPalette, type ChartPalette, competitorColor } from './palette';

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** The colour `fg` drawn at opacity `a` over `bg`. */
function over(fg: string, bg: string, a: number): string {
  return `#${[1, 3, 5].map((i) => Math.round(parseInt(fg.slice(i, i + 2), 16) * a + parseInt(bg.slice(i, i + 2), 16) * (1 - a)).toString(16).padStart(2, '0')).join('')}`;
}
function marks(p: ChartPalette): [string, string][] {
  const named = (['plan', 'managed', 'unmanaged', 'nonPayment', 'revenue', 'payment', 'unknown', 'movedOut'] as const).map((k): [string, string] => [k, p[k]]);
  return [...named, ...p.series.map((c, i): [string, string] => [`series[${i}]`, c]), ...p.usage.map((c, i): [string, string] => [`usage[${i}]`, c])];
}

describe('chart palettes', () => {
  it('works the contrast ratio as WCAG defines it (worked examples)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // The light theme's blue on the dark background: the reason the dark palette exists.
    expect(contrast('#005cbb', '#1b1b1f')).toBeCloseTo(2.66, 2);
    expect(over('#ffffff', '#000000', 0.5)).toBe('#808080');
  });

  for (const dark of [false, true]) {
    const p = chartPalette(dark);
    describe(dark ? 'dark' : 'light', () => {
      it('draws every mark at 3:1 against the background, even filled at 85% (the payments at 70%)', () => {
        const weak = marks(p)
          .map(([name, c]) => [name, c, contrast(over(c, p.background, name === 'payment' ? 0.7 : 0.85), p.background)] as const)
          .filter(([, , ratio]) => ratio < 3);
        expect(weak).toEqual([]);
      });
      it('has every mark colour at 4.5:1 at full strength, so text drawn in it reads, and the axis text too', () => {
        const weak = [...marks(p), ['text', p.text] as [string, string]].filter(([, c]) => contrast(c, p.background) < 4.5);
        expect(weak).toEqual([]);
      });
      it('gives competitors ten different colours', () => {
        expect(new Set(p.series).size).toBe(10);
      });
    });
  }
});

describe('competitorColor', () => {
  const light = chartPalette(false);
  it('keys a competitor by its place among all competitors, whatever the order a report lists them in', () => {
    const ids = ['c-2', 'c-1', 'c-3'];
    expect(competitorColor('c-1', 'competitor', ids, light)).toBe(light.series[0]);
    expect(competitorColor('c-3', 'competitor', ids, light)).toBe(light.series[2]);
    expect(competitorColor('c-3', 'competitor', ['c-3', 'c-1', 'c-2'], light)).toBe(light.series[2]);
  });
  it('gives the unnamed and the moved out their own colours, and an unknown id still one colour', () => {
    expect(competitorColor('unknown', 'unknown', [], light)).toBe(light.unknown);
    expect(competitorColor('moved-out', 'moved-out', [], light)).toBe(light.movedOut);
    expect(competitorColor('x', 'competitor', [])).toBe(competitorColor('x', 'competitor', []));
  });
  it('takes the same place in the dark palette', () => {
    const dark = chartPalette(true);
    expect(competitorColor('c-2', 'competitor', ['c-2', 'c-1'], dark)).toBe(dark.series[1]);
  });
});
