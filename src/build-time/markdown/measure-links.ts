/**
 * Links between entries. An editor links to another measure with a plain relative Markdown link
 * to its file (`[（6）](06.md)`, `[……](06.md#标题)`), which any Markdown preview follows too; the
 * site turns it into the measure's page URL. One resolver serves the Markdown plugin, the
 * "referenced by" index and the checks.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { splitEntryFile } from '../../pure/model/entry-file.ts';
import { numberOfFileName } from '../../pure/model/measure-number.ts';

const ENTRY_LINK = /^(?!\/|[a-z][a-z0-9+.-]*:)([^?#]*\.mdx?)(?:#(.*))?$/i;

export interface MeasureLinkTarget {
  /** Absolute path of the entry file linked to. */
  file: string;
  /** The measure's number, from its file name (`06.md` → 6). */
  number: number;
  /** The heading anchor, if the link has one (decoded). */
  fragment?: string;
}

/** Reads a link's URL as a link to an entry file, or undefined when it is not one (a web link). */
export function entryLinkTarget(fromFile: string, url: string): MeasureLinkTarget | undefined {
  const match = ENTRY_LINK.exec(url);
  if (!match) return undefined;
  const file = resolve(dirname(fromFile), decodeURI(match[1]));
  const number = numberOfFileName(basename(file)) ?? Number.NaN;
  return { file, number, ...(match[2] ? { fragment: decodeURIComponent(match[2]) } : {}) };
}

const headingCache = new Map<string, { mtime: number; slugs: Set<string> }>();

/** The heading ids a page gets for an entry's headings (github-slugger, as Astro assigns them). */
export function headingSlugs(file: string): Set<string> {
  const mtime = statSync(file).mtimeMs;
  const cached = headingCache.get(file);
  if (cached?.mtime === mtime) return cached.slugs;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const layout = splitEntryFile(text);
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  visit(fromMarkdown('parts' in layout ? layout.parts.body : text), 'heading', (node) => {
    slugs.add(slugger.slug(toString(node)));
  });
  headingCache.set(file, { mtime, slugs });
  return slugs;
}

/**
 * Whether a link to an entry resolves, decided here once for the Markdown plugin and the checks:
 * the file exists, is a measure's (`NN.md`), may be read (a plain file in its own folder, not a
 * link out of it: such a file is never read, so no heading of it reaches a message), and has
 * the heading the link names.
 */
export type LinkVerdict =
  | { kind: 'resolves' }
  | { kind: 'missing' }
  | { kind: 'not-a-measure' }
  | { kind: 'unreadable' }
  | { kind: 'no-heading'; headings: Set<string> };

function readable(file: string): boolean {
  try {
    if (!lstatSync(file).isSymbolicLink()) return statSync(file).isFile();
    const real = realpathSync(file);
    return dirname(real) === realpathSync(dirname(file)) && statSync(real).isFile();
  } catch {
    return false;
  }
}

export function linkVerdict(target: MeasureLinkTarget): LinkVerdict {
  if (!existsSync(target.file)) return { kind: 'missing' };
  if (!Number.isInteger(target.number)) return { kind: 'not-a-measure' };
  if (target.fragment === undefined) return { kind: 'resolves' };
  if (!readable(target.file)) return { kind: 'unreadable' };
  const headings = headingSlugs(target.file);
  return headings.has(target.fragment) ? { kind: 'resolves' } : { kind: 'no-heading', headings };
}

/** Why a link to an entry does not resolve, in words, or undefined when it does. */
export function brokenLinkReason(target: MeasureLinkTarget): string | undefined {
  const verdict = linkVerdict(target);
  const name = basename(target.file);
  switch (verdict.kind) {
    case 'missing':
      return `links to ${name}, which does not exist`;
    case 'not-a-measure':
      return `links to ${name}, which is not a measure entry (NN.md)`;
    case 'unreadable':
      return `links to ${name}, which is not read (it is not a plain file in its folder)`;
    case 'no-heading':
      return `links to heading #${target.fragment} in ${name}, which has no such heading`;
    default:
      return undefined;
  }
}

/** The numbers of the measures an entry's body links to, in order of first link. */
export function linkedMeasures(fromFile: string, body: string): number[] {
  // A link in Markdown needs `](` (inline) or `<` (autolink): most bodies have neither, and are not parsed.
  if (!body.includes('](') && !body.includes('<')) return [];
  const tree: Root = fromMarkdown(body);
  const numbers: number[] = [];
  visit(tree, 'link', (node) => {
    const target = entryLinkTarget(fromFile, node.url);
    if (target && Number.isInteger(target.number) && !numbers.includes(target.number)) numbers.push(target.number);
  });
  return numbers;
}
