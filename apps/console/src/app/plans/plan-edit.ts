import type { PlanLineRequest, PlanLineView, PlanReasonDriver, PlanVersionView } from '@retention/contracts';
import { evaluatePlanLine, type PlanLineFigures } from '@retention/domain';

/**
 * A plan line as the screen edits it: the maxima as typed (text, so that a half-typed number is not lost) and the
 * target save rate in per cent, as people say it ("35"), while the API takes a share (0.35).
 */
export interface EditableLine {
  service: string;
  region: string | null;
  managedMax: string;
  unmanagedMax: string;
  /** Per cent, 0–100. */
  targetSaveRate: string;
  /** The most confirmed hidden churn allowed; empty: not planned. */
  hiddenMax: string;
}

export const lineKey = (l: { service: string; region: string | null }): string => `${l.service}|${l.region ?? ''}`;

/** Per cent with at most one decimal, from a share: 0.35 → "35", 0.333 → "33.3". */
export function shareToPercentText(share: number): string {
  return String(Math.round(share * 1000) / 10);
}

export function toEditable(lines: readonly PlanLineRequest[]): EditableLine[] {
  return sortLines(
    lines.map((l) => ({
      service: l.service,
      region: l.region,
      managedMax: String(l.managedMax),
      unmanagedMax: String(l.unmanagedMax),
      targetSaveRate: shareToPercentText(l.targetSaveRate),
      hiddenMax: l.hiddenMax === null || l.hiddenMax === undefined ? '' : String(l.hiddenMax),
    })),
  );
}

/** Service lines first by service code, a service's whole-operator line before its regional ones. */
export function sortLines<T extends { service: string; region: string | null }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => a.service.localeCompare(b.service) || (a.region ?? '').localeCompare(b.region ?? ''));
}

/** A whole number of disconnections, 0 or more; null when the text is not one. */
export function parseMax(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,8}$/.test(t)) return null;
  return Number(t);
}

/** A target save rate in per cent (comma or dot, at most two decimals), 0–100; null otherwise. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

export type LineField = 'managedMax' | 'unmanagedMax' | 'targetSaveRate' | 'hiddenMax';

/** The hidden-churn maximum as typed: empty is "not planned" (null), else a whole number; undefined when invalid. */
export function parseHiddenMax(text: string): number | null | undefined {
  if (!text.trim()) return null;
  return parseMax(text) ?? undefined;
}

/** The fields of a line that are not valid as typed. */
export function invalidFields(line: EditableLine): LineField[] {
  const bad: LineField[] = [];
  if (parseMax(line.managedMax) === null) bad.push('managedMax');
  if (parseMax(line.unmanagedMax) === null) bad.push('unmanagedMax');
  if (parsePercent(line.targetSaveRate) === null) bad.push('targetSaveRate');
  if (parseHiddenMax(line.hiddenMax) === undefined) bad.push('hiddenMax');
  return bad;
}

/** What is wrong with a field as typed, said next to it: a dictionary key and its values; null when it is fine. */
export interface FieldProblem {
  key: 'plan.invalid.required' | 'plan.invalid.wholeNumber' | 'plan.invalid.rateAbove' | 'plan.invalid.rateFormat';
  params?: Record<string, string>;
}

export function fieldProblem(field: LineField, text: string): FieldProblem | null {
  const t = text.trim();
  // The hidden-churn maximum may stay empty (not planned); the others are required.
  if (!t) return field === 'hiddenMax' ? null : { key: 'plan.invalid.required' };
  if (field !== 'targetSaveRate') return parseMax(t) === null ? { key: 'plan.invalid.wholeNumber' } : null;
  if (parsePercent(t) !== null) return null;
  const n = Number(t.replace(',', '.'));
  // 150 % is a number, just not a share of requests: say so, with the value typed.
  return Number.isFinite(n) && n > 100 ? { key: 'plan.invalid.rateAbove', params: { value: t } } : { key: 'plan.invalid.rateFormat' };
}

/** The request body's lines, or null while any field is invalid. */
export function toRequest(lines: readonly EditableLine[]): PlanLineRequest[] | null {
  const out: PlanLineRequest[] = [];
  for (const l of lines) {
    const managedMax = parseMax(l.managedMax);
    const unmanagedMax = parseMax(l.unmanagedMax);
    const percent = parsePercent(l.targetSaveRate);
    const hiddenMax = parseHiddenMax(l.hiddenMax);
    if (managedMax === null || unmanagedMax === null || percent === null || hiddenMax === undefined) return null;
    out.push({ service: l.service, region: l.region, managedMax, unmanagedMax, targetSaveRate: Math.round(percent * 100) / 10000, hiddenMax });
  }
  return out;
}

/** Whether the edited lines say something other than the saved ones (order does not matter). */
export function differs(edited: readonly EditableLine[], saved: readonly PlanLineRequest[]): boolean {
  const req = toRequest(edited);
  if (!req) return true;
  if (req.length !== saved.length) return true;
  const byKey = new Map(saved.map((l) => [lineKey(l), l]));
  return req.some((l) => {
    const s = byKey.get(lineKey(l));
    return (
      !s ||
      s.managedMax !== l.managedMax ||
      s.unmanagedMax !== l.unmanagedMax ||
      Math.abs(s.targetSaveRate - l.targetSaveRate) > 1e-9 ||
      (s.hiddenMax ?? null) !== (l.hiddenMax ?? null)
    );
  });
}

/** One line for new plans: every active service, nothing allowed yet. */
export function emptyLines(services: readonly string[]): EditableLine[] {
  return services.map((service) => ({ service, region: null, managedMax: '0', unmanagedMax: '0', targetSaveRate: '0', hiddenMax: '' }));
}

/** What the month has actually seen for a line (from the saved plan, or from the plan-versus-actual report). */
export interface LineActuals {
  actualManaged: number;
  actualUnmanaged: number;
  actualNonPayment: number;
  /** Confirmed hidden churn (known from a saved plan line; 0 otherwise). */
  actualHidden: number;
  actualSaveRate: number | null;
  drivers: PlanReasonDriver[];
}

export const NO_ACTUALS: LineActuals = { actualManaged: 0, actualUnmanaged: 0, actualNonPayment: 0, actualHidden: 0, actualSaveRate: null, drivers: [] };

export function actualsOf(v: PlanLineView): LineActuals {
  return {
    actualManaged: v.actualManaged,
    actualUnmanaged: v.actualUnmanaged,
    actualNonPayment: v.actualNonPayment,
    actualHidden: v.actualHidden,
    actualSaveRate: v.actualSaveRate,
    drivers: v.drivers,
  };
}

/**
 * Fulfilment, month-end forecast and alerts for a line with its maxima as edited: the warning follows the
 * manager's typing, with the same rule as the server (forecast at the current run-rate above the maximum).
 * An invalid maximum is read as "no plan" and raises nothing.
 */
export function evaluate(line: EditableLine, actuals: LineActuals, month: string, asOf: string): PlanLineFigures {
  const managedMax = parseMax(line.managedMax);
  const unmanagedMax = parseMax(line.unmanagedMax);
  const figures = evaluatePlanLine(
    {
      managedMax: managedMax ?? Number.MAX_SAFE_INTEGER,
      unmanagedMax: unmanagedMax ?? Number.MAX_SAFE_INTEGER,
      actualManaged: actuals.actualManaged,
      actualUnmanaged: actuals.actualUnmanaged,
    },
    month,
    asOf,
  );
  return {
    ...figures,
    fulfilmentManaged: managedMax === null ? null : figures.fulfilmentManaged,
    fulfilmentUnmanaged: unmanagedMax === null ? null : figures.fulfilmentUnmanaged,
  };
}

/** The reasons behind an excess: the drivers of the kind (managed or not) that is over, largest first. */
export function driversFor(drivers: readonly PlanReasonDriver[], managed: boolean, limit = 5): PlanReasonDriver[] {
  return drivers
    .filter((d) => d.managed === managed)
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** What one version changed against the one before it. */
export type VersionChange =
  | { kind: 'added'; line: PlanLineRequest }
  | { kind: 'removed'; line: PlanLineRequest }
  | {
      kind: 'changed';
      line: PlanLineRequest;
      fields: { field: 'managedMax' | 'unmanagedMax' | 'targetSaveRate'; from: number; to: number }[];
    };

export function diffLines(before: readonly PlanLineRequest[], after: readonly PlanLineRequest[]): VersionChange[] {
  const old = new Map(before.map((l) => [lineKey(l), l]));
  const now = new Map(after.map((l) => [lineKey(l), l]));
  const changes: VersionChange[] = [];
  for (const l of sortLines(after)) {
    const o = old.get(lineKey(l));
    if (!o) {
      changes.push({ kind: 'added', line: l });
      continue;
    }
    const fields = (['managedMax', 'unmanagedMax', 'targetSaveRate'] as const)
      .filter((f) => Math.abs(o[f] - l[f]) > 1e-9)
      .map((f) => ({ field: f, from: o[f], to: l[f] }));
    if (fields.length) changes.push({ kind: 'changed', line: l, fields });
  }
  for (const l of sortLines(before)) {
    if (!now.has(lineKey(l))) changes.push({ kind: 'removed', line: l });
  }
  return changes;
}

/** Versions newest first, each with its changes against the one before (the first version lists its lines as added). */
export function versionHistory(versions: readonly PlanVersionView[]): { version: PlanVersionView; changes: VersionChange[] }[] {
  const oldestFirst = [...versions].sort((a, b) => a.version - b.version);
  return oldestFirst
    .map((v, i) => ({ version: v, changes: diffLines(i === 0 ? [] : oldestFirst[i - 1].lines, v.lines) }))
    .reverse();
}

/** Today as 'YYYY-MM-DD' in the user's calendar. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
