/**
 * The entry model's own verdict on a frontmatter (src/pure/model/schema.ts, Zod), turned into
 * problems with their place in the file. What is expected is read from the schema itself: the
 * allowed statuses and topics, the fields of a measure, the range of a month are never retyped.
 */
import type { z } from 'astro/zod';
import { FIELD_LABELS } from '../model/field-labels.ts';
import { fieldName, listed, type Place, problemAt, shown, type Problem } from './problem.ts';

type Schema = z.ZodType;
type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string; minimum?: number } } }[];
}

const defOf = (schema: Schema) => (schema as unknown as { def: Def }).def;

/** Optional and default wrappers hide the schema an editor writes to. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  while (['optional', 'default', 'nullable', 'prefault'].includes(defOf(s).type)) s = defOf(s).innerType!;
  return s;
}

/** The schema that validates the value at a path, or undefined when the path leads nowhere. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = unwrap(schema);
  for (const key of path) {
    if (!s) return undefined;
    const def = defOf(s);
    if (def.type === 'object' && typeof key === 'string') s = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') s = def.element;
    else return undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

/** The field names a mapping at a path may hold, in the schema's order. */
export function fieldsAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  return s && defOf(s).type === 'object' ? Object.keys(defOf(s).shape ?? {}) : [];
}

function numberRange(def: Def): string {
  let whole = false;
  let min: number | undefined;
  let max: number | undefined;
  let above: number | undefined;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) whole = true;
    if (c.check === 'greater_than') c.inclusive ? (min = c.value) : (above = c.value);
    if (c.check === 'less_than' && c.inclusive) max = c.value;
  }
  const kind = whole ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (above !== undefined) return `${kind} above ${above}`;
  if (min !== undefined) return `${kind} (${min} or more)`;
  if (max !== undefined) return `${kind} up to ${max}`;
  return kind;
}

/** What a value must be, in words: `one of 已办结, 正在办理, …`, `a whole number from 1 to 12`, `text`. */
export function describeSchema(schema: Schema | undefined): string {
  if (!schema) return 'no such field';
  const def = defOf(schema);
  switch (def.type) {
    case 'enum':
      return `one of ${listed(Object.values(def.entries ?? {}))}`;
    case 'number':
      return numberRange(def);
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array': {
      const element = def.element ? unwrap(def.element) : undefined;
      const of = element ? defOf(element).type : '';
      const what = of === 'object' ? 'items with fields' : of === 'number' ? 'numbers' : of === 'enum' ? 'values' : 'texts';
      return `a list of ${what}`;
    }
    case 'object':
      return `the fields ${listed(Object.keys(def.shape ?? {}))}`;
    default:
      return def.type;
  }
}

/** Edit distance, to suggest the field an editor meant (`stauts` → `status`). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/**
 * The field an editor meant by a key that is not one: the field itself written in full-width
 * letters or another case (`ｓｔａｔｕｓ`, `Status`), its Chinese name (`状态`), or a near spelling
 * (`stauts`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const plain = word.normalize('NFKC').trim();
  const named = candidates.find((c) => c.toLowerCase() === plain.toLowerCase() || FIELD_LABELS[c]?.includes(plain));
  if (named) return named;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(plain.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(plain, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A hint for the slips editors make with figures: `value: 1.2亿` for `value: 1.2` and `magnitude: 亿`. */
function hintFor(path: readonly PropertyKey[], value: unknown): string {
  if (path.at(-1) === 'value' && typeof value === 'string') {
    const m = /^\s*(?:近|超过|超|不少于)?\s*(\d+(?:\.\d+)?)\s*([万亿])?/.exec(value);
    if (m) return `; write the number alone (value: ${m[1]})${m[2] ? ` and the magnitude apart (magnitude: ${m[2]})` : ''}`;
  }
  if (typeof value === 'string' && /^\d+$/.test(value) && path.length > 0) return `; write it without quotes`;
  return '';
}

/** `result`: the schema's verdict on the entry's data, when the caller has it already. */
/** A file of data with the place of every value: an entry's frontmatter, a settings file. */
export interface PlacedData {
  /** The file as printed in problems. */
  file: string;
  data: unknown;
  /** Where the value at a path is written, or its nearest ancestor that is. */
  at(path: readonly PropertyKey[]): Place | undefined;
  /** Where a key of the mapping at a path is written. */
  keyAt(path: readonly PropertyKey[], key: string): Place | undefined;
}

export function schemaProblems(entry: PlacedData, schema: Schema, result: z.ZodSafeParseResult<unknown> = schema.safeParse(entry.data)): Problem[] {
  const data = entry.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = data === null || data === undefined ? 'nothing' : shown(data);
    return [
      problemAt(entry.file, entry.at([]), {
        field: 'frontmatter',
        found,
        expected: describeSchema(unwrap(schema)),
        message: `${found === 'nothing' ? 'holds no fields' : `${found} is not a set of fields`}; expected ${describeSchema(unwrap(schema))}`,
      }),
    ];
  }
  if (result.success) return [];

  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues as Issue[]) {
    if (issue.code === 'unrecognized_keys') {
      const fields = fieldsAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const guess = closest(key, fields);
        problems.push(
          problemAt(entry.file, entry.keyAt(issue.path, key), {
            field: fieldName(path),
            found: JSON.stringify(key),
            expected: `one of the fields ${listed(fields)}`,
            message: guess
              ? `${JSON.stringify(key)} is not a field; did you mean ${guess}?`
              : `${JSON.stringify(key)} is not a field; expected one of the fields ${listed(fields)}`,
          }),
        );
      }
      continue;
    }
    const key = issue.path.map(String).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);

    const field = fieldName(issue.path);
    const value = valueAt(data, issue.path);
    const expected = describeSchema(schemaAt(schema, issue.path));
    let message: string;
    if (value === undefined) message = `is missing; expected ${expected}`;
    else if (value === null || value === '') message = `is empty; expected ${expected}`;
    else if (Array.isArray(value) && value.length === 0) message = `is an empty list; expected ${expected} with at least one item`;
    else if (typeof value === 'number' && value < 0) message = `${value} is negative; expected ${expected}`;
    else message = `${shown(value)} is not ${expected}${hintFor(issue.path, value)}`;
    // A field missing from the top level has no line of its own: the frontmatter's opening line
    // stands for it. A nested one points at its item.
    const place = value === undefined && issue.path.length === 1 ? { line: 1, column: 1 } : entry.at(issue.path);
    problems.push(problemAt(entry.file, place, { field, found: value === undefined ? '' : shown(value), expected, message }));
  }
  return problems;
}
