/**
 * A problem the checks found in an entry: where it is (file, and line and column where they can
 * be known), which field, what was found there and what was expected. The checks of
 * `npm run check`, of the build and of the preview all report these, printed by `format.ts`.
 */

export type Severity = 'error' | 'warning';

export interface Place {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the line, counted in characters. */
  column: number;
}

export interface Problem {
  /** The file as printed: relative to the project root, with `/` (`content/measures/12.md`). */
  file: string;
  line?: number;
  column?: number;
  /** The field (`status`, `figures[2].value`), or what else is at fault (`body`, `link`, `mermaid`, `yaml` …). */
  field: string;
  /** What was found, as printed (`"已完"`), or empty when nothing was found. */
  found: string;
  /** What was expected, in words. */
  expected: string;
  /** The whole sentence printed after the field. */
  message: string;
  severity: Severity;
}

/** Everything but the place, which `at` fills in. */
export type ProblemText = Pick<Problem, 'field' | 'found' | 'expected' | 'message'> & { severity?: Severity };

export function problemAt(file: string, place: Place | undefined, text: ProblemText): Problem {
  return {
    file,
    ...(place ? { line: place.line, column: place.column } : {}),
    field: text.field,
    found: text.found,
    expected: text.expected,
    message: text.message,
    severity: text.severity ?? 'error',
  };
}

/**
 * A value as an editor sees it in a message: text in double quotes (`"已完"`), numbers and
 * booleans as written, lists in brackets, `empty` for a field with no value.
 */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.keys(value).join(', ')}}`;
  return String(value);
}

/**
 * A field path as printed: `status`, `figures[2].value`, `dates[1].until.day`. List positions
 * count from 1, the way an editor counts the `-` items of a list.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key + 1}]`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name || 'frontmatter';
}

/** `a, b, c` — how lists of allowed values are printed. */
export const listed = (values: readonly unknown[]) => values.map(String).join(', ');
