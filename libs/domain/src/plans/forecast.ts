/**
 * Churn plan tracking (docs/methodology.md, "Plan tracking"): fulfilment so far, month-end forecast at the current
 * run-rate, and the alert when a line is on course to exceed its plan. A churn plan is a planned MAXIMUM of
 * disconnections, so exceeding it is the bad outcome.
 */

/**
 * Month-end projection at the current run-rate: actual / days elapsed × days in month.
 * 10 disconnections by day 15 of 30 → 20. With no day elapsed yet there is no rate, so the actual is returned.
 * Throws RangeError unless 0 ≤ dayOfMonthElapsed ≤ daysInMonth and the actual is a finite number ≥ 0.
 */
export function monthEndForecast(actualSoFar: number, dayOfMonthElapsed: number, daysInMonth: number): number {
  if (!Number.isFinite(actualSoFar) || actualSoFar < 0) {
    throw new RangeError(`actualSoFar must be a finite number >= 0, got ${actualSoFar}`);
  }
  if (!Number.isFinite(daysInMonth) || daysInMonth <= 0) {
    throw new RangeError(`daysInMonth must be a positive number, got ${daysInMonth}`);
  }
  if (!Number.isFinite(dayOfMonthElapsed) || dayOfMonthElapsed < 0 || dayOfMonthElapsed > daysInMonth) {
    throw new RangeError(`dayOfMonthElapsed must be in 0..${daysInMonth}, got ${dayOfMonthElapsed}`);
  }
  if (dayOfMonthElapsed === 0) {
    return actualSoFar;
  }
  return (actualSoFar / dayOfMonthElapsed) * daysInMonth;
}

/** Plan fulfilment as a fraction of the planned maximum (15 of 20 → 0.75); null when the plan is 0. */
export function fulfilment(actual: number, planMax: number): number | null {
  if (!Number.isFinite(actual) || actual < 0) {
    throw new RangeError(`actual must be a finite number >= 0, got ${actual}`);
  }
  if (!Number.isFinite(planMax) || planMax < 0) {
    throw new RangeError(`planMax must be a finite number >= 0, got ${planMax}`);
  }
  return planMax === 0 ? null : actual / planMax;
}

/** True when the forecast is strictly above the planned maximum (landing exactly on the plan is within it). */
export function isOnCourseToExceed(forecast: number, planMax: number): boolean {
  return forecast > planMax;
}
