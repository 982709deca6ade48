/**
 * How the entry checks stop a build, and what the preview's error overlay shows: the lines
 * `npm run check` prints, with the first problem's file and line.
 */
import { resolve } from 'node:path';
import { formatProblem, formatReport, formatSummary } from '../../pure/problems/format.ts';
import type { CheckResult } from '../checks/index.ts';

/** The error that stops a build, or that the preview shows, carrying the printed lines. */
export class EntryCheckError extends Error {
  /** Where the first problem is, for Astro's error overlay. */
  loc?: { file: string; line?: number; column?: number };
  hint: string;
  constructor(
    result: CheckResult,
    root: string,
    hint = 'Fix the entry and save it: the page comes back by itself. `npm run check` prints the same list; EDITING.md explains each message.',
  ) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    super(`The entries have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n${result.problems.map(formatProblem).join('\n')}`);
    this.name = 'EntryCheckError';
    /** The heading of Astro's error overlay. */
    (this as { title?: string }).title = errors.length === 1 ? 'An entry needs fixing' : 'Entries need fixing';
    this.hint = hint;
    const first = errors[0];
    if (first?.line !== undefined) this.loc = { file: resolve(root, first.file), line: first.line, column: first.column };
  }
}

/**
 * A build's verdict: prints the checks' lines as `npm run check` prints them, and throws when
 * they found an error (the error only stops the build: its message is the summary).
 */
export function stopBuildOnErrors(result: CheckResult, root: string): void {
  if (result.problems.length) process.stderr.write(`${formatReport(result.problems, result.entries)}\n`);
  if (!result.errors) return;
  const error = new EntryCheckError(
    result,
    root,
    'Fix the entries listed above and build again; `npm run check` lists the same problems in seconds, and EDITING.md explains each message.',
  );
  error.message = `${formatSummary(result)}: nothing was built`;
  error.stack = `${error.name}: ${error.message}`;
  throw error;
}
