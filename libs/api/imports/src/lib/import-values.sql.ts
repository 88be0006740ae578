import { INPUT_YEARS } from '@retention/domain';
import type { ColumnSpec } from './import-kinds';

/**
 * The one check of every value of an imported file, in SQL, over the file's raw fields as staged
 * (import_raw: the line, then the file's columns f1..fN as text, exactly as the file has them): whichever
 * way the rows came in (COPY of the file itself, or the CSV parser for a file COPY refuses), the same
 * statement trims, checks and normalises them, so the two ways cannot disagree.
 *
 * import_checked gets, per row: `line`; per column of the kind its normalised value under the column's
 * name (dates `YYYY-MM-DD`, months `YYYY-MM-01`, decimals as plain decimal strings `-1234.50`, choices in
 * lower case, code lists `a|b` sorted and distinct) and its error message `e_<name>` (null when the
 * value is good); `fmt_<name>` the date format or decimal separator the value was written with.
 *
 * Values: trimmed of white space (as the file's editors leave it); empty is absent. Dates `YYYY-MM-DD` or
 * `DD.MM.YYYY`, a day of the calendar within the input years; months `YYYY-MM`, `MM.YYYY` or any date of
 * the month; decimals with a point or a comma before the fraction and plain or non-breaking spaces between
 * groups of thousands (`1 234,50`), at most `scale` decimals, within the column's precision.
 */

/** White space trimmed from a value: what JavaScript's trim() removes that a billing export writes. */
const WS = `E' \\t\\n\\r\\f\\u000b\\u00a0\\ufeff\\u2007\\u202f\\u3000'`;
const YEARS = `BETWEEN ${INPUT_YEARS.min} AND ${INPUT_YEARS.max}`;
const DECIMAL = `'^([+-]?)([0-9]{1,3}(?:[ \\u00a0][0-9]{3})+|[0-9]+)(?:[.,]([0-9]+))?$'`;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** The value as written, cut to 40 characters, in quotes: what an error message shows of it. */
const shown = (t: string) => `'"' || left(${t}, 40) || '"'`;

interface ColumnSql {
  /**
   * Level 1, beside `t`: the value's shape over the field as the file has it (`s`), digits made 0 (dates, months),
   * or for decimals what follows the leading digits, their digits made 0 (`1234,50` -> `,00`). Null: none.
   */
  shape: string | null;
  /** Level 2: whether the value is in the common form the shortcut takes (`k`), over `t` and `s`; null: none. */
  fast: string | null;
  /** Level 3: intermediate values over the trimmed `t` (name -> expression). */
  parse: Record<string, string>;
  /** Level 4: the normalised value. */
  value: string;
  /** Level 5: the format it was written in (dates, decimals), or null. */
  format: string | null;
  /** Level 5: the error message over the level-4 columns (`v` the value), or null. */
  error: string;
}

/** ASCII digits, and as many zeros: `translate(x, DIGITS, ZEROS)` is the shape of x with every digit a 0. */
const DIGITS = `'0123456789'`;
const ZEROS = `'0000000000'`;

/**
 * The SQL of one column; `t` is its trimmed value (null when empty), `p` a prefix unique to the column, `f` the
 * field as the file has it. With `shortcut` (the default) a date, month or decimal in its common form (`2025-03-04`,
 * `04.03.2025`, `1234.50`, `1234,5`) is recognised by its shape (one translate, no regular expression) and takes
 * the short way to the same value, format and error; any other value takes the full way. Without it, every value
 * takes the full way (the tests compare the two).
 */
function columnSql(c: ColumnSpec, p: string, f: string, shortcut: boolean): ColumnSql {
  const t = `${p}t`;
  const v = `${p}v`;
  const sh = `${p}s`;
  const k = `${p}k`;
  const s = c.spec;
  switch (s.type) {
    case 'text':
    case 'ref': {
      const max = s.type === 'text' ? s.max : 240;
      return { shape: null, fast: null, parse: {}, value: t, format: null, error: `CASE WHEN length(${t}) > ${max} THEN 'is longer than ${max} characters' END` };
    }
    case 'codes':
      return {
        shape: null,
        fast: null,
        parse: { [`${p}a`]: `ARRAY(SELECT DISTINCT x COLLATE "C" FROM regexp_split_to_table(${t}, '[|,;[:space:]]+') x WHERE x <> '' ORDER BY 1)` },
        value: `COALESCE(array_to_string(${p}a, '|'), '')`,
        format: null,
        error: `CASE WHEN EXISTS (SELECT 1 FROM unnest(${p}a) x WHERE length(x) > 240) THEN 'holds a name longer than 240 characters' END`,
      };
    case 'date':
    case 'month': {
      // The date as YYYY-MM-DD if it is written as one of the two forms, then whether it is a day of the calendar.
      // The shape `0000-00-00` or `00.00.0000` of the field is exactly the regular expression's match (it holds no
      // white space, so the field is its trimmed value).
      const dmy = `substr(${t}, 7, 4) || '-' || substr(${t}, 4, 2) || '-' || substr(${t}, 1, 2)`;
      const slowIso = `CASE WHEN ${t} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${t}
                        WHEN ${t} ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$' THEN ${dmy} END`;
      const iso = shortcut ? `CASE ${sh} WHEN '0000-00-00' THEN ${t} WHEN '00.00.0000' THEN ${dmy} ELSE ${slowIso} END` : slowIso;
      const parse: Record<string, string> = { [`${p}d`]: iso };
      const day = `CASE WHEN substr(${p}d, 1, 4)::int ${YEARS} AND pg_input_is_valid(${p}d, 'date') THEN ${p}d END`;
      const shape = shortcut ? `translate(${f}, ${DIGITS}, ${ZEROS})` : null;
      if (s.type === 'date') {
        const slowFormat = `CASE WHEN ${t} ~ '^[0-9]{4}' THEN 'YYYY-MM-DD' ELSE 'DD.MM.YYYY' END`;
        return {
          shape,
          fast: null,
          parse,
          value: day,
          format: shortcut ? `CASE ${sh} WHEN '0000-00-00' THEN 'YYYY-MM-DD' WHEN '00.00.0000' THEN 'DD.MM.YYYY' ELSE ${slowFormat} END` : slowFormat,
          error: `CASE WHEN ${t} IS NOT NULL AND ${v} IS NULL THEN ${shown(t)} || ' is not a date (YYYY-MM-DD or DD.MM.YYYY)' END`,
        };
      }
      // A month YYYY-MM or MM.YYYY (its month 01..12), else any date of it.
      const mmyyyy = `substr(${t}, 4, 4) || '-' || substr(${t}, 1, 2) || '-01'`;
      const slowMonth = `CASE WHEN ${t} ~ '^[0-9]{4}-[0-9]{2}$' THEN ${t} || '-01' WHEN ${t} ~ '^[0-9]{2}\\.[0-9]{4}$' THEN ${mmyyyy} END`;
      parse[`${p}m`] = shortcut
        ? `CASE ${sh} WHEN '0000-00' THEN ${t} || '-01' WHEN '00.0000' THEN ${mmyyyy} WHEN '0000-00-00' THEN NULL WHEN '00.00.0000' THEN NULL ELSE ${slowMonth} END`
        : slowMonth;
      return {
        shape,
        fast: null,
        parse,
        value: `CASE WHEN ${p}m IS NOT NULL THEN CASE WHEN substr(${p}m, 1, 4)::int ${YEARS} AND substr(${p}m, 6, 2)::int BETWEEN 1 AND 12 THEN ${p}m END
                     ELSE left(${day}, 8) || '01' END`,
        format: null,
        error: `CASE WHEN ${t} IS NOT NULL AND ${v} IS NULL THEN ${shown(t)} || ' is not a month (YYYY-MM, MM.YYYY or a date)' END`,
      };
    }
    case 'decimal': {
      // The form checked by one match; then plain string functions (a regexp_match per value cost ten times as much):
      // group spaces and a plus sign dropped, the comma a point, the sign, the whole part without leading zeros, the fraction.
      const n = `${p}n`;
      const whole = `split_part(ltrim(${n}, '-'), '.', 1)`;
      const fraction = `split_part(${n}, '.', 2)`;
      const checks = [
        `WHEN ${t} IS NULL THEN NULL`,
        `WHEN ${v} IS NULL THEN ${shown(t)} || ' is not a number with at most ${s.scale} decimals'`,
        `WHEN length(ltrim(split_part(ltrim(${v}, '-'), '.', 1), '0')) > ${s.precision - s.scale} THEN ${v} || ' is too large'`,
      ];
      if (s.min === 'positive') checks.push(`WHEN ${v} LIKE '-%' OR ${v} !~ '[1-9]' THEN 'must be positive, not ' || ${v}`);
      if (s.min === 'zero') checks.push(`WHEN ${v} LIKE '-%' AND ${v} ~ '[1-9]' THEN 'must not be negative (' || ${v} || ')'`);
      const slowParse = `CASE WHEN ${t} ~ ${DECIMAL} THEN replace(translate(${t}, E' \\u00a0+', ''), ',', '.') END`;
      const slowValue = `CASE WHEN ${n} IS NOT NULL AND length(${fraction}) <= ${s.scale}
                     THEN CASE WHEN ${n} LIKE '-%' THEN '-' ELSE '' END || COALESCE(NULLIF(ltrim(${whole}, '0'), ''), '0') || COALESCE('.' || NULLIF(${fraction}, ''), '') END`;
      const slowFormat = `CASE WHEN strpos(${t}, ',') > 0 THEN ',' WHEN strpos(${t}, '.') > 0 THEN '.' END`;
      const slowError = `CASE ${checks.join(' ')} END`;
      if (!shortcut) return { shape: null, fast: null, parse: { [n]: slowParse }, value: slowValue, format: slowFormat, error: slowError };
      // The common form: 1 to precision-scale digits, the first not 0, then nothing or a point or comma and 1 to scale
      // digits (`s`, what follows the leading digits, is one of a short list, so the field holds no white space and is
      // its trimmed value). Its value is itself with a point, positive and within the precision: no error.
      const tails = [`''`, ...['.', ','].flatMap((sep) => Array.from({ length: s.scale }, (_, i) => `'${sep}${'0'.repeat(i + 1)}'`))];
      return {
        shape: `ltrim(translate(${f}, ${DIGITS}, ${ZEROS}), '0')`,
        fast: `${sh} IN (${tails.join(', ')}) AND ${t} NOT LIKE '0%' AND length(${t}) - length(${sh}) BETWEEN 1 AND ${s.precision - s.scale}`,
        parse: { [n]: `CASE WHEN ${k} THEN NULL ELSE ${slowParse} END` },
        value: `CASE WHEN ${k} THEN CASE WHEN ${sh} LIKE ',%' THEN replace(${t}, ',', '.') ELSE ${t} END ELSE ${slowValue} END`,
        format: `CASE WHEN ${k} THEN CASE WHEN ${sh} = '' THEN NULL WHEN ${sh} LIKE ',%' THEN ',' ELSE '.' END ELSE ${slowFormat} END`,
        error: `CASE WHEN ${k} THEN NULL ELSE ${slowError} END`,
      };
    }
    case 'choice':
      return {
        shape: null,
        fast: null,
        parse: {},
        value: `lower(${t})`,
        format: null,
        error: `CASE WHEN ${v} NOT IN (${s.choices.map(quote).join(', ')}) THEN ${shown(t)} || ' is not one of ${s.choices.join(', ')}' END`,
      };
  }
}

/**
 * The statement that builds import_checked from import_raw for a kind's columns found at `positions` of
 * the file (undefined: the file has no such column). Five levels, each computed once per row (OFFSET 0
 * keeps PostgreSQL from folding them into one another and computing a value once per use): the trimmed
 * value and its shape, whether it takes the shortcut (only for a kind with decimals), the parsed parts,
 * the normalised value, the error and format. `shortcut: false` builds the same table without the
 * shortcut (every value the full way), which the tests compare it with.
 */
export function checkedTableSql(columns: ColumnSpec[], positions: (number | undefined)[], options: { shortcut?: boolean } = {}): string {
  const shortcut = options.shortcut ?? true;
  const field = (i: number) => (positions[i] === undefined ? 'NULL::text' : `r.f${(positions[i] as number) + 1}`);
  const sql = columns.map((c, i) => ({ c, p: `c${i}_`, s: columnSql(c, `c${i}_`, field(i), shortcut) }));
  const carried = ({ p, s }: (typeof sql)[number]) => [`${p}t`, ...(s.shape ? [`${p}s`] : [])];
  const level1 = sql.flatMap(({ p, s }, i) => [`NULLIF(btrim(${field(i)}, ${WS}), '') AS ${p}t`, ...(s.shape ? [`${s.shape} AS ${p}s`] : [])]);
  const level2 = sql.flatMap((x) => [...carried(x), ...(x.s.fast ? [`${x.s.fast} AS ${x.p}k`] : [])]);
  const kept = (x: (typeof sql)[number]) => [...carried(x), ...(x.s.fast ? [`${x.p}k`] : [])];
  const level3 = sql.flatMap((x) => [...kept(x), ...Object.entries(x.s.parse).map(([name, e]) => `${e} AS ${name}`)]);
  const level4 = sql.flatMap((x) => [...kept(x), ...Object.keys(x.s.parse), `${x.s.value} AS ${x.p}v`]);
  const level5 = sql.flatMap(({ c, p, s }) => [
    `${p}v AS ${c.name}`,
    `CASE WHEN ${p}t IS NULL THEN ${c.nonEmpty ? `'is empty'` : 'NULL'} ELSE ${s.error} END AS e_${c.name}`,
    `CASE WHEN ${p}v IS NOT NULL THEN ${s.format ?? 'NULL'} END AS fmt_${c.name}`,
  ]);
  const l1 = `SELECT line, ${level1.join(', ')} FROM import_raw r OFFSET 0`;
  const l2 = sql.some((x) => x.s.fast) ? `SELECT line, ${level2.join(', ')} FROM (${l1}) l1 OFFSET 0` : l1;
  return `CREATE UNLOGGED TABLE import_checked AS
    SELECT line, ${level5.join(', ')}
      FROM (SELECT line, ${level4.join(', ')}
              FROM (SELECT line, ${level3.join(', ')}
                      FROM (${l2}) l2 OFFSET 0) l3 OFFSET 0) l4`;
}

/** The rows of import_checked without an error, with the kind's columns: what a kind's `resolve` reads as import_stage. */
export function stageSql(columns: ColumnSpec[]): string {
  return `SELECT line, ${columns.map((c) => c.name).join(', ')} FROM import_checked WHERE ${columns.map((c) => `e_${c.name} IS NULL`).join(' AND ')}`;
}

/**
 * Every value error of import_checked: line, column, message, and the column's place in the kind (for the order of the
 * report), for the columns `erring` names (those the scan found an error in: a column without one is not read again),
 * in one scan of the table (a row with any of their errors, then its errors one per column); empty when it names none.
 */
export function valueErrorsSql(columns: ColumnSpec[], erring: string[]): string {
  const named = columns.map((c, place) => ({ c, place })).filter(({ c }) => erring.includes(c.name));
  if (!named.length) return '';
  const values = named.map(({ c, place }) => `('${c.name}'::text, c.e_${c.name}::text, ${place})`).join(', ');
  return `SELECT c.line, x."column", x.message, x.place FROM import_checked c CROSS JOIN LATERAL (VALUES ${values}) x("column", message, place)
           WHERE (${named.map(({ c }) => `c.e_${c.name} IS NOT NULL`).join(' OR ')}) AND x.message IS NOT NULL`;
}

/** The date formats and decimal separators a column can be written with. */
const FORMATS: Partial<Record<ColumnSpec['spec']['type'], string[]>> = { date: ['YYYY-MM-DD', 'DD.MM.YYYY'], decimal: [',', '.'] };

/**
 * One scan of import_checked (a boolean per column and format, and per column whether any of its values is wrong; no
 * sort): which date formats and decimal separators the file's values were written with, and which columns hold an error.
 */
export function scanSql(columns: ColumnSpec[]): { sql: string; read: (row: Record<string, boolean>) => { dates: string[]; decimals: string[]; erring: string[] } } {
  const found = columns.flatMap((c) => (FORMATS[c.spec.type] ?? []).map((f, i) => ({ type: c.spec.type, f, as: `${c.name}_${i}`, expr: `bool_or(fmt_${c.name} = '${f}')` })));
  const which = (type: string, row: Record<string, boolean>) => [...new Set(found.filter((x) => x.type === type && row[x.as]).map((x) => x.f))].sort();
  const errors = columns.map((c) => `COALESCE(bool_or(e_${c.name} IS NOT NULL), false) AS e_${c.name}`);
  return {
    sql: `SELECT ${[...found.map((x) => `COALESCE(${x.expr}, false) AS ${x.as}`), ...errors].join(', ')} FROM import_checked`,
    read: (row) => ({ dates: which('date', row), decimals: which('decimal', row), erring: columns.filter((c) => row[`e_${c.name}`]).map((c) => c.name) }),
  };
}
