import type { SortDirection } from '@angular/material/sort';

export interface SortState {
  active: string;
  direction: SortDirection;
}

/**
 * Sorts report rows by the value `pick` gives for the active column: numbers as numbers, text by the user's
 * collation, missing values last whatever the direction. Returns the rows unchanged (same order) when unsorted.
 */
export function sortRows<T>(
  rows: readonly T[],
  sort: SortState,
  pick: (row: T, column: string) => string | number | null | undefined,
  locale = 'en',
): T[] {
  if (!sort.active || !sort.direction) return [...rows];
  const factor = sort.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: pick(row, sort.active) }))
    .sort((a, b) => {
      const av = a.value;
      const bv = b.value;
      const aMissing = av === null || av === undefined || av === '';
      const bMissing = bv === null || bv === undefined || bv === '';
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      const cmp = typeof av === 'number' && typeof bv === 'number' ? av - bv : collator.compare(String(av), String(bv));
      return cmp === 0 ? a.index - b.index : cmp * factor;
    })
    .map((x) => x.row);
}
