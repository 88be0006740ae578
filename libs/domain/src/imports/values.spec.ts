import {
  detectEncoding,
  detectSeparator,
  fitsNumeric,
  parseImportDate,
  parseImportDecimal,
  parseImportMonth,
  splitCodeList,
} from './values';

describe('detectEncoding', () => {
  it('sees a byte-order mark', () => {
    expect(detectEncoding(Buffer.from('\ufeffaccount_number', 'utf8'))).toBe('utf-8-bom');
  });
  it('reads Cyrillic UTF-8 as UTF-8, even cut in the middle of a letter', () => {
    const bytes = Buffer.from('Иванов', 'utf8');
    expect(detectEncoding(bytes)).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, 3))).toBe('utf-8');
  });
  it('reads the same letters in Windows-1251 (0xC8 0xE2 ... single bytes) as Windows-1251', () => {
    expect(detectEncoding(Uint8Array.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]))).toBe('windows-1251');
  });
  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('a,b,c\n1,2,3'))).toBe('utf-8');
  });
});

describe('detectSeparator', () => {
  it('counts separators outside quotes', () => {
    expect(detectSeparator('account_number;paid_on;amount')).toBe(';');
    expect(detectSeparator('account_number,paid_on,amount')).toBe(',');
    expect(detectSeparator('"a;b;c",x,y')).toBe(',');
    expect(detectSeparator('single')).toBe(',');
  });
});

describe('parseImportDate', () => {
  it('reads both formats and names the one used', () => {
    expect(parseImportDate('2025-03-04')).toEqual({ date: '2025-03-04', format: 'YYYY-MM-DD' });
    expect(parseImportDate('04.03.2025')).toEqual({ date: '2025-03-04', format: 'DD.MM.YYYY' });
  });
  it('refuses days the calendar does not have, other formats and years outside 1900..2199', () => {
    expect(parseImportDate('31.02.2025')).toBeNull();
    expect(parseImportDate('2024-02-29')).not.toBeNull();
    expect(parseImportDate('2025-02-29')).toBeNull();
    expect(parseImportDate('2025-13-01')).toBeNull();
    expect(parseImportDate('03/04/2025')).toBeNull();
    expect(parseImportDate('1899-12-31')).toBeNull();
    expect(parseImportDate('')).toBeNull();
  });
});

describe('parseImportMonth', () => {
  it('reads a month key, a dotted month or any day of the month', () => {
    expect(parseImportMonth('2025-03')).toBe('2025-03-01');
    expect(parseImportMonth('03.2025')).toBe('2025-03-01');
    expect(parseImportMonth('17.03.2025')).toBe('2025-03-01');
    expect(parseImportMonth('2025-00')).toBeNull();
  });
});

describe('parseImportDecimal', () => {
  it('reads a decimal point or comma and groups of thousands', () => {
    expect(parseImportDecimal('12.5')).toBe('12.5');
    expect(parseImportDecimal('12,50')).toBe('12.50');
    expect(parseImportDecimal('1 234,50')).toBe('1234.50');
    expect(parseImportDecimal('-0,5')).toBe('-0.5');
    expect(parseImportDecimal('007')).toBe('7');
  });
  it('refuses what is not a number or has too many decimals', () => {
    expect(parseImportDecimal('12.345')).toBeNull();
    expect(parseImportDecimal('1,234.50')).toBeNull();
    expect(parseImportDecimal('abc')).toBeNull();
    expect(parseImportDecimal('')).toBeNull();
  });
  it('checks the size against numeric(12,2)', () => {
    expect(fitsNumeric('9999999999.99', 12, 2)).toBe(true);
    expect(fitsNumeric('10000000000', 12, 2)).toBe(false);
  });
});

describe('splitCodeList', () => {
  it('splits on bars, commas, semicolons or spaces, sorted and without repeats', () => {
    expect(splitCodeList('tv|internet')).toEqual(['internet', 'tv']);
    expect(splitCodeList(' internet, tv ,tv')).toEqual(['internet', 'tv']);
    expect(splitCodeList('')).toEqual([]);
  });
});
