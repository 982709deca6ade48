/**
 * Reads the entry files of a content folder for the checks: the bytes as UTF-8, the frontmatter's
 * data, where each of its values is written (line and column in the file), and the body with the
 * line it starts on. A file that cannot be read that far gives a problem instead of an entry's
 * data, and the other files are still read.
 *
 * The data is read with js-yaml, the YAML reader Astro reads frontmatter with, so the checks see
 * what the build will. Where a value is written, and what is wrong with YAML that does not parse,
 * come from the `yaml` package's document, which knows every node's place and words its errors
 * for people; it is made only when a check asks for a place or js-yaml fails (most entries need
 * neither, and the document took half the checks' time).
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { problemAt, type Place, type Problem } from './problem.ts';

export type EntryKind = 'measure' | 'section';

/** The collections of content/ and the folder each lives in, as in src/content.config.ts. */
export const COLLECTION_FOLDERS: Record<EntryKind, string> = { measure: 'measures', section: 'sections' };

const ENTRY_FILE = /^[^.].*\.mdx?$/;

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
  /** Files that could not be read as entries at all (not UTF-8, no frontmatter), by kind. */
  unreadable: { kind: EntryKind; file: string; name: string }[];
}

/** Where the first byte that is not part of a valid UTF-8 sequence is, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // Node's own check first (native): walking every byte in JavaScript cost the checks 84 ms at
  // 1000 entries; the walk below only finds the place in a file that is not UTF-8.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

function placeOfByte(bytes: Uint8Array, offset: number): Place {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

/** Whether the bytes read as GB18030 (GBK), the encoding Chinese editors most often save in by mistake. */
function readsAsGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

/** Display path: relative to the root when inside it, with `/` on every system. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  const shownPath = rel && !rel.startsWith('..') ? rel : path;
  return shownPath.split(sep).join('/');
}

function readEntry(kind: EntryKind, path: string, root: string, problems: Problem[]): Entry | undefined {
  const file = displayPath(root, path);
  const name = path.slice(path.lastIndexOf(sep) + 1);
  const bytes = readFileSync(path);
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    const byte = `0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}`;
    const gbk = readsAsGb18030(bytes) ? ' (it reads as GBK/GB18030: save it again as UTF-8)' : '';
    problems.push(
      problemAt(file, placeOfByte(bytes, bad), {
        field: 'encoding',
        found: `byte ${byte}`,
        expected: 'UTF-8 text',
        message: `byte ${byte} is not UTF-8; expected the file to be saved as UTF-8${gbk}`,
      }),
    );
    return undefined;
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const opening = OPENING.exec(text);
  if (!opening) {
    problems.push(
      problemAt(file, { line: 1, column: 1 }, {
        field: 'frontmatter',
        found: shownFirstLine(text),
        expected: 'a first line ---',
        message: `${shownFirstLine(text)} is not ---; expected the file to open with its fields between two lines ---, then the text`,
      }),
    );
    return undefined;
  }
  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(yamlStart));
  if (!closing) {
    problems.push(
      problemAt(file, { line: 1, column: 1 }, {
        field: 'frontmatter',
        found: 'no closing line ---',
        expected: 'a line --- after the fields',
        message: 'the fields have no closing line ---; expected a line --- between the fields and the text',
      }),
    );
    return undefined;
  }
  const yamlText = text.slice(yamlStart, yamlStart + closing.index);
  const bodyStart = yamlStart + closing.index + closing[0].length;
  const body = text.slice(bodyStart);
  const linesBefore = (s: string) => s.split('\n').length - 1;
  const bodyLine = linesBefore(text.slice(0, bodyStart)) + 1;
  const yamlLine = 2; // The frontmatter starts on the line after the opening ---.

  // Made the first time a place is asked for.
  let document: ReturnType<typeof frontmatterDocument> | undefined;
  const placed = () => (document ??= frontmatterDocument(yamlText, yamlLine));

  let data: unknown;
  let readable = true;
  try {
    // An empty frontmatter reads as null, as the document gives it.
    data = loadYaml(yamlText) ?? null;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    readable = false;
    const { doc, placeOfOffset } = placed();
    const lineOf = (line: number) => yamlText.split(/\r?\n/)[line - yamlLine] ?? '';
    if (doc.errors.length > 0) {
      for (const e of [...doc.errors, ...doc.warnings]) {
        const place = placeOfOffset(e.pos[0]);
        problems.push(problemAt(file, place, yamlProblem(e.code, e.message, lineOf(place.line), e.name === 'YAMLWarning')));
      }
    } else {
      // The `yaml` package reads it, at most with a warning (a tag it does not know …), but Astro's
      // reader does not: an error all the same, told where `yaml` saw something amiss if it did.
      const warning = doc.warnings[0];
      const place = warning ? placeOfOffset(warning.pos[0]) : { line: error.mark.line + yamlLine, column: error.mark.column + 1 };
      problems.push(problemAt(file, place, yamlProblem(warning?.code ?? 'UNREADABLE', warning?.message ?? error.reason, lineOf(place.line), false)));
    }
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const { doc } = placed();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) return node as Node;
    }
    return undefined;
  };

  return {
    kind,
    path,
    file,
    name,
    mdx: extname(name) === '.mdx',
    text,
    data: readable ? data : undefined,
    body,
    bodyLine,
    at(path) {
      const node = nodeAt(path);
      return node?.range ? placed().placeOfOffset(node.range[0]) : { line: yamlLine, column: 1 };
    },
    keyAt(path, key) {
      const { doc, placeOfOffset } = placed();
      const map = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return placeOfOffset(pair.key.range[0]);
      }
      return this.at(path);
    },
    inBody(line, column) {
      return { line: bodyLine + line - 1, column };
    },
  };
}

/** The frontmatter as a YAML document whose nodes know their place, and the place in the file of an offset in it. */
function frontmatterDocument(yamlText: string, yamlLine: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOfOffset = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + yamlLine - 1, column: col };
  };
  return { doc, placeOfOffset };
}

function shownFirstLine(text: string): string {
  const first = text.split(/\r?\n/, 1)[0];
  if (!first.trim()) return 'an empty first line';
  return JSON.stringify(first.length > 20 ? `${first.slice(0, 20)}…` : first);
}

/** A YAML error in words an editor can act on, with a hint for the usual slips. */
function yamlProblem(code: string, message: string, lineText: string, warning: boolean) {
  const reason = message.split(/ at line \d+/)[0].replace(/\.$/, '');
  let hint = '';
  if (/^\s*[A-Za-z]+：/.test(lineText)) hint = ' (the colon after a field name must be the half-width :, not ：)';
  else if (/\t/.test(lineText)) hint = ' (indent with spaces, not tabs)';
  else if (code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings/.test(reason)) hint = ' (put text that holds a colon ": " in quotes)';
  else if (code === 'DUPLICATE_KEY') hint = ' (each field may be given once)';
  return {
    field: 'yaml',
    found: JSON.stringify(lineText.trim()),
    expected: 'valid YAML',
    message: `${JSON.stringify(lineText.trim())} does not parse: ${reason}${hint}`,
    ...(warning ? { severity: 'warning' as const } : {}),
  };
}

/** Reads the entries of both collections in a content folder, in file-name order. */
export function loadEntries(contentDir: string, root: string): LoadedContent {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const unreadable: LoadedContent['unreadable'] = [];
  for (const kind of Object.keys(COLLECTION_FOLDERS) as EntryKind[]) {
    const dir = join(contentDir, COLLECTION_FOLDERS[kind]);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => ENTRY_FILE.test(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const before = problems.length;
      const entry = readEntry(kind, join(dir, name), root, problems);
      if (entry) entries.push(entry);
      else unreadable.push({ kind, file: problems[before]?.file ?? name, name });
    }
  }
  return { entries, problems, unreadable };
}

