import fc, { Arbitrary } from 'fast-check';
import type { FieldSpec, RouteInput } from './route-inputs';

/**
 * Generators for the input gate's property test: for a route's declared inputs (body, query and
 * path, read from its DTOs' decorators), a request that is valid everywhere but in one place, and
 * what the answer must say about that place.
 */

type Json = unknown;
export type Where = 'body' | 'query' | 'path';

/** One generated request and what the gate must answer. */
export interface BadCase {
  /** What was made bad: 'nul', 'too long', 'out of range', 'bad month', 'malformed JSON', ... */
  kind: string;
  where: Where | 'request';
  /** The field the 400 must name (dotted path), or undefined for a request-level refusal. */
  field?: string;
  /** The status the answer must have; any 4xx when undefined. */
  status?: number;
  /** Body as a value (sent as JSON) or as raw text (sent as it is, as JSON). */
  body?: Json;
  rawBody?: string;
  /** Send a JSON body of this many bytes (past the limit) instead. */
  bodyBytes?: number;
  query: Record<string, string | string[]>;
  params: Record<string, string>;
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const has = (spec: FieldSpec, name: string, each = false) => spec.constraints.some((c) => c.name === name && c.each === each);
const arg = (spec: FieldSpec, name: string, each = false): unknown => spec.constraints.find((c) => c.name === name && c.each === each)?.args[0];
const args = (spec: FieldSpec, name: string) => spec.constraints.filter((c) => c.name === name).map((c) => c.args[0] as number);
const noNul = (s: string) => !s.includes('\u0000');

/** Strings generated from these characters cover codes, names and the odd punctuation. */
const text = (minLength: number, maxLength: number) => fc.string({ minLength, maxLength }).filter(noNul);
const lowerAlnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');

function bounds(spec: FieldSpec): { lo: number; hi: number } {
  return { lo: Math.max(-Number.MAX_SAFE_INTEGER, ...args(spec, 'min')), hi: Math.min(Number.MAX_SAFE_INTEGER, ...args(spec, 'max')) };
}

// ---------------------------------------------------------------- valid values

const validMonth = fc.record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${pad(y, 4)}-${pad(m, 2)}`);
const validDate = fc
  .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const validInstant = fc
  .record({ date: validDate, h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), zone: fc.constantFrom('Z', '+02:00', '-05:30', '.123Z') })
  .map(({ date, h, mi, zone }) => `${date}T${pad(h, 2)}:${pad(mi, 2)}:00${zone}`);

/** A value of one element (or the whole field when `each` is false) that passes the field's constraints. */
function validScalar(spec: FieldSpec, each: boolean): Arbitrary<Json> {
  const list = arg(spec, 'isIn', each) as readonly unknown[] | undefined;
  if (list) return fc.constantFrom(...list);
  const en = arg(spec, 'isEnum', each) as Record<string, unknown> | undefined;
  if (en) return fc.constantFrom(...Object.values(en).filter((v) => typeof v === 'string'));
  if (has(spec, 'isMonthKey', each)) return validMonth;
  if (has(spec, 'isCalendarDate', each)) return validDate;
  if (has(spec, 'isInstant', each)) return validInstant;
  if (has(spec, 'isUuid', each)) return fc.uuid({ version: 4 });
  if (has(spec, 'isBoolean', each)) return fc.boolean();
  if (has(spec, 'isUrl', each)) return fc.constantFrom('https://billing.example.net/hooks/retention', 'http://10.0.0.5:8080/events');
  if (has(spec, 'isEmail', each)) return fc.constantFrom('o.petrenko@example.com', 'board@operator.test');
  if (has(spec, 'isInt', each)) {
    const { lo, hi } = bounds(spec);
    return fc.integer({ min: Math.max(lo, INT_MIN), max: Math.min(hi, INT_MAX) });
  }
  if (has(spec, 'isDecimal', each)) {
    const scale = arg(spec, 'isDecimal', each) as number;
    const { lo, hi } = bounds(spec);
    const f = 10 ** scale;
    return fc.integer({ min: Math.ceil(lo * f), max: Math.floor(hi * f) }).map((k) => k / f);
  }
  // An import's column mapping: a JSON object of our column names to the file's headers.
  if (has(spec, 'isColumnMap', each)) return fc.constantFrom('{}', '{"account_number":"Acct"}', '{"paid_on":"Дата оплати","amount":"Сума"}');
  if (has(spec, 'isString', each)) {
    const max = Math.min((arg(spec, 'maxLength', each) as number | undefined) ?? 40, 40);
    const min = (arg(spec, 'minLength', each) as number | undefined) ?? 0;
    const pattern = arg(spec, 'matches', each) as RegExp | undefined;
    if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max && noNul(s));
    return text(min, max);
  }
  throw new Error(`No valid value known for ${spec.name} (${spec.constraints.map((c) => c.name).join(', ')}): teach bad-input.ts its decorator`);
}

/** A value for the field that its decorators accept (the rest of a request around one bad value). */
export function validValue(spec: FieldSpec): Arbitrary<Json> {
  if (spec.nested) {
    const item = validObject(spec.nested.fields);
    return spec.nested.each ? fc.array(item, { maxLength: Math.min(2, (arg(spec, 'arrayMaxSize') as number) ?? 2) }) : item;
  }
  if (has(spec, 'isArray')) {
    const min = (arg(spec, 'arrayMinSize') as number | undefined) ?? 0;
    const max = Math.max(min, Math.min(3, (arg(spec, 'arrayMaxSize') as number) ?? 3));
    return has(spec, 'arrayUnique')
      ? fc.uniqueArray(validScalar(spec, true), { minLength: min, maxLength: max })
      : fc.array(validScalar(spec, true), { minLength: min, maxLength: max });
  }
  const value = validScalar(spec, false);
  return spec.nullable ? fc.oneof(fc.constant(null), value) : value;
}

export function validObject(fields: FieldSpec[]): Arbitrary<Record<string, Json>> {
  const model = Object.fromEntries(fields.map((f) => [f.name, validValue(f)]));
  return fc.record(model, { requiredKeys: fields.filter((f) => !f.optional).map((f) => f.name) }) as Arbitrary<Record<string, Json>>;
}

/** Query strings carry text: numbers and yes/no as the console writes them. */
export function asQueryValue(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

// ---------------------------------------------------------------- bad values

const nulString = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`);

const badMonth: Arbitrary<string> = fc.oneof(
  fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2200, max: 9999 })).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${pad(y, 4)}-${pad(m, 2)}`)),
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })) }).map(({ y, m }) => `${y}-${pad(m, 2)}`),
  validMonth.map((k) => k.replace('-', '')), // basic form YYYYMM
  validMonth.map((k) => k.replace(/-0(\d)$/, '-$1')).filter((k) => /-\d$/.test(k)), // YYYY-M
  validDate, // a day is not a month
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), w: fc.integer({ min: 1, max: 53 }) }).map(({ y, w }) => `${y}-W${pad(w, 2)}`),
  validMonth.map((k) => ` ${k}`),
  fc.constantFrom('0000-01', '9999-12', '+002026-11', '2026-1', '2026/11', ''),
);

const badDate: Arbitrary<string> = fc.oneof(
  // impossible days: the 29th of February of a common year, the 31st of a 30-day month, day 0 or 32+
  fc.integer({ min: 1900, max: 2199 }).filter((y) => !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)).map((y) => `${y}-02-29`),
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.constantFrom(4, 6, 9, 11) }).map(({ y, m }) => `${y}-${pad(m, 2)}-31`),
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 99 })) }).map(
    ({ y, m, d }) => `${y}-${pad(m, 2)}-${pad(d, 2)}`,
  ),
  fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2200, max: 9999 })).map((y) => `${pad(y, 4)}-06-15`),
  // ISO 8601 forms that are not YYYY-MM-DD: week dates, ordinal dates, basic format
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), w: fc.integer({ min: 1, max: 53 }), d: fc.integer({ min: 1, max: 7 }) }).map(({ y, w, d }) => `${y}-W${pad(w, 2)}-${d}`),
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), o: fc.integer({ min: 1, max: 366 }) }).map(({ y, o }) => `${y}-${pad(o, 3)}`),
  validDate.map((d) => d.replace(/-/g, '')),
  validDate.map((d) => `${d}T00:00:00Z`),
  fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '2026-11', '26-11-15', 'today', ''),
);

const badInstant: Arbitrary<string> = fc.oneof(
  badDate.filter((d) => !d.includes('T')).map((d) => `${d}T10:00:00Z`),
  validDate.chain((d) => fc.constantFrom(`${d}T24:00:00Z`, `${d}T23:60:00Z`, `${d}T23:59:60Z`, `${d}T10:00:00`, `${d}T10:00:00+2400`, `${d}T10`, d)),
  validInstant.map((i) => i.replace(/[-:]/g, '')), // basic format
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), w: fc.integer({ min: 1, max: 53 }) }).map(({ y, w }) => `${y}-W${pad(w, 2)}-1T10:00:00Z`),
  fc.constantFrom('9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', 'tomorrow', ''),
);

/** Numbers a column or a bound cannot take: past the range, 2^31, 10^19, fractions where a whole number goes. */
function badNumber(spec: FieldSpec, each: boolean): Arbitrary<number> {
  const { lo, hi } = bounds(spec);
  // Lists are filtered here, not with fc's .filter: a filter no value can pass makes the generator loop forever.
  const beyond: Arbitrary<number>[] = [];
  const huge = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e19, -1e19, 2 ** 63, 1e308].filter((v) => v > hi || v < lo);
  if (huge.length) beyond.push(fc.constantFrom(...huge));
  if (hi < 1e300) beyond.push(fc.double({ min: hi + 1, max: 1e300, noNaN: true }));
  if (lo > -1e300) beyond.push(fc.double({ min: -1e300, max: lo - 1e-3, noNaN: true }));
  if (has(spec, 'isInt', each)) beyond.push(fc.double({ min: Math.max(lo, -1e6), max: Math.min(hi, 1e6), noNaN: true, noInteger: true }));
  if (has(spec, 'isDecimal', each)) {
    const scale = arg(spec, 'isDecimal', each) as number;
    // one more decimal than the column keeps, or a value like 1e-7 written without a '.'
    beyond.push(fc.integer({ min: 1, max: 9 }).map((d) => Math.max(lo, 0) + d / 10 ** (scale + 1)).filter((v) => v <= hi));
    const tiny = [1e-7, 1e-12].filter((v) => v >= lo && v <= hi && scale < 7);
    if (tiny.length) beyond.push(fc.constantFrom(...tiny));
  }
  return fc.oneof(...beyond);
}

/** Query-string text that is no number the field takes ('1.5' only for a whole number: a decimal field takes it). */
function badNumberText(spec: FieldSpec): Arbitrary<string> {
  const texts = ['10000000000000000000', '1e400', '-1e19', 'NaN', 'abc', '0x7fffffffffffffff', '99999999999999999999999'];
  return fc.oneof(
    badNumber(spec, false).map((v) => (Number.isInteger(v) && Math.abs(v) >= 1e21 ? BigInt(v).toString() : String(v))),
    fc.constantFrom(...(has(spec, 'isInt', false) ? [...texts, '1.5'] : texts)),
  );
}

/** A value of the wrong type for the field. */
function wrongType(spec: FieldSpec, where: Where): Arbitrary<Json> {
  if (where === 'query') return fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })).map((a) => a as string[]); // a repeated key
  const isText = has(spec, 'isString') || has(spec, 'isMonthKey') || has(spec, 'isCalendarDate') || has(spec, 'isInstant') || has(spec, 'isUuid') || has(spec, 'matches');
  const isNumber = has(spec, 'isInt') || has(spec, 'isDecimal');
  const candidates: Arbitrary<Json>[] = [fc.constant({ nested: 1 })];
  if (!spec.optional && !spec.nullable) candidates.push(fc.constant(null));
  if (isText || has(spec, 'isBoolean')) candidates.push(fc.integer(), fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 2 }));
  if (isNumber) candidates.push(fc.integer().map(String), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }));
  if (has(spec, 'isBoolean')) candidates.push(fc.constantFrom('true', 'false', 'yes', 1, 0));
  if (spec.nested || has(spec, 'isArray')) candidates.push(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
  return fc.oneof(...candidates);
}

interface Bad {
  kind: string;
  value: Json;
}

/** Bad values for one field, each with the name of what is wrong with it. */
function badScalars(spec: FieldSpec, where: Where, each: boolean): Arbitrary<Bad>[] {
  const out: Arbitrary<Bad>[] = [];
  const tag = (kind: string) => (value: Json): Bad => ({ kind, value });
  const maxLength = arg(spec, 'maxLength', each) as number | undefined;
  const minLength = arg(spec, 'minLength', each) as number | undefined;
  const pattern = arg(spec, 'matches', each) as RegExp | undefined;
  const list = (arg(spec, 'isIn', each) as readonly unknown[] | undefined) ?? (arg(spec, 'isEnum', each) ? Object.values(arg(spec, 'isEnum', each) as object) : undefined);
  if (maxLength !== undefined) {
    out.push(fc.string({ unit: lowerAlnum, minLength: maxLength + 1, maxLength: maxLength + 48 }).map(tag('too long')));
  }
  if (minLength) out.push(fc.constant('').map(tag('too short')));
  if (pattern) out.push(fc.string({ maxLength: 12 }).filter((s) => noNul(s) && !pattern.test(s)).map(tag('wrong format')));
  if (list) out.push(fc.string({ maxLength: 12 }).filter((s) => !list.includes(s)).map(tag('not one of the choices')));
  if (has(spec, 'isUuid', each)) out.push(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.uuid().map((u) => `${u}0`)).filter(noNul).map(tag('not a UUID')));
  if (has(spec, 'isMonthKey', each)) out.push(badMonth.map(tag('bad month')));
  if (has(spec, 'isCalendarDate', each)) out.push(badDate.map(tag('bad date')));
  if (has(spec, 'isInstant', each)) out.push(badInstant.map(tag('bad instant')));
  if (has(spec, 'isInt', each) || has(spec, 'isDecimal', each)) {
    out.push((where === 'query' ? badNumberText(spec) : badNumber(spec, each)).map(tag('out of range')));
  }
  if (has(spec, 'isBoolean', each) && where === 'query') out.push(fc.constantFrom('yes', '1', 'TRUE', 'on', '').map(tag('not true or false')));
  return out;
}

/** Every way to make this field bad: a NUL and a wrong type for any field, then what its own decorators refuse. */
function badField(spec: FieldSpec, where: Where): Arbitrary<Bad>[] {
  const out: Arbitrary<Bad>[] = [nulString.map((value) => ({ kind: 'NUL', value })), wrongType(spec, where).map((value) => ({ kind: 'wrong type', value }))];
  if (spec.nested) {
    const { each, fields } = spec.nested;
    // one bad field inside a valid nested object (in a one-element array for a list)
    out.push(
      fc.integer({ min: 0, max: fields.length - 1 }).chain((i) =>
        fc.tuple(validObject(fields), weighted(badField(fields[i], where))).map(([obj, bad]) => ({
          kind: `${fields[i].name}: ${bad.kind}`,
          value: each ? [{ ...obj, [fields[i].name]: bad.value }] : { ...obj, [fields[i].name]: bad.value },
        })),
      ),
    );
    const maxSize = arg(spec, 'arrayMaxSize') as number | undefined;
    if (each && maxSize !== undefined) {
      out.push(validObject(fields).map((obj) => ({ kind: 'too many', value: Array.from({ length: maxSize + 1 }, () => obj) })));
    }
    return out;
  }
  if (has(spec, 'isArray')) {
    const maxSize = arg(spec, 'arrayMaxSize') as number | undefined;
    if (maxSize !== undefined) out.push(validScalar(spec, true).map((v) => ({ kind: 'too many', value: Array.from({ length: maxSize + 1 }, () => v) })));
    for (const element of badScalars(spec, where, true)) out.push(element.map((b) => ({ kind: `element ${b.kind}`, value: [b.value] })));
    return out;
  }
  return [...out, ...badScalars(spec, where, false)];
}

// ---------------------------------------------------------------- requests

/** The field's own refusals (past the first two, NUL and wrong type, that every field has) drawn three times as often. */
function weighted(bads: Arbitrary<Bad>[]): Arbitrary<Bad> {
  return fc.oneof(...bads.map((arbitrary, i) => ({ arbitrary, weight: i < 2 ? 1 : 3 })));
}

/** JSON nested 33 to 5,000 levels deep, as text (a value that deep would overflow a printer's stack). */
const deepJson = fc.record({ depth: fc.integer({ min: 33, max: 5000 }), array: fc.boolean() }).map(({ depth, array }) =>
  array ? `{"deep":${'['.repeat(depth)}1${']'.repeat(depth)}}` : `{"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
);

/** Requests for one route, each bad in exactly one place (or bad as a whole: malformed, too deep, too large). */
export function badRequests(route: RouteInput): Arbitrary<BadCase> | undefined {
  const body = route.body;
  const query = route.query ?? [];
  const takesBody = route.method !== 'GET';
  const base = fc.record({
    body: body ? validObject(body) : fc.constant(undefined),
    query: validObject(query).map((q) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, asQueryValue(v)]))),
    params: fc.record(
      Object.fromEntries(
        route.params.map((p) => [
          p.name,
          p.spec ? (validValue(p.spec) as Arbitrary<string>) : p.uuid ? fc.uuid({ version: 4 }) : fc.string({ unit: lowerAlnum, minLength: 1, maxLength: 12 }),
        ]),
      ),
    ),
  });
  const cases: { arbitrary: Arbitrary<BadCase>; weight: number }[] = [];
  const push = (arbitrary: Arbitrary<BadCase>, weight = 1) => cases.push({ arbitrary, weight });
  // Months, dates and instants have the most ways to be wrong (week, ordinal and basic forms, impossible days, years 0000 and 9999).
  const weightOf = (spec: FieldSpec) => (['isMonthKey', 'isCalendarDate', 'isInstant'].some((n) => has(spec, n)) ? 4 : 1);

  // An empty path segment is another route, not a bad value.
  const inField = (where: Where, spec: FieldSpec) =>
    fc.tuple(base, weighted(badField(spec, where)).filter((bad) => where !== 'path' || asQueryValue(bad.value) !== '')).map(([b, bad]): BadCase => {
      const c: BadCase = { kind: bad.kind, where, field: spec.name, status: 400, body: b.body, query: { ...b.query }, params: { ...b.params } };
      if (where === 'body') c.body = { ...(b.body as object), [spec.name]: bad.value };
      if (where === 'query') c.query[spec.name] = Array.isArray(bad.value) ? (bad.value as Json[]).map(asQueryValue) : asQueryValue(bad.value);
      if (where === 'path') c.params[spec.name] = asQueryValue(bad.value);
      return c;
    });

  for (const spec of body ?? []) push(inField('body', spec), weightOf(spec));
  for (const spec of query) push(inField('query', spec), weightOf(spec));
  for (const p of route.params) {
    if (p.spec) {
      push(inField('path', p.spec), weightOf(p.spec));
    } else {
      const bad: Arbitrary<Bad>[] = [nulString.map((value) => ({ kind: 'NUL', value }))];
      if (p.uuid) bad.push(fc.oneof(fc.string({ unit: lowerAlnum, minLength: 1, maxLength: 12 }), fc.uuid().map((u) => `${u}0`)).map((value) => ({ kind: 'not a UUID', value })));
      push(
        fc.tuple(base, fc.oneof(...bad)).map(([b, x]) => ({ kind: x.kind, where: 'path' as const, field: p.name, status: 400, body: b.body, query: b.query, params: { ...b.params, [p.name]: String(x.value) } })),
      );
      // an unknown key of any length or spelling: a 4xx (404 mostly), never a write
      push(
        fc.tuple(base, fc.string({ minLength: 1, maxLength: 120 }).filter((s) => noNul(s) && s.trim() !== '' && s !== '.' && s !== '..')).map(([b, key]) => ({
          kind: 'unknown key', where: 'path' as const, body: b.body, query: b.query, params: { ...b.params, [p.name]: key },
        })),
      );
    }
  }
  if (takesBody) {
    const request = (kind: string, status: number, body: Arbitrary<Partial<BadCase>>) =>
      fc.tuple(base, body).map(([b, value]): BadCase => ({ kind, where: 'request', status, query: b.query, params: b.params, ...value }));
    push(
      base.chain((b) => {
        const json = JSON.stringify(b.body ?? { any: 'thing' });
        return fc
          .oneof(
            fc.integer({ min: 1, max: json.length - 1 }).map((n) => json.slice(0, n)),
            fc.tuple(fc.integer({ min: 0, max: json.length }), fc.constantFrom('}', '{', ',', '"', ':', "'", 'undefined', 'NaN', '\u0000')).map(([n, g]) => json.slice(0, n) + g + json.slice(n)),
            fc.constantFrom("{'a': 1}", '{a:1}', '[1,]', '{"a":1,}', 'nul', '{"a": 01}'),
          )
          .filter((raw) => {
            try {
              JSON.parse(raw);
              return false;
            } catch {
              return raw.trim() !== '';
            }
          })
          .map((rawBody): BadCase => ({ kind: 'malformed JSON', where: 'request', status: 400, rawBody, query: b.query, params: b.params }));
      }),
    );
    push(request('nested too deep', 400, deepJson.map((rawBody) => ({ rawBody }))));
    push(request('too large', 413, fc.integer({ min: 100 * 1024 + 1, max: 160 * 1024 }).map((bodyBytes) => ({ bodyBytes }))));
  }
  return cases.length ? fc.oneof(...cases) : undefined;
}
