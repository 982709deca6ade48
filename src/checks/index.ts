/**
 * The checks of the entries, one code path for `npm run check`, the build and the preview:
 * the model's schema, and what the schema alone cannot see (numbering, file names, related
 * measures and links, figures and dates against the text, the vocabulary, mermaid diagrams,
 * MDX, encodings). Every problem of every entry is reported, not just the first.
 */
import { resolve } from 'node:path';
import { entrySchemas, type MeasureData } from '../model/schema.ts';
import { readSettings } from '../settings/read-settings.ts';
import { maxEntryBytes } from '../rules/limits.ts';
import { textOfMdast } from '../search/pure/plain-text.ts';
import { linkProblems, numberProblems, relatedProblems } from './cross-entry.ts';
import { dateProblems } from './dates.ts';
import { figureProblems } from './figures.ts';
import { imageProblems } from './images.ts';
import { loadEntries, type Entry } from './load-entries.ts';
import { parseBody } from './markdown.ts';
import { mermaidProblems } from './mermaid.ts';
import { phraseProblems } from './phrases.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schema-issues.ts';

export type { Problem, Severity } from './problem.ts';
export { formatProblem, formatReport, formatSummary } from './format.ts';

export interface CheckOptions {
  /** The content folder, holding measures/ and sections/. Default: `content` in the root. */
  contentDir?: string;
  /** Paths in problems are printed relative to this folder. Default: the working directory. */
  root?: string;
  /** The largest entry file read, in bytes; a larger one is an error, unread. Default: src/rules/limits.ts. */
  maxEntryBytes?: number;
}

export interface CheckResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** How many entry files were checked. */
  entries: number;
  /**
   * The measures whose frontmatter is valid, as read, with the text a reader reads. (The build
   * no longer uses them: its search index is made from the rendered entries, src/search/build/.)
   */
  measures: MeasureText[];
}

/** A measure's frontmatter and the text a reader reads on its page. */
export interface MeasureText {
  data: Pick<MeasureData, 'number' | 'title' | 'status' | 'topics'>;
  text: string;
}

/** Problems in file order, then line and column; a file's whole-file problems first. */
function byPlace(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

async function entryProblems(
  entry: Entry,
  schemas: ReturnType<typeof entrySchemas>,
  reportYear: number,
  contentDir: string,
  numbers: ReturnType<typeof numberProblems>['numbers'],
  readings: MeasureText[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const body = parseBody(entry);
  const parsed = entry.data === undefined ? undefined : schemas[entry.kind].safeParse(entry.data);
  if (entry.kind === 'measure' && body.tree && parsed?.success) {
    const { number, title, status, topics } = parsed.data as MeasureData;
    // The reader's text as the site will record it as it renders the entry (src/lib/indexes.ts):
    // the same blocks as this tree. (An MDX component or expression may render otherwise: then
    // the texts rendered decide, and the search index is made again from them.)
    readings.push({ data: { number, title, status, topics }, text: textOfMdast(body.tree) });
  }
  problems.push(...body.problems);
  if (parsed) {
    problems.push(...schemaProblems(entry, schemas[entry.kind], parsed));
    if (body.tree) {
      problems.push(...figureProblems(entry, body.text), ...dateProblems(entry, body.text, reportYear), ...phraseProblems(entry, body.text));
    }
    problems.push(...relatedProblems(entry, numbers));
  }
  problems.push(...linkProblems(entry, body.links, contentDir), ...imageProblems(entry, contentDir, body.images));
  problems.push(...(await mermaidProblems(entry, body.mermaid)));
  return problems;
}

export async function checkContent(options: CheckOptions = {}): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd());
  const contentDir = resolve(root, options.contentDir ?? 'content');
  // The report's settings first: an entry's statuses and topics are those of its vocabularies.
  const { settings, problems: settingsProblems } = readSettings(contentDir, root);
  const content = loadEntries(contentDir, root, { maxEntryBytes: options.maxEntryBytes ?? maxEntryBytes() });
  const numbered = numberProblems(content, contentDir, root);
  const problems = [...settingsProblems, ...content.problems, ...numbered.problems];
  const measures: MeasureText[] = [];
  if (settings) {
    const schemas = entrySchemas(settings.vocabularies);
    for (const entry of content.entries) problems.push(...(await entryProblems(entry, schemas, settings.publication.year, contentDir, numbered.numbers, measures)));
  }
  // Several checks may find the same fault (a duplicate YAML key is an error and a warning).
  const unique = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()].sort(byPlace);
  const errors = unique.filter((p) => p.severity === 'error').length;
  return { problems: unique, errors, warnings: unique.length - errors, entries: content.entries.length + content.unreadable.length, measures };
}
