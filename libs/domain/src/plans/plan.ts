import { daysInMonth, monthKeyOf, MonthKey } from '../time/months';
import { fulfilment, isOnCourseToExceed, monthEndForecast } from './forecast';

export interface PlanLineInput {
  service: string;
  region: string | null;
  managedMax: number;
  unmanagedMax: number;
  targetSaveRate: number;
}

/**
 * Next month's plan from the average of past months: each service/region line averaged over
 * the months that have it (maxima rounded to whole disconnections, save rate to 0.1 %).
 */
export function averagePlanLines(months: readonly (readonly PlanLineInput[])[]): PlanLineInput[] {
  const groups = new Map<string, PlanLineInput[]>();
  for (const lines of months) {
    for (const l of lines) {
      const key = `${l.service}|${l.region ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
  }
  return [...groups.values()].map((ls) => ({
    service: ls[0].service,
    region: ls[0].region,
    managedMax: Math.round(avg(ls.map((l) => l.managedMax))),
    unmanagedMax: Math.round(avg(ls.map((l) => l.unmanagedMax))),
    targetSaveRate: Math.round(avg(ls.map((l) => l.targetSaveRate)) * 1000) / 1000,
  }));
}

/** Days of `month` elapsed by `asOf`: all of a past month, none of a future one, today counted. */
export function elapsedDays(month: MonthKey, asOf: string): number {
  const current = monthKeyOf(asOf);
  if (month < current) return daysInMonth(month);
  if (month > current) return 0;
  return Number(asOf.slice(8, 10));
}

export interface PlanLineFigures {
  fulfilmentManaged: number | null;
  fulfilmentUnmanaged: number | null;
  forecastManaged: number;
  forecastUnmanaged: number;
  /** On course to end the month above the plan's maximum. */
  alertManaged: boolean;
  alertUnmanaged: boolean;
}

/** Fulfilment so far and the month-end forecast at the current run-rate, for one plan line. */
export function evaluatePlanLine(
  line: { managedMax: number; unmanagedMax: number; actualManaged: number; actualUnmanaged: number },
  month: MonthKey,
  asOf: string,
): PlanLineFigures {
  const elapsed = elapsedDays(month, asOf);
  const days = daysInMonth(month);
  const forecastManaged = round1(monthEndForecast(line.actualManaged, elapsed, days));
  const forecastUnmanaged = round1(monthEndForecast(line.actualUnmanaged, elapsed, days));
  return {
    fulfilmentManaged: fulfilment(line.actualManaged, line.managedMax),
    fulfilmentUnmanaged: fulfilment(line.actualUnmanaged, line.unmanagedMax),
    forecastManaged,
    forecastUnmanaged,
    alertManaged: isOnCourseToExceed(forecastManaged, line.managedMax),
    alertUnmanaged: isOnCourseToExceed(forecastUnmanaged, line.unmanagedMax),
  };
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
