import { averagePlanLines, elapsedDays, evaluatePlanLine, planOfMonth, teamPlanExceeded } from './plan';

describe('plan from the average of the last three months', () => {
  it('averages each service line and rounds to whole disconnections', () => {
    const line = (managedMax: number, unmanagedMax: number, targetSaveRate: number) => ({ service: 'internet', region: null, managedMax, unmanagedMax, targetSaveRate });
    const tv = { service: 'cable_tv', region: 'north', managedMax: 10, unmanagedMax: 4, targetSaveRate: 0.3 };
    const avg = averagePlanLines([[line(40, 15, 0.35), tv], [line(42, 14, 0.3)], [line(45, 17, 0.4)]]);
    expect(avg).toEqual([
      { service: 'internet', region: null, managedMax: 42, unmanagedMax: 15, targetSaveRate: 0.35 },
      { service: 'cable_tv', region: 'north', managedMax: 10, unmanagedMax: 4, targetSaveRate: 0.3 },
    ]);
  });

  it('averages the hidden churn allowed over the months that planned it', () => {
    // 6 and 9 planned, the third month without: (6 + 9) / 2 = 7.5, rounded to 8 subscribers.
    const line = (hiddenMax: number | null) => ({ service: 'internet', region: null, managedMax: 40, unmanagedMax: 15, targetSaveRate: 0.35, hiddenMax });
    expect(averagePlanLines([[line(6)], [line(9)], [line(null)]])[0].hiddenMax).toBe(8);
    expect(averagePlanLines([[line(null)], [line(null)]])[0]).not.toHaveProperty('hiddenMax');
  });
});

describe('days elapsed in a plan month', () => {
  it('counts today in the current month, all of a past month, none of a future one', () => {
    expect(elapsedDays('2026-11', '2026-11-15')).toBe(15);
    expect(elapsedDays('2026-10', '2026-11-15')).toBe(31);
    expect(elapsedDays('2026-12', '2026-11-15')).toBe(0);
  });
});

describe('a plan line half-way through the month', () => {
  it('forecasts at the run-rate and warns when it will exceed the plan', () => {
    // November has 30 days: 25 managed by the 15th runs at 50 for the month, above 40.
    const f = evaluatePlanLine({ managedMax: 40, unmanagedMax: 15, actualManaged: 25, actualUnmanaged: 6 }, '2026-11', '2026-11-15');
    expect(f).toEqual({
      fulfilmentManaged: 25 / 40,
      fulfilmentUnmanaged: 6 / 15,
      forecastManaged: 50,
      forecastUnmanaged: 12,
      alertManaged: true,
      alertUnmanaged: false,
    });
  });

  it('a finished month forecasts what happened', () => {
    const f = evaluatePlanLine({ managedMax: 40, unmanagedMax: 15, actualManaged: 38, actualUnmanaged: 16 }, '2026-10', '2026-11-15');
    expect(f.forecastManaged).toBe(38);
    expect(f.alertManaged).toBe(false);
    expect(f.alertUnmanaged).toBe(true);
  });
});

describe('the plan of a month (docs/methodology.md)', () => {
  const line = (service: string, region: string | null, managedMax: number, unmanagedMax: number, targetSaveRate = 0.3) =>
    ({ service, region, managedMax, unmanagedMax, targetSaveRate });

  it('whole-operator line 40 and a regional line 10: the operator plans 40, the region 10, never 50', () => {
    const lines = [line('internet', null, 40, 12, 0.35), line('internet', 'north', 10, 3, 0.4)];
    expect(planOfMonth(lines, 'internet', null)).toEqual({ managedMax: 40, unmanagedMax: 12, targetSaveRate: 0.35 });
    expect(planOfMonth(lines, 'internet', 'north')).toEqual({ managedMax: 10, unmanagedMax: 3, targetSaveRate: 0.4 });
  });

  it('a region without a line of its own has no plan, whatever the whole operator has', () => {
    expect(planOfMonth([line('internet', null, 40, 12)], 'internet', 'south')).toBeNull();
  });

  it('without a whole-operator line the operator plans the sum of the regions', () => {
    const lines = [line('internet', 'north', 10, 3, 0.4), line('internet', 'south', 7, 2, 0.3), line('mobile', null, 5, 1)];
    const plan = planOfMonth(lines, 'internet', null);
    expect(plan).toMatchObject({ managedMax: 17, unmanagedMax: 5 });
    expect(plan?.targetSaveRate).toBeCloseTo(0.35, 10);
  });

  it('a service the plan does not mention has no plan', () => {
    expect(planOfMonth([line('mobile', null, 5, 1)], 'internet', null)).toBeNull();
  });
});

describe("the team's churn plan exceeded (the bonus's plan cut)", () => {
  const line = (service: string, region: string | null, managedMax: number, actualManaged: number) => ({ service, region, managedMax, actualManaged });

  it('worked example: two lines over, the plan as a whole kept (286 lost of 289 allowed)', () => {
    expect(teamPlanExceeded([
      line('internet', null, 93, 107), line('mobile', null, 31, 33), line('cable_tv', null, 69, 61), line('iptv', null, 54, 44), line('telephony', null, 42, 41),
    ])).toBe(false);
  });

  it('exceeded when the whole plan is: 260 lost of 241 allowed', () => {
    expect(teamPlanExceeded([line('internet', null, 120, 137), line('cable_tv', null, 80, 81), line('telephony', null, 41, 42)])).toBe(true);
  });

  it('exactly at the maximum is kept', () => {
    expect(teamPlanExceeded([line('internet', null, 100, 100)])).toBe(false);
  });

  it("regional lines beside a whole-operator line are not added twice: the whole-operator line is the service's plan", () => {
    // Internet: the whole-operator line (100, lost 90) counts; its regional line (10, lost 30) does not. IPTV has only
    // regional lines, which add up: 20 + 20 allowed, 25 + 10 lost. 125 lost of 140 allowed.
    expect(teamPlanExceeded([
      line('internet', null, 100, 90), line('internet', 'kyiv', 10, 30), line('iptv', 'kyiv', 20, 25), line('iptv', 'lviv', 20, 10),
    ])).toBe(false);
  });

  it('a plan without lines says nothing', () => {
    expect(teamPlanExceeded([])).toBeNull();
  });
});
