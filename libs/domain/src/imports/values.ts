import { daysInYearMonth, INPUT_YEARS } from '../time/months';

/**
 * How a billing export writes its values, as the import reads them (docs/methodology.md, "Imports from
 * billing"): the text encoding, the field separator, dates and decimals. Everything here is pure and
 * works on one value at a time, so the import can check each row as it streams past.
 */

export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';
export type ImportSeparator = ',' | ';';
export type ImportDateFormat = 'YYYY-MM-DD' | 'DD.MM.YYYY';

/**
 * The encoding of a file from its first bytes: a UTF-8 byte-order mark, else UTF-8 when the bytes
 * decode as UTF-8 (a multi-byte sequence cut at the end of the sample is allowed), else Windows-1251
 * (the Cyrillic single-byte code page billing systems in the region export in).
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  let i = 0;
  while (i < head.length) {
    const b = head[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return 'windows-1251';
    for (let k = 1; k <= need; k++) {
      if (i + k >= head.length) return 'utf-8'; // cut by the sample's end
      if ((head[i + k] & 0xc0) !== 0x80) return 'windows-1251';
    }
    i += need + 1;
  }
  return 'utf-8';
}

/**
 * The separator from the header line: the one of comma and semicolon that occurs more often outside
 * double quotes (a tie, including none at all, is a comma).
 */
export function detectSeparator(headerLine: string): ImportSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/**
 * A calendar date written `YYYY-MM-DD` or `DD.MM.YYYY`, as `YYYY-MM-DD` with the format it was
 * written in; null when it is neither or not a day of the calendar (31.02.2025) or outside the
 * input years (1900..2199).
 */
export function parseImportDate(text: string): { date: string; format: ImportDateFormat } | null {
  let y: number;
  let m: number;
  let d: number;
  let format: ImportDateFormat;
  let match = ISO_DATE.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    format = 'YYYY-MM-DD';
  } else {
    match = DOTTED_DATE.exec(text);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    format = 'DD.MM.YYYY';
  }
  if (y < INPUT_YEARS.min || y > INPUT_YEARS.max || m < 1 || m > 12 || d < 1 || d > daysInYearMonth(y, m)) return null;
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, format };
}

/**
 * A month written `YYYY-MM`, `MM.YYYY` or as any date of it (either date format): its first day
 * `YYYY-MM-01`, or null.
 */
export function parseImportMonth(text: string): string | null {
  let match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) {
    const dotted = /^(\d{2})\.(\d{4})$/.exec(text);
    if (dotted) match = [text, dotted[2], dotted[1]] as unknown as RegExpExecArray;
  }
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (y < INPUT_YEARS.min || y > INPUT_YEARS.max || m < 1 || m > 12) return null;
    return `${match[1]}-${match[2]}-01`;
  }
  const date = parseImportDate(text);
  return date ? `${date.date.slice(0, 8)}01` : null;
}

const DECIMAL = /^([+-]?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,](\d+))?$/;

/**
 * A decimal number with a point or a comma before the fraction (and spaces, plain or non-breaking,
 * between groups of thousands: `1 234,50`), as a plain decimal string ('-1234.50'); null when it is
 * not a number or has more than `scale` decimals.
 */
export function parseImportDecimal(text: string, scale = 2): string | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) return null;
  const digits = whole.replace(/[ \u00a0]/g, '').replace(/^0+(?=\d)/, '');
  return `${sign === '-' ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}

/** Whether a plain decimal string (from parseImportDecimal) fits numeric(precision, scale). */
export function fitsNumeric(decimal: string, precision: number, scale: number): boolean {
  const whole = decimal.replace(/^-/, '').split('.')[0];
  return whole.replace(/^0+/, '').length <= precision - scale;
}

/** Splits a list of codes written in one field ('internet|tv', 'internet, tv' or 'internet tv'). */
export function splitCodeList(text: string): string[] {
  return [...new Set(text.split(/[|,;\s]+/).map((s) => s.trim()).filter(Boolean))].sort();
}
