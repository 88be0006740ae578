import { shiftedClock } from './clock';

describe('shiftedClock', () => {
  it('runs on real time shifted by the offset', () => {
    const offset = Date.parse('2026-11-15T10:00:00Z') - Date.now();
    const clock = shiftedClock(offset);
    expect(clock.today()).toBe('2026-11-15');
    expect(Math.abs(clock.nowMs() - Date.parse('2026-11-15T10:00:00Z'))).toBeLessThan(60_000);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-11-15');
  });

  it('is the real clock without an offset', () => {
    const before = Date.now();
    const t = shiftedClock().nowMs();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an offset that is not whole milliseconds', () => {
    expect(() => shiftedClock(1.5)).toThrow(RangeError);
    expect(() => shiftedClock(Number.NaN)).toThrow(RangeError);
  });
});
