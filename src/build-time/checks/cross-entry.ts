/**
 * What no single entry can tell: the measures are numbered 1, 2, 3 … once each with no gaps,
 * each file is named after its number (`07.md`), `related` names measures that exist, and the
 * body's links to other entries (`[（6）](06.md)`, `06.md#标题`) point at files and headings
 * that exist. Links are read with src/build-time/markdown/measure-links.ts, the resolver the site uses.
 */
import { basename, join, relative } from 'node:path';
import { entryLinkTarget, linkVerdict } from '../markdown/measure-links.ts';
import { measureFileName, numberOfFileName } from '../../pure/model/measure-number.ts';
import { ENTRY_COLLECTIONS } from '../../pure/model/collections.ts';
import { displayPath, type Entry, type LoadedContent } from './load-entries.ts';
import type { BodyLink } from './markdown.ts';
import { fieldName, listed, problemAt, shown, type Problem } from '../../pure/problems/problem.ts';

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;
const numberOf = (entry: Entry): unknown =>
  entry.data !== null && typeof entry.data === 'object' ? (entry.data as Record<string, unknown>).number : undefined;
const fileNumber = numberOfFileName;

/** `1 to 30`, or `1 to 12, 14 to 30` when there are gaps. */
function ranges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]} to ${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

export interface MeasureNumbers {
  /** The numbers that stand for a measure: read from the frontmatter, or from the file name of an entry whose number cannot be read. */
  known: Set<number>;
}

export function numberProblems(content: LoadedContent, contentDir: string, root: string): { problems: Problem[]; numbers: MeasureNumbers } {
  const problems: Problem[] = [];
  const measures = content.entries.filter((e) => e.kind === 'measure');
  const known = new Set<number>();
  const byNumber = new Map<number, Entry[]>();

  for (const entry of measures) {
    const n = numberOf(entry);
    if (!isCount(n)) {
      // The schema reports the number itself; the file name still says which measure this is.
      const fromName = fileNumber(entry.name);
      if (fromName) known.add(fromName);
      continue;
    }
    known.add(n);
    byNumber.set(n, [...(byNumber.get(n) ?? []), entry]);
    const wanted = measureFileName(n, entry.mdx);
    if (entry.name !== wanted) {
      const named = fileNumber(entry.name);
      const message =
        named !== undefined && named !== n
          ? `${n} does not match the file name ${entry.name}; expected ${named}, or the file renamed to ${wanted}`
          : `${n} does not match the file name ${entry.name}; expected the file to be named ${wanted}`;
      problems.push(problemAt(entry.file, entry.at(['number']), { field: 'number', found: String(n), expected: `the number in the file name`, message }));
    }
  }
  for (const u of content.unreadable) {
    if (u.kind !== 'measure') continue;
    const fromName = fileNumber(u.name);
    if (fromName) known.add(fromName);
  }

  for (const [n, entries] of byNumber) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry).map((e) => e.file);
      problems.push(
        problemAt(entry.file, entry.at(['number']), {
          field: 'number',
          found: String(n),
          expected: 'each number once',
          message: `${n} is also the number of ${others.join(', ')}; expected each number once`,
        }),
      );
    }
  }

  if (known.size) {
    const max = Math.max(...known);
    const folder = displayPath(root, join(contentDir, ENTRY_COLLECTIONS.measures.folder));
    for (let n = 1; n <= max; n++) {
      if (known.has(n)) continue;
      problems.push(
        problemAt(folder, undefined, {
          field: 'number',
          found: String(n),
          expected: `the numbers 1 to ${max} without gaps`,
          message: `${n} is missing; expected the measures numbered 1 to ${max} without gaps (no ${measureFileName(n)})`,
        }),
      );
    }
  }

  const sections = content.entries.filter((e) => e.kind === 'section');
  const byOrder = new Map<number, Entry[]>();
  for (const entry of sections) {
    const order = entry.data !== null && typeof entry.data === 'object' ? (entry.data as Record<string, unknown>).order : undefined;
    if (isCount(order)) byOrder.set(order, [...(byOrder.get(order) ?? []), entry]);
  }
  for (const [order, entries] of byOrder) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      problems.push(
        problemAt(entry.file, entry.at(['order']), {
          field: 'order',
          found: String(order),
          expected: 'each order once',
          message: `${order} is also the order of ${entries
            .filter((e) => e !== entry)
            .map((e) => e.file)
            .join(', ')}; expected each order once`,
        }),
      );
    }
  }
  return { problems, numbers: { known } };
}

export function relatedProblems(entry: Entry, numbers: MeasureNumbers): Problem[] {
  if (entry.kind !== 'measure' || entry.data === null || typeof entry.data !== 'object') return [];
  const related = (entry.data as Record<string, unknown>).related;
  if (!Array.isArray(related)) return [];
  const own = numberOf(entry);
  const problems: Problem[] = [];
  const seen = new Set<number>();
  related.forEach((n, index) => {
    if (!isCount(n)) return; // The schema reports it.
    const path = ['related', index];
    const at = entry.at(path);
    if (n === own) {
      problems.push(
        problemAt(entry.file, at, {
          field: fieldName(path),
          found: String(n),
          expected: 'the numbers of other measures',
          message: `${n} is this measure's own number; expected the numbers of other measures`,
        }),
      );
    } else if (!numbers.known.has(n)) {
      problems.push(
        problemAt(entry.file, at, {
          field: fieldName(path),
          found: String(n),
          expected: `one of ${ranges([...numbers.known])}`,
          message: `${n} is not the number of a measure; expected one of ${ranges([...numbers.known])}`,
        }),
      );
    } else if (seen.has(n)) {
      problems.push(
        problemAt(entry.file, at, {
          field: fieldName(path),
          found: String(n),
          expected: 'each measure once',
          message: `${n} is listed twice; expected each related measure once`,
          severity: 'warning',
        }),
      );
    }
    seen.add(n);
  });
  return problems;
}

export function linkProblems(entry: Entry, links: BodyLink[], contentDir: string): Problem[] {
  const problems: Problem[] = [];
  const measuresDir = join(contentDir, ENTRY_COLLECTIONS.measures.folder);
  for (const link of links) {
    const url = link.url;
    const target = entryLinkTarget(entry.path, url);
    const found = shown(url);
    if (!target) {
      // A site address breaks when the site moves (BASE_PATH) and in any Markdown preview.
      if (/^\/(?!\/)/.test(url) || /^(?:\.\.?\/)*measures\/\d+\/?(?:#.*)?$/.test(url)) {
        const n = /measures\/(\d+)/.exec(url)?.[1];
        problems.push(
          problemAt(entry.file, link.place, {
            field: 'link',
            found,
            expected: 'a link to the entry file',
            message: `${found} is a site address; expected a link to the entry's file${n ? `, ${measureFileName(Number(n))}` : ', such as 06.md'}`,
            severity: 'warning',
          }),
        );
      }
      continue;
    }
    const targetName = relative(measuresDir, target.file).startsWith('..') ? displayPath(contentDir, target.file) : basename(target.file);
    const verdict = linkVerdict(target);
    const problem = (expected: string, message: string) => problems.push(problemAt(entry.file, link.place, { field: 'link', found, expected, message }));
    if (verdict.kind === 'missing') {
      problem(
        'the file of an existing measure',
        `${url.split('#')[0] === targetName ? found : `${found} links to ${targetName}, which`} does not exist; expected the file of an existing measure, such as 06.md`,
      );
    } else if (verdict.kind === 'not-a-measure') {
      problem('the file of a measure, NN.md', `${found} links to ${targetName}, which is not a measure; expected the file of a measure, such as 06.md`);
    } else if (verdict.kind === 'unreadable') {
      problem(
        'a plain entry file',
        `${found} names a heading of ${basename(target.file)}, which is not read; expected a link to a plain entry file in its folder`,
      );
    } else if (verdict.kind === 'no-heading') {
      const have = verdict.headings.size
        ? `one of ${listed([...verdict.headings].map((s) => `#${s}`))}`
        : `no fragment: ${basename(target.file)} has no headings`;
      problem(have, `${found} names the heading #${target.fragment}, which ${basename(target.file)} does not have; expected ${have}`);
    }
  }
  return problems;
}
