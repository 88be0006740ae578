import {
  addDays,
  addMonths,
  daysInMonth,
  daysInYearMonth,
  formatMonthKey,
  monthKeyOf,
  monthRange,
  monthStart,
  monthsBetween,
  nextMonthStart,
  INPUT_YEARS,
  parseCalendarDate,
  parseInstant,
  parseMonth,
} from './months';

describe('parseMonth', () => {
  it('reads year and month of a valid key', () => {
    expect(parseMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(parseMonth('2027-01')).toEqual({ year: 2027, month: 1 });
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '2026/11', '', ' 2026-11', '0000-01'])(
    'throws RangeError on %p',
    (bad) => {
      expect(() => parseMonth(bad)).toThrow(RangeError);
    },
  );

  it('throws RangeError on a non-string', () => {
    expect(() => parseMonth(202611 as unknown as string)).toThrow(RangeError);
  });
});

describe('parseCalendarDate', () => {
  it('reads a YYYY-MM-DD string', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('reads a Date by its UTC parts, not local time', () => {
    expect(parseCalendarDate(new Date('2026-11-30T23:30:00Z'))).toEqual({ year: 2026, month: 11, day: 30 });
  });

  it.each(['2025-02-29', '2026-04-31', '2026-11-00', '2026-11-1', '2026-11-01T00:00:00Z', 'yesterday'])(
    'throws RangeError on %p',
    (bad) => {
      expect(() => parseCalendarDate(bad)).toThrow(RangeError);
    },
  );

  it('throws RangeError on an invalid Date', () => {
    expect(() => parseCalendarDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('monthStart and nextMonthStart', () => {
  it('gives the first day of the month and of the next one', () => {
    expect(monthStart('2026-11')).toBe('2026-11-01');
    expect(nextMonthStart('2026-11')).toBe('2026-12-01');
  });

  it('rolls the year over in December', () => {
    expect(nextMonthStart('2026-12')).toBe('2027-01-01');
  });

  it('validates the key', () => {
    expect(() => monthStart('2026-13')).toThrow(RangeError);
  });
});

describe('daysInMonth', () => {
  it.each([
    ['2026-01', 31],
    ['2026-04', 30],
    ['2026-02', 28],
    ['2024-02', 29],
    ['2000-02', 29],
    ['1900-02', 28],
  ])('%s has %i days', (key, days) => {
    expect(daysInMonth(key)).toBe(days);
  });

  it('agrees with daysInYearMonth', () => {
    expect(daysInYearMonth(2024, 2)).toBe(29);
    expect(daysInYearMonth(2026, 9)).toBe(30);
  });
});

describe('addMonths', () => {
  it('goes back one month', () => {
    expect(addMonths('2026-11', -1)).toBe('2026-10');
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });

  it('returns the same key for 0', () => {
    expect(addMonths('2026-11', 0)).toBe('2026-11');
  });

  it('rejects fractional shifts', () => {
    expect(() => addMonths('2026-11', 1.5)).toThrow(RangeError);
  });
});

describe('monthsBetween and monthRange', () => {
  it('counts months between keys', () => {
    expect(monthsBetween('2026-11', '2027-02')).toBe(3);
    expect(monthsBetween('2027-02', '2026-11')).toBe(-3);
  });

  it('lists keys inclusive across a year end', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('gives one key when from equals to', () => {
    expect(monthRange('2026-11', '2026-11')).toEqual(['2026-11']);
  });

  it('gives nothing when to is before from', () => {
    expect(monthRange('2026-11', '2026-10')).toEqual([]);
  });
});

describe('monthKeyOf and formatMonthKey', () => {
  it('takes the month of a date string', () => {
    expect(monthKeyOf('2026-11-30')).toBe('2026-11');
  });

  it('takes the UTC month of a Date', () => {
    expect(monthKeyOf(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12');
    expect(monthKeyOf(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
  });

  it('pads month numbers', () => {
    expect(formatMonthKey(2026, 3)).toBe('2026-03');
    expect(() => formatMonthKey(2026, 13)).toThrow(RangeError);
  });
});

describe('input years', () => {
  it.each(['1900-01', '2026-11', '2199-12'])('accepts %p from a client', (key) => {
    expect(() => parseMonth(key, INPUT_YEARS)).not.toThrow();
  });

  it.each(['0001-01', '1899-12', '2200-01', '9999-12'])('refuses %p from a client, though arithmetic may reach it', (key) => {
    expect(() => parseMonth(key, INPUT_YEARS)).toThrow(RangeError);
    expect(() => parseMonth(key)).not.toThrow();
  });

  it('leaves room for what is derived from an input: the month after the last, a period before the first', () => {
    expect(nextMonthStart('2199-12')).toBe('2200-01-01');
    expect(addMonths('1900-01', -36)).toBe('1897-01');
  });

  it.each(['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01'])('refuses the date %p from a client', (date) => {
    expect(() => parseCalendarDate(date, INPUT_YEARS)).toThrow(RangeError);
  });
});

describe('parseCalendarDate refuses the ISO forms that are not YYYY-MM-DD', () => {
  it.each(['2026-W48-1', '2026-W48', '2026-330', '20261126', '2026-11', '+002026-11-26', '2026-02-30', '2026-11-26 ', '２０２６-11-26'])(
    '%p',
    (bad) => {
      expect(() => parseCalendarDate(bad)).toThrow(RangeError);
    },
  );
});

describe('parseInstant', () => {
  it('reads UTC and offset forms to the same instant', () => {
    expect(parseInstant('2026-11-23T15:00:00Z').toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(parseInstant('2026-11-23T15:00:00.123Z').toISOString()).toBe('2026-11-23T15:00:00.123Z');
    expect(parseInstant('2026-11-23T17:30+02:30').toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(parseInstant('2026-11-23T00:30:00-01:00').toISOString()).toBe('2026-11-23T01:30:00.000Z');
  });

  it('reads years below 100 as they are written', () => {
    expect(parseInstant('0050-01-01T00:00:00Z').getUTCFullYear()).toBe(50);
  });

  it.each([
    '2026-11-23T15:00:00', // no zone
    '2026-11-23',
    '2026-W48-1T15:00:00Z',
    '2026-330T15:00:00Z',
    '20261123T150000Z',
    '2026-02-30T10:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T23:60:00Z',
    '2026-11-23T23:59:60Z',
    '2026-11-23T15:00:00+2400',
    '2026-11-23T15:00:00+24:00',
    'tomorrow',
  ])('throws RangeError on %p', (bad) => {
    expect(() => parseInstant(bad)).toThrow(RangeError);
  });

  it('keeps a client to the input years', () => {
    expect(() => parseInstant('9999-12-31T23:59:59Z', INPUT_YEARS)).toThrow(RangeError);
    expect(() => parseInstant('0000-01-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-20', 365, '2027-11-20'],
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses a fraction of a day and a bad date', () => {
    expect(() => addDays('2026-11-20', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
