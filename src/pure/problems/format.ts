/**
 * How a problem is printed, the same by `npm run check`, the build and the preview:
 *
 *     content/measures/12.md:4:9  status  "已办" is not one of 已办结, 正在办理, 计划办理
 *
 * file:line:column (as far as they are known), two spaces, the field, two spaces, the message;
 * a warning's message starts with `warning: `.
 */
import type { Problem } from './problem.ts';

export function formatPlace(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}

export function formatProblem(p: Problem): string {
  return `${formatPlace(p)}  ${p.field}  ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

export interface Counts {
  errors: number;
  warnings: number;
  entries: number;
}

/** The closing line: `2 errors, 1 warning in 32 entries` or `32 entries checked: no problems`. */
export function formatSummary({ errors, warnings, entries }: Counts): string {
  const checked = plural(entries, 'entry', 'entries');
  if (!errors && !warnings) return `${checked} checked: no problems`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${checked}`;
}

/** All problems, one line each, then the summary. */
export function formatReport(problems: Problem[], entries: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = problems.map(formatProblem);
  lines.push(formatSummary({ errors, warnings: problems.length - errors, entries }));
  return lines.join('\n');
}
