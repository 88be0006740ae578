import { fulfilment, isOnCourseToExceed, monthEndForecast } from './forecast';

describe('monthEndForecast half-way through a 30-day month: 10 disconnections by day 15', () => {
  it('projects 20 at month end', () => {
    expect(monthEndForecast(10, 15, 30)).toBe(20);
  });

  it('projects the actual itself on the last day', () => {
    expect(monthEndForecast(27, 31, 31)).toBe(27);
  });

  it('uses the real length of the month: 7 by day 7 of February 2026 → 28', () => {
    expect(monthEndForecast(7, 7, 28)).toBe(28);
  });

  it('returns the actual when no day has elapsed', () => {
    expect(monthEndForecast(3, 0, 30)).toBe(3);
  });

  it('rejects an elapsed day outside the month and negative actuals', () => {
    expect(() => monthEndForecast(10, 31, 30)).toThrow(RangeError);
    expect(() => monthEndForecast(10, -1, 30)).toThrow(RangeError);
    expect(() => monthEndForecast(-1, 10, 30)).toThrow(RangeError);
    expect(() => monthEndForecast(1, 0, 0)).toThrow(RangeError);
  });
});

describe('fulfilment of a plan of at most 20 disconnections', () => {
  it('is 15 / 20 = 0.75 with 15 so far', () => {
    expect(fulfilment(15, 20)).toBe(0.75);
  });

  it('goes above 1 when the plan is exceeded', () => {
    expect(fulfilment(25, 20)).toBe(1.25);
  });

  it('is null for a zero plan', () => {
    expect(fulfilment(3, 0)).toBeNull();
  });
});

describe('isOnCourseToExceed: forecast against the planned maximum', () => {
  it('alerts when 10 by day 15 of 30 (forecast 20) meets a plan of 18', () => {
    expect(isOnCourseToExceed(monthEndForecast(10, 15, 30), 18)).toBe(true);
  });

  it('does not alert when the forecast lands exactly on the plan', () => {
    expect(isOnCourseToExceed(20, 20)).toBe(false);
  });

  it('does not alert under the plan', () => {
    expect(isOnCourseToExceed(19.5, 20)).toBe(false);
  });

  it('alerts on any forecast churn against a zero plan', () => {
    expect(isOnCourseToExceed(0.5, 0)).toBe(true);
  });
});
