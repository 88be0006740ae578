import { fileNameFrom } from './download';
import { sortRows } from './sort';

const rows = [
  { name: 'Б', n: 3 as number | null },
  { name: 'a', n: null },
  { name: 'В', n: 10 },
  { name: 'A', n: 3 },
];
const pick = (r: (typeof rows)[number], col: string) => (col === 'name' ? r.name : r.n);

describe('sortRows', () => {
  it('sorts numbers as numbers, keeping equal rows in their order and missing values last', () => {
    expect(sortRows(rows, { active: 'n', direction: 'desc' }, pick).map((r) => r.name)).toEqual(['В', 'Б', 'A', 'a']);
    expect(sortRows(rows, { active: 'n', direction: 'asc' }, pick).map((r) => r.name)).toEqual(['Б', 'A', 'В', 'a']);
  });

  it('sorts text by the user’s collation (Russian puts Cyrillic first, case does not matter)', () => {
    expect(sortRows(rows, { active: 'name', direction: 'asc' }, pick, 'ru').map((r) => r.name)).toEqual(['Б', 'В', 'a', 'A']);
    expect(sortRows(rows, { active: 'name', direction: 'asc' }, pick, 'en').map((r) => r.name)).toEqual(['a', 'A', 'Б', 'В']);
  });

  it('leaves the order alone when unsorted', () => {
    expect(sortRows(rows, { active: 'n', direction: '' }, pick)).toEqual(rows);
  });
});

describe('fileNameFrom', () => {
  it('reads the plain and the RFC 5987 forms of Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="churn-by-reason-2026-10-2026-10.xlsx"', 'x')).toBe('churn-by-reason-2026-10-2026-10.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''otch%C3%ABt.csv", 'x')).toBe('otchët.csv');
    expect(fileNameFrom('attachment; filename=plain.csv', 'x')).toBe('plain.csv');
  });

  it('falls back when the header is missing', () => {
    expect(fileNameFrom(null, 'report.csv')).toBe('report.csv');
    expect(fileNameFrom('inline', 'report.csv')).toBe('report.csv');
  });
});
