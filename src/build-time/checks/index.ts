/**
 * The checks of the entries, one code path for `npm run check`, the build and the preview:
 * the model's schema, and what the schema alone cannot see (numbering, file names, related
 * measures and links, figures and dates against the text, the vocabulary, mermaid diagrams,
 * MDX, encodings). Every problem of every entry is reported, not just the first.
 *
 * A checker (contentChecker) keeps what each file gave, and checks again only the files whose
 * bytes changed, then what depends on the others (numbering, related measures, links,
 * pictures): the preview checks after every save.
 */
import { resolve } from 'node:path';
import { entrySchemas } from '../../pure/model/schema.ts';
import { readSettings } from '../settings/read-settings.ts';
import { maxEntryBytes } from './limits.ts';
import { linkProblems, numberProblems, relatedProblems } from './cross-entry.ts';
import { dateProblems } from './dates.ts';
import { figureProblems } from './figures.ts';
import { imageProblems } from './images.ts';
import { entryFiles, gatherEntries, readEntryFile, type Entry, type EntryFile, type ReadEntryFile } from './load-entries.ts';
import { parseBody, type ParsedBody } from './markdown.ts';
import { mermaidProblems } from './mermaid.ts';
import { phraseProblems } from './phrases.ts';
import type { Problem } from '../../pure/problems/problem.ts';
import { schemaProblems } from '../../pure/problems/schema-issues.ts';

export type { Problem, Severity } from '../../pure/problems/problem.ts';
export { formatProblem, formatReport, formatSummary } from '../../pure/problems/format.ts';

export interface CheckOptions {
  /** The content folder, holding measures/ and sections/. Default: `content` in the root. */
  contentDir?: string;
  /** Paths in problems are printed relative to this folder. Default: the working directory. */
  root?: string;
  /** The largest entry file read, in bytes; a larger one is an error, unread. Default: src/build-time/checks/limits.ts. */
  maxEntryBytes?: number;
}

export interface CheckResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** How many entry files were checked. */
  entries: number;
}

/** Problems in file order, then line and column; a file's whole-file problems first. */
function byPlace(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** What an entry tells by itself: its problems, and the links and pictures of its body. */
interface OwnChecks {
  problems: Problem[];
  body: Pick<ParsedBody, 'links' | 'images'>;
}

async function ownChecks(entry: Entry, schemas: ReturnType<typeof entrySchemas>, reportYear: number): Promise<OwnChecks> {
  const problems: Problem[] = [];
  const body = parseBody(entry);
  const parsed = entry.data === undefined ? undefined : schemas[entry.kind].safeParse(entry.data);
  problems.push(...body.problems);
  if (parsed) {
    problems.push(...schemaProblems(entry, schemas[entry.kind], parsed));
    if (body.tree) {
      problems.push(...figureProblems(entry, body.text), ...dateProblems(entry, body.text, reportYear), ...phraseProblems(entry, body.text));
    }
  }
  problems.push(...(await mermaidProblems(entry, body.mermaid)));
  return { problems, body: { links: body.links, images: body.images } };
}

/** What a checker keeps of a file: what reading it gave, and its own checks once made. */
interface FileMemo {
  read: ReadEntryFile;
  own?: OwnChecks;
}

/**
 * Checks the content folder each time it is called. A file whose bytes did not change keeps what
 * it gave, and its own checks while the report's settings stay the same; what depends on other
 * files is checked again every time.
 */
export function contentChecker(options: CheckOptions = {}): () => Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd());
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const screen = { contentDir, maxEntryBytes: options.maxEntryBytes ?? maxEntryBytes() };
  let memo = new Map<string, FileMemo>();
  let settingsMemo = '';
  return async () => {
    // The report's settings first: an entry's statuses and topics are those of its vocabularies.
    const { settings, problems: settingsProblems } = readSettings(contentDir, root);
    if (JSON.stringify(settings) !== settingsMemo) [memo, settingsMemo] = [new Map(), JSON.stringify(settings)];
    const files: [EntryFile, FileMemo][] = entryFiles(contentDir).map((file) => {
      const before = memo.get(file.path);
      const read = readEntryFile(file, root, screen, before?.read);
      return [file, read === before?.read ? before : { read }];
    });
    memo = new Map(files.map(([file, kept]) => [file.path, kept]));
    const content = gatherEntries(files.map(([file, { read }]) => [file, read]));
    const numbered = numberProblems(content, contentDir, root);
    const problems = [...settingsProblems, ...content.problems, ...numbered.problems];
    if (settings) {
      const schemas = entrySchemas(settings.vocabularies);
      for (const [, kept] of files) {
        const entry = kept.read.entry;
        if (!entry) continue;
        const own = (kept.own ??= await ownChecks(entry, schemas, settings.publication.year));
        problems.push(...own.problems, ...relatedProblems(entry, numbered.numbers));
        problems.push(...linkProblems(entry, own.body.links, contentDir), ...imageProblems(entry, contentDir, own.body.images));
      }
    }
    // Several checks may find the same fault (a duplicate YAML key is an error and a warning).
    const unique = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()].sort(byPlace);
    const errors = unique.filter((p) => p.severity === 'error').length;
    return { problems: unique, errors, warnings: unique.length - errors, entries: content.entries.length + content.unreadable.length };
  };
}

export const checkContent = (options: CheckOptions = {}): Promise<CheckResult> => contentChecker(options)();
