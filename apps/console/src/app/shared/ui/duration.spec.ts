import { durationText } from './duration';

describe('durationText', () => {
  it('keeps short waits in minutes', () => {
    expect(durationText(0)).toEqual({ key: 'duration.minutes', params: { m: 0 } });
    expect(durationText(59)).toEqual({ key: 'duration.minutes', params: { m: 59 } });
  });

  it('switches to hours and zero-padded minutes from one hour', () => {
    expect(durationText(60)).toEqual({ key: 'duration.hoursMinutes', params: { h: 1, m: '00' } });
    expect(durationText(125)).toEqual({ key: 'duration.hoursMinutes', params: { h: 2, m: '05' } });
  });

  it('switches to days and hours from one day', () => {
    expect(durationText(24 * 60)).toEqual({ key: 'duration.daysHours', params: { d: 1, h: 0 } });
    expect(durationText(2 * 1440 + 3 * 60 + 59)).toEqual({ key: 'duration.daysHours', params: { d: 2, h: 3 } });
  });

  it('never shows a negative or fractional wait', () => {
    expect(durationText(-5)).toEqual({ key: 'duration.minutes', params: { m: 0 } });
    expect(durationText(4.9)).toEqual({ key: 'duration.minutes', params: { m: 4 } });
  });
});
