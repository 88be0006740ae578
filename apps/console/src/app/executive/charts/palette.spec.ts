import { COMPETITOR_MOVED_OUT, COMPETITOR_SERIES, COMPETITOR_UNKNOWN, competitorColor } from './palette';

describe('competitorColor', () => {
  it('keys a competitor by its place among all competitors, whatever the order a report lists them in', () => {
    const ids = ['c-2', 'c-1', 'c-3'];
    expect(competitorColor('c-1', 'competitor', ids)).toBe(COMPETITOR_SERIES[0]);
    expect(competitorColor('c-3', 'competitor', ids)).toBe(COMPETITOR_SERIES[2]);
    expect(competitorColor('c-3', 'competitor', ['c-3', 'c-1', 'c-2'])).toBe(COMPETITOR_SERIES[2]);
  });
  it('gives the unnamed and the moved out their own colours, and an unknown id still one colour', () => {
    expect(competitorColor('unknown', 'unknown', [])).toBe(COMPETITOR_UNKNOWN);
    expect(competitorColor('moved-out', 'moved-out', [])).toBe(COMPETITOR_MOVED_OUT);
    expect(competitorColor('x', 'competitor', [])).toBe(competitorColor('x', 'competitor', []));
  });
});
