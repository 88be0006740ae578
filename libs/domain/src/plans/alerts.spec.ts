import { planAlerts, SAVE_RATE_MIN_RESOLVED, type PlanAlertLine } from './alerts';

const line = (over: Partial<PlanAlertLine> = {}): PlanAlertLine => ({
  service: 'internet', region: null, managedMax: 20, unmanagedMax: 10, targetSaveRate: 0.4,
  actualManaged: 10, actualUnmanaged: 2, forecastManaged: 20, forecastUnmanaged: 4, resolvedRequests: 20, actualSaveRate: 0.5, ...over,
});

describe('planAlerts', () => {
  it('raises nothing for a line on plan: landing exactly on the maximum is within it', () => {
    // 10 managed by day 15 of 30: forecast 20 against a maximum of 20.
    expect(planAlerts('2026-11', [line()], [], 10)).toEqual([]);
  });

  it('raises churn pace when the month-end forecast is above the maximum, managed and unmanaged apart', () => {
    // 11 managed by day 15 of 30: forecast 22 > 20; unmanaged forecast 4 <= 10.
    const alerts = planAlerts('2026-11', [line({ actualManaged: 11, forecastManaged: 22, region: 'north' })], [], 10);
    expect(alerts).toEqual([expect.objectContaining({
      key: 'churn_pace|2026-11|internet|north|managed', kind: 'churn_pace', service: 'internet', region: 'north',
      managed: true, actual: 11, forecast: 22, planned: 20,
    })]);
  });

  it('raises a save rate under target only once enough requests were resolved', () => {
    // 7 saved of 20 resolved: 35 % against a target of 40 %.
    const low = planAlerts('2026-11', [line({ actualSaveRate: 0.35 })], [], 10);
    expect(low).toEqual([expect.objectContaining({ key: 'save_rate|2026-11|internet|*', kind: 'save_rate', actual: 0.35, planned: 0.4, resolvedRequests: 20 })]);
    // 0 of 3 resolved is not yet a rate.
    expect(planAlerts('2026-11', [line({ actualSaveRate: 0, resolvedRequests: SAVE_RATE_MIN_RESOLVED - 1 })], [], 10)).toEqual([]);
    expect(planAlerts('2026-11', [line({ actualSaveRate: 0.4 })], [], 10)).toEqual([]);
  });

  it('raises an approval waiting from the threshold on', () => {
    const approvals = [
      { approvalId: 'a1', requestId: 'r1', offerCode: 'discount_20', waitingMinutes: 9 },
      { approvalId: 'a2', requestId: 'r2', offerCode: 'discount_30', waitingMinutes: 10 },
    ];
    expect(planAlerts('2026-11', [], approvals, 10)).toEqual([expect.objectContaining({
      key: 'approval_waiting|a2', kind: 'approval_waiting', approvalId: 'a2', requestId: 'r2', offerCode: 'discount_30', waitingMinutes: 10, service: null,
    })]);
  });
});
