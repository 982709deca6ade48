/**
 * What is refused before an entry is read, or before its frontmatter is, so that nothing from
 * outside the project reaches a page or a message and no file can exhaust the machine:
 *
 * - a file that is a link to a file outside the content folder, or not a plain file (a folder, a
 *   pipe, a device): refused unread, named by its own name only;
 * - a file larger than the limit (src/build-time/checks/limits.ts): refused unread;
 * - a frontmatter that uses a YAML alias (`*name`): a few lines of aliases can stand for billions
 *   of values (an "alias bomb"), which took the checks 70 s and 4 GB and Astro longer; an entry
 *   has no need of them, so the frontmatter is not read into values at all.
 *
 * Only the file's metadata is looked at for the first two (lstat, realpath, stat), and the
 * frontmatter's text, parsed but not resolved, for the last. The entry checks (load-entries.ts)
 * and the build's content loader (screened-glob.ts) both screen with these.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { parseDocument, visit } from 'yaml';
import { shownSize } from './limits.ts';
import type { ProblemText } from '../../pure/problems/problem.ts';

export interface ScreenOptions {
  /** The content folder: an entry's file must really be inside it. */
  contentDir: string;
  /** The largest entry file taken, in bytes. */
  maxEntryBytes: number;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** Why an entry file is not read at all, or undefined when it may be read. `name` is how it is named in the message. */
export function refusedUnread(path: string, name: string, options: ScreenOptions): ProblemText | undefined {
  const refuse = (found: string, expected: string, why: string): ProblemText => ({
    field: 'file',
    found,
    expected,
    message: `${name} ${why}; expected ${expected} (it was not read)`,
  });
  let real: string;
  try {
    real = lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return refuse('a broken link', 'an entry file in the content folder', 'is a link to a file that does not exist');
  }
  if (real !== path && !inside(realFolder(options.contentDir), real)) {
    return refuse('a link out of the content folder', 'the entry file itself, in the content folder', 'is a link to a file outside the content folder');
  }
  const stat = statSync(real);
  if (!stat.isFile()) return refuse('not a file', 'a text file', 'is not a file (a folder, a pipe or a device)');
  if (stat.size > options.maxEntryBytes) {
    return refuse(shownSize(stat.size), `an entry of at most ${shownSize(options.maxEntryBytes)}`, `is ${shownSize(stat.size)}, larger than an entry may be`);
  }
  return undefined;
}

/**
 * The first YAML alias (`*name`) of a frontmatter and where it stands (an offset in it), or undefined.
 * Most frontmatters have no `*` at all and are not parsed here.
 */
export function yamlAliasAt(frontmatter: string): { offset: number; alias: string } | undefined {
  if (!frontmatter.includes('*')) return undefined;
  let at: { offset: number; alias: string } | undefined;
  const document = parseDocument(frontmatter, { prettyErrors: false });
  visit(document, {
    Alias(_key, node) {
      at = { offset: node.range?.[0] ?? 0, alias: `*${node.source}` };
      return visit.BREAK;
    },
  });
  if (at !== undefined || document.errors.length === 0) return at;
  // Where the `yaml` package cannot read the document, another reader may: an alias token there
  // (`*` and a name after a space, a bracket, a comma or a colon) is taken for one.
  const token = /(?:^|[\s[{,:-])\*[^\s,\]}]/.exec(frontmatter);
  if (!token) return undefined;
  const offset = token.index + token[0].indexOf('*');
  return { offset, alias: /^\*[^\s,\]}]*/.exec(frontmatter.slice(offset))![0] };
}
