import { daysInMonth, monthKeyOf, MonthKey } from '../time/months';
import { fulfilment, isOnCourseToExceed, monthEndForecast } from './forecast';

export interface PlanLineInput {
  service: string;
  region: string | null;
  managedMax: number;
  unmanagedMax: number;
  targetSaveRate: number;
  /** The most confirmed hidden churn the line allows (subscribers); absent or null: not planned. */
  hiddenMax?: number | null;
}

/** What a plan allows for one service in one month: the most disconnections, managed and unmanaged, and the save rate aimed at. */
export interface PlanTarget {
  managedMax: number;
  unmanagedMax: number;
  targetSaveRate: number;
}

/**
 * The plan of a month for one service, for the whole operator (`region` null) or for one region
 * (docs/methodology.md, "The plan of a month"). A plan's lines are each what the manager set: a
 * whole-operator line and regional lines side by side, never added together.
 *
 * - For a region: that region's line, or null when the plan has none for it (a whole-operator line
 *   says nothing about one region).
 * - For the whole operator: the whole-operator line; without one, the sum of the regional lines (their
 *   target save rates averaged); null when the plan has no line for the service.
 *
 * The plan page, plan versus actual and the dashboard read a month's plan through this one rule.
 */
export function planOfMonth(lines: readonly PlanLineInput[], service: string, region: string | null): PlanTarget | null {
  const mine = lines.filter((l) => l.service === service && (region === null ? inOperatorPlan(l, lines) : l.region === region));
  if (!mine.length) return null;
  return {
    managedMax: mine.reduce((a, l) => a + l.managedMax, 0),
    unmanagedMax: mine.reduce((a, l) => a + l.unmanagedMax, 0),
    targetSaveRate: avg(mine.map((l) => l.targetSaveRate)),
  };
}

/**
 * Whether a line is part of its service's whole-operator plan (see planOfMonth): the whole-operator
 * line is; a regional line is only when the service has no whole-operator line.
 */
export function inOperatorPlan(line: { service: string; region: string | null }, lines: readonly { service: string; region: string | null }[]): boolean {
  return line.region === null || !lines.some((l) => l.service === line.service && l.region === null);
}

/**
 * Whether the team exceeded a month's churn plan, for the bonus's plan cut (docs/methodology.md, "Staff
 * motivation"): the managed churn of the whole operator's plan (the lines planOfMonth adds up for it)
 * above its total maximum. One line over by a subscriber while the plan as a whole is kept is not the
 * team's plan exceeded (that line's own alert says so). Null for a plan without lines.
 *
 * Worked example: internet 107 of 93, mobile 33 of 31, cable TV 61 of 69, IPTV 44 of 54, telephony 41 of
 * 42: two lines are over, but the plan allowed 289 and the team lost 286, so the plan was kept.
 */
export function teamPlanExceeded(lines: readonly (Pick<PlanLineInput, 'service' | 'region' | 'managedMax'> & { actualManaged: number })[]): boolean | null {
  const mine = lines.filter((l) => inOperatorPlan(l, lines));
  if (!mine.length) return null;
  return mine.reduce((a, l) => a + l.actualManaged, 0) > mine.reduce((a, l) => a + l.managedMax, 0);
}

/**
 * Next month's plan from the average of past months: each service/region line averaged over
 * the months that have it (maxima rounded to whole disconnections, save rate to 0.1 %); the hidden
 * churn allowed, over the months that planned it (none planned: none proposed).
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
    ...hiddenOf(ls),
  }));
}

function hiddenOf(ls: readonly PlanLineInput[]): Pick<PlanLineInput, 'hiddenMax'> {
  const planned = ls.map((l) => l.hiddenMax).filter((x): x is number => x !== null && x !== undefined);
  return planned.length ? { hiddenMax: Math.round(avg(planned)) } : {};
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
