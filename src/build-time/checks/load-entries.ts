/**
 * Reads the entry files of a content folder for the checks: each collection's folder
 * (src/pure/model/collections.ts), each file screened before it is read (entry-screen.ts: links out
 * of the content folder, files that are not plain files or are too large are refused unread),
 * its bytes as UTF-8 (encoding.ts), its frontmatter's data and where each value is written
 * (frontmatter.ts), and the body with the line it starts on (the layout of src/pure/model/entry-file.ts).
 * A file that cannot be read that far gives a problem instead of an entry's data, and the other
 * files are still read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ENTRY_COLLECTIONS, isEntryFileName, type EntryKind } from '../../pure/model/collections.ts';
import { splitEntryFile } from '../../pure/model/entry-file.ts';
import { maxEntryBytes } from './limits.ts';
import { encodingProblem } from './encoding.ts';
import { refusedUnread, type ScreenOptions } from './entry-screen.ts';
import { readFrontmatter } from './frontmatter.ts';
import { problemAt, type Place, type Problem } from '../../pure/problems/problem.ts';

export type { EntryKind } from '../../pure/model/collections.ts';

export interface Entry {
  kind: EntryKind;
  /** Absolute path. */
  path: string;
  /** As printed in problems. */
  file: string;
  /** File name, e.g. `12.md`. */
  name: string;
  mdx: boolean;
  /** The whole text, decoded (without a byte-order mark). */
  text: string;
  /** The frontmatter's data as plain values; undefined when the YAML could not be read. */
  data: unknown;
  /** The text after the frontmatter. */
  body: string;
  /** The line of the file the body starts on (1-based). */
  bodyLine: number;
  /** Where a frontmatter value is: the node at the path, or its nearest ancestor that exists. */
  at(path: readonly PropertyKey[]): Place | undefined;
  /** Where a key of a frontmatter mapping is written (for a field that should not be there). */
  keyAt(path: readonly PropertyKey[], key: string): Place | undefined;
  /** A place in the body (1-based line and column counted in the body) as a place in the file. */
  inBody(line: number, column: number): Place;
}

export interface LoadedContent {
  entries: Entry[];
  problems: Problem[];
  /** Files that could not be read as entries at all (refused, not UTF-8, no frontmatter), by kind. */
  unreadable: { kind: EntryKind; file: string; name: string }[];
}

/** Display path: relative to the root when inside it, with `/` on every system. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  const shownPath = rel && !rel.startsWith('..') ? rel : path;
  return shownPath.split(sep).join('/');
}

function shownFirstLine(text: string): string {
  const first = text.split(/\r?\n/, 1)[0];
  if (!first.trim()) return 'an empty first line';
  return JSON.stringify(first.length > 20 ? `${first.slice(0, 20)}…` : first);
}

/** The problem of a text whose layout is not `---`, fields, `---`, body. */
function layoutProblem(file: string, text: string, layout: Exclude<ReturnType<typeof splitEntryFile>, { parts: unknown }>): Problem {
  if ('strayDashes' in layout) {
    const line = text.split(/\r?\n/)[layout.strayDashes - 1] ?? '';
    const found = JSON.stringify(line.length > 20 ? `${line.slice(0, 20)}…` : line);
    return problemAt(
      file,
      { line: layout.strayDashes, column: 1 },
      {
        field: 'frontmatter',
        found,
        expected: 'the closing line --- alone',
        message: `${found} starts with --- but is not the closing line; expected the line --- alone after the fields, and no other line of the fields starting with ---`,
      },
    );
  }
  if (layout.missing === 'opening') {
    return problemAt(
      file,
      { line: 1, column: 1 },
      {
        field: 'frontmatter',
        found: shownFirstLine(text),
        expected: 'a first line ---',
        message: `${shownFirstLine(text)} is not ---; expected the file to open with its fields between two lines ---, then the text`,
      },
    );
  }
  return problemAt(
    file,
    { line: 1, column: 1 },
    {
      field: 'frontmatter',
      found: 'no closing line ---',
      expected: 'a line --- after the fields',
      message: 'the fields have no closing line ---; expected a line --- between the fields and the text',
    },
  );
}

/** An entry file of a collection. */
export interface EntryFile {
  kind: EntryKind;
  /** Absolute path. */
  path: string;
  /** File name, e.g. `12.md`. */
  name: string;
}

/** What one entry file gives the checks: its entry, or the problems that kept it from being read as one (and any it has besides). */
export interface ReadEntryFile {
  entry?: Entry;
  problems: Problem[];
  /** The bytes read, when the file was not refused unread. */
  bytes?: Buffer;
}

/**
 * Reads an entry file, screened first. Given what the file gave when it was read before, and
 * its bytes are the same, that is the answer.
 */
export function readEntryFile({ kind, path }: EntryFile, root: string, screen: ScreenOptions, before?: ReadEntryFile): ReadEntryFile {
  const problems: Problem[] = [];
  const name = path.slice(path.lastIndexOf(sep) + 1);
  const refused = refusedUnread(path, name, screen);
  if (refused) return { problems: [problemAt(displayPath(root, path), undefined, refused)] };
  const bytes = readFileSync(path);
  if (before?.bytes?.equals(bytes)) return before;
  const entry = readEntry(kind, path, bytes, root, problems);
  return { entry, problems, bytes };
}

function readEntry(kind: EntryKind, path: string, bytes: Buffer, root: string, problems: Problem[]): Entry | undefined {
  const file = displayPath(root, path);
  const name = path.slice(path.lastIndexOf(sep) + 1);
  const notUtf8 = encodingProblem(file, bytes);
  if (notUtf8) {
    problems.push(notUtf8);
    return undefined;
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const layout = splitEntryFile(text);
  if (!('parts' in layout)) {
    problems.push(layoutProblem(file, text, layout));
    return undefined;
  }
  const { frontmatter, body, bodyLine } = layout.parts;
  const fields = readFrontmatter(file, frontmatter, problems);
  return {
    kind,
    path,
    file,
    name,
    mdx: extname(name) === '.mdx',
    text,
    data: fields.data,
    body,
    bodyLine,
    at: fields.at,
    keyAt: fields.keyAt,
    inBody(line, column) {
      return { line: bodyLine + line - 1, column };
    },
  };
}

/** The entry files of every collection in a content folder, in file-name order. */
export function entryFiles(contentDir: string): EntryFile[] {
  return Object.values(ENTRY_COLLECTIONS).flatMap(({ kind, folder }) => {
    const dir = join(contentDir, folder);
    try {
      return readdirSync(dir)
        .filter(isEntryFileName)
        .sort()
        .map((name) => ({ kind, path: join(dir, name), name }));
    } catch {
      return [];
    }
  });
}

/** The content as its entry files, each with what it gave when read. */
export function gatherEntries(read: readonly [EntryFile, ReadEntryFile][]): LoadedContent {
  const content: LoadedContent = { entries: [], problems: [], unreadable: [] };
  for (const [{ kind, name }, { entry, problems }] of read) {
    content.problems.push(...problems);
    if (entry) content.entries.push(entry);
    else content.unreadable.push({ kind, file: problems[0]?.file ?? name, name });
  }
  return content;
}

/** Reads the entries of every collection in a content folder, in file-name order. */
export function loadEntries(
  contentDir: string,
  root: string,
  limits: Pick<ScreenOptions, 'maxEntryBytes'> = { maxEntryBytes: maxEntryBytes() },
): LoadedContent {
  const screen: ScreenOptions = { contentDir, ...limits };
  return gatherEntries(entryFiles(contentDir).map((file) => [file, readEntryFile(file, root, screen)]));
}
