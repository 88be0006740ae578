import type { PlanLineRequest, PlanVersionView } from '@retention/contracts';
import {
  differs,
  diffLines,
  driversFor,
  type EditableLine,
  emptyLines,
  evaluate,
  invalidFields,
  NO_ACTUALS,
  parseMax,
  parsePercent,
  toEditable,
  toRequest,
  today,
  versionHistory,
  fieldProblem,
} from './plan-edit';

const line = (service: string, managedMax: number, unmanagedMax = 10, targetSaveRate = 0.3, region: string | null = null): PlanLineRequest => ({
  service,
  region,
  managedMax,
  unmanagedMax,
  targetSaveRate,
});

describe('editing plan lines', () => {
  it('shows the target save rate in per cent and sorts lines by service, all-regions first', () => {
    expect(toEditable([line('mobile', 5, 1, 0.333), line('internet', 40, 15, 0.35, 'west'), line('internet', 90, 25, 0.38)])).toEqual([
      { service: 'internet', region: null, managedMax: '90', unmanagedMax: '25', targetSaveRate: '38', hiddenMax: '' },
      { service: 'internet', region: 'west', managedMax: '40', unmanagedMax: '15', targetSaveRate: '35', hiddenMax: '' },
      { service: 'mobile', region: null, managedMax: '5', unmanagedMax: '1', targetSaveRate: '33.3', hiddenMax: '' },
    ]);
  });

  it('accepts whole numbers of disconnections and per cents from 0 to 100 (comma or dot)', () => {
    expect(parseMax(' 77 ')).toBe(77);
    expect(parseMax('0')).toBe(0);
    expect(parseMax('-1')).toBeNull();
    expect(parseMax('7.5')).toBeNull();
    expect(parseMax('')).toBeNull();
    expect(parsePercent('35')).toBe(35);
    expect(parsePercent('33,5')).toBe(33.5);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
  });

  it('names the invalid fields and refuses to build a request while any is invalid', () => {
    const bad: EditableLine = { service: 'internet', region: null, managedMax: 'x', unmanagedMax: '3', targetSaveRate: '120', hiddenMax: '' };
    expect(invalidFields(bad)).toEqual(['managedMax', 'targetSaveRate']);
    expect(toRequest([bad])).toBeNull();
  });

  it('turns per cents back into shares for the API', () => {
    const edited = toEditable([line('internet', 90, 25, 0.38)]);
    edited[0] = { ...edited[0], managedMax: '77', targetSaveRate: '33.3', hiddenMax: '' };
    expect(toRequest(edited)).toEqual([{ service: 'internet', region: null, managedMax: 77, unmanagedMax: 25, targetSaveRate: 0.333, hiddenMax: null }]);
  });

  it('takes the hidden-churn maximum as a whole number, or empty for a line that does not plan it', () => {
    const edited = toEditable([{ ...line('internet', 90, 25, 0.38), hiddenMax: 8 }]);
    expect(edited[0].hiddenMax).toBe('8');
    expect(toRequest(edited)?.[0].hiddenMax).toBe(8);
    expect(invalidFields({ ...edited[0], hiddenMax: '-2' })).toEqual(['hiddenMax']);
    expect(toRequest([{ ...edited[0], hiddenMax: 'x' }])).toBeNull();
    expect(differs([{ ...edited[0], hiddenMax: '9' }], [{ ...line('internet', 90, 25, 0.38), hiddenMax: 8 }])).toBe(true);
    expect(differs(edited, [{ ...line('internet', 90, 25, 0.38), hiddenMax: 8 }])).toBe(false);
  });

  it('knows when the edited lines differ from the saved ones', () => {
    const saved = [line('internet', 90, 25, 0.38), line('iptv', 40)];
    expect(differs(toEditable(saved), saved)).toBe(false);
    expect(differs(toEditable([...saved].reverse()), saved)).toBe(false);
    expect(differs(toEditable([line('internet', 91, 25, 0.38), line('iptv', 40)]), saved)).toBe(true);
    expect(differs(toEditable([line('internet', 90, 25, 0.38)]), saved)).toBe(true);
    expect(differs(emptyLines(['internet']), [])).toBe(true);
  });
});

describe('what is wrong with a field', () => {
  it('says why a value is refused: empty, not a whole number, a rate above 100 % or not a per cent', () => {
    expect(fieldProblem('managedMax', '40')).toBeNull();
    expect(fieldProblem('managedMax', ' ')).toEqual({ key: 'plan.invalid.required' });
    expect(fieldProblem('unmanagedMax', '4.5')).toEqual({ key: 'plan.invalid.wholeNumber' });
    expect(fieldProblem('managedMax', '-3')).toEqual({ key: 'plan.invalid.wholeNumber' });
    expect(fieldProblem('targetSaveRate', '35,5')).toBeNull();
    expect(fieldProblem('targetSaveRate', '150')).toEqual({ key: 'plan.invalid.rateAbove', params: { value: '150' } });
    expect(fieldProblem('targetSaveRate', 'abc')).toEqual({ key: 'plan.invalid.rateFormat' });
    // The hidden-churn maximum may stay empty (not planned), and is otherwise a whole number like the others.
    expect(fieldProblem('hiddenMax', '')).toBeNull();
    expect(fieldProblem('hiddenMax', '12')).toBeNull();
    expect(fieldProblem('hiddenMax', '1.5')).toEqual({ key: 'plan.invalid.wholeNumber' });
  });
});

describe('alerts while editing', () => {
  const actuals = { ...NO_ACTUALS, actualManaged: 75, actualUnmanaged: 9 };

  it('forecasts the month end at the current run-rate and warns when it passes the maximum', () => {
    const edited: EditableLine = { service: 'internet', region: null, managedMax: '90', unmanagedMax: '25', targetSaveRate: '38', hiddenMax: '' };
    const f = evaluate(edited, actuals, '2026-11', '2026-11-23');
    expect(f.forecastManaged).toBeCloseTo(97.8, 1);
    expect(f.alertManaged).toBe(true);
    expect(f.alertUnmanaged).toBe(false);
    expect(f.fulfilmentManaged).toBeCloseTo(75 / 90);
  });

  it('follows the maximum as typed: raising it clears the warning', () => {
    const edited: EditableLine = { service: 'internet', region: null, managedMax: '120', unmanagedMax: '25', targetSaveRate: '38', hiddenMax: '' };
    expect(evaluate(edited, actuals, '2026-11', '2026-11-23').alertManaged).toBe(false);
  });

  it('raises nothing for a half-typed maximum', () => {
    const edited: EditableLine = { service: 'internet', region: null, managedMax: '', unmanagedMax: '25', targetSaveRate: '38', hiddenMax: '' };
    const f = evaluate(edited, actuals, '2026-11', '2026-11-23');
    expect(f.alertManaged).toBe(false);
    expect(f.fulfilmentManaged).toBeNull();
  });

  it('takes a past month as complete and a future one as not begun', () => {
    const edited: EditableLine = { service: 'internet', region: null, managedMax: '70', unmanagedMax: '25', targetSaveRate: '38', hiddenMax: '' };
    expect(evaluate(edited, actuals, '2026-10', '2026-11-23').forecastManaged).toBe(75);
    expect(evaluate(edited, NO_ACTUALS, '2026-12', '2026-11-23')).toMatchObject({ forecastManaged: 0, alertManaged: false });
  });

  it('names the reasons of the kind that is over, largest first', () => {
    const drivers = [
      { reasonCode: 'moved', managed: false, count: 9 },
      { reasonCode: 'slow', managed: true, count: 4 },
      { reasonCode: 'price', managed: true, count: 10 },
    ];
    expect(driversFor(drivers, true).map((d) => d.reasonCode)).toEqual(['price', 'slow']);
    expect(driversFor(drivers, false).map((d) => d.reasonCode)).toEqual(['moved']);
    expect(driversFor(drivers, true, 1)).toHaveLength(1);
  });
});

describe('version history', () => {
  it('says what each version added, changed and removed', () => {
    expect(diffLines([line('internet', 100, 30, 0.36), line('iptv', 45)], [line('internet', 90, 30, 0.38), line('mobile', 20)])).toEqual([
      {
        kind: 'changed',
        line: line('internet', 90, 30, 0.38),
        fields: [
          { field: 'managedMax', from: 100, to: 90 },
          { field: 'targetSaveRate', from: 0.36, to: 0.38 },
        ],
      },
      { kind: 'added', line: line('mobile', 20) },
      { kind: 'removed', line: line('iptv', 45) },
    ]);
  });

  it('tells a regional line apart from the service’s all-regions line', () => {
    expect(diffLines([line('internet', 90)], [line('internet', 90), line('internet', 15, 4, 0.4, 'west')])).toEqual([
      { kind: 'added', line: line('internet', 15, 4, 0.4, 'west') },
    ]);
  });

  it('lists versions newest first, the first one as all added', () => {
    const v = (version: number, lines: PlanLineRequest[]): PlanVersionView => ({ version, note: '', createdBy: 'M', createdAt: '2026-11-01T10:00:00Z', lines });
    const history = versionHistory([v(2, [line('internet', 90)]), v(1, [line('internet', 100)])]);
    expect(history.map((h) => h.version.version)).toEqual([2, 1]);
    expect(history[0].changes).toEqual([{ kind: 'changed', line: line('internet', 90), fields: [{ field: 'managedMax', from: 100, to: 90 }] }]);
    expect(history[1].changes).toEqual([{ kind: 'added', line: line('internet', 100) }]);
  });

  it('writes today in the user’s calendar', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
