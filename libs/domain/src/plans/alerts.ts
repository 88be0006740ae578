/**
 * Plan alerts for retention managers: what a month's plan tracking and the approval queue say needs a
 * manager now. Each alert has a stable key, so that one that holds at the next evaluation is the same alert
 * (raised once, cleared once).
 */
import type { PlanAlertKind } from '@retention/contracts';

/** A save rate is judged only once this many requests of the line were resolved in the month. */
export const SAVE_RATE_MIN_RESOLVED = 10;

/** One line of a month's plan with its month-to-date figures (as the plan page shows them). */
export interface PlanAlertLine {
  service: string;
  region: string | null;
  managedMax: number;
  unmanagedMax: number;
  targetSaveRate: number;
  actualManaged: number;
  actualUnmanaged: number;
  forecastManaged: number;
  forecastUnmanaged: number;
  resolvedRequests: number;
  actualSaveRate: number | null;
}

export interface PendingApproval {
  approvalId: string;
  /** The request it was asked on; null for one asked on a hidden-churn case. */
  requestId: string | null;
  offerCode: string;
  /** Whole minutes since it was asked. */
  waitingMinutes: number;
}

export interface PlanAlert {
  key: string;
  kind: PlanAlertKind;
  service: string | null;
  region: string | null;
  /** churn_pace: which half of the plan (managed or unmanaged churn). */
  managed: boolean | null;
  /** churn_pace: disconnections so far, the month-end forecast and the planned maximum; save_rate: the rates (0..1). */
  actual: number | null;
  forecast: number | null;
  planned: number | null;
  resolvedRequests: number | null;
  approvalId: string | null;
  requestId: string | null;
  offerCode: string | null;
  waitingMinutes: number | null;
}

const none = { service: null, region: null, managed: null, actual: null, forecast: null, planned: null, resolvedRequests: null, approvalId: null, requestId: null, offerCode: null, waitingMinutes: null };

/**
 * The alerts of this moment:
 * - churn_pace: a line's month-end forecast of managed (or unmanaged) disconnections is strictly above its
 *   planned maximum (the plan's own "on course to exceed");
 * - save_rate: a line's share of resolved requests saved is below its target, once it has at least
 *   SAVE_RATE_MIN_RESOLVED resolved requests (two requests are not a rate);
 * - approval_waiting: an approval asked at least `approvalWaitMinutes` ago and still not decided (an operator
 *   and a subscriber are waiting on it).
 */
export function planAlerts(
  month: string,
  lines: readonly PlanAlertLine[],
  approvals: readonly PendingApproval[],
  approvalWaitMinutes: number,
): PlanAlert[] {
  const out: PlanAlert[] = [];
  for (const l of lines) {
    const where = `${month}|${l.service}|${l.region ?? '*'}`;
    for (const managed of [true, false]) {
      const forecast = managed ? l.forecastManaged : l.forecastUnmanaged;
      const planned = managed ? l.managedMax : l.unmanagedMax;
      if (forecast > planned) {
        out.push({
          ...none, key: `churn_pace|${where}|${managed ? 'managed' : 'unmanaged'}`, kind: 'churn_pace', service: l.service, region: l.region,
          managed, actual: managed ? l.actualManaged : l.actualUnmanaged, forecast, planned,
        });
      }
    }
    if (l.actualSaveRate !== null && l.resolvedRequests >= SAVE_RATE_MIN_RESOLVED && l.actualSaveRate < l.targetSaveRate) {
      out.push({
        ...none, key: `save_rate|${where}`, kind: 'save_rate', service: l.service, region: l.region,
        actual: l.actualSaveRate, planned: l.targetSaveRate, resolvedRequests: l.resolvedRequests,
      });
    }
  }
  for (const a of approvals) {
    if (a.waitingMinutes >= approvalWaitMinutes) {
      out.push({
        ...none, key: `approval_waiting|${a.approvalId}`, kind: 'approval_waiting', approvalId: a.approvalId, requestId: a.requestId,
        offerCode: a.offerCode, waitingMinutes: a.waitingMinutes,
      });
    }
  }
  return out;
}
