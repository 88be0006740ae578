import { callbackPresets, combineDateTime } from './postpone.dialog';

describe('call-back presets', () => {
  it('rounds "in an hour" up to the next quarter and puts tomorrow at 10:00 and 18:00', () => {
    const now = new Date(2026, 10, 23, 14, 7, 31);
    const [hour, two, morning, evening] = callbackPresets(now);
    expect([hour.at.getHours(), hour.at.getMinutes(), hour.at.getSeconds()]).toEqual([15, 15, 0]);
    expect([two.at.getHours(), two.at.getMinutes()]).toEqual([16, 15]);
    expect([morning.at.getDate(), morning.at.getHours(), morning.at.getMinutes()]).toEqual([24, 10, 0]);
    expect([evening.at.getDate(), evening.at.getHours()]).toEqual([24, 18]);
  });

  it('carries a quarter past 23:50 over midnight', () => {
    const [hour] = callbackPresets(new Date(2026, 10, 23, 22, 50));
    expect([hour.at.getDate(), hour.at.getHours(), hour.at.getMinutes()]).toEqual([24, 0, 0]);
  });

  it('takes the day from one picker and the time from the other', () => {
    const d = combineDateTime(new Date(2026, 11, 1, 9, 0), new Date(2026, 0, 1, 17, 45));
    expect([d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([11, 1, 17, 45]);
  });
});
