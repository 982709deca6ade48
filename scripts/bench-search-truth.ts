/**
 * Ground truth for the search benchmark and the search tests, written independently of
 * src/search/: the measure pages whose text holds the query, read from the built HTML pages
 * (the paragraphs of `.measure-text`, which is what a reader sees), compared after the same
 * documented folding (NFKC for widths, lower case, dot and dash variants, no spaces), done
 * here with String.normalize and regular expressions instead of the site's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface TruthPage {
  /** The page's path, e.g. `/measures/07/` (with the site's base). */
  url: string;
  /** Its measure text, paragraph per line. */
  text: string;
}

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30fb\uff65\u2027\u2219\u22c5\u2022]/g, '·')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-');
}

/** The words a query asks for: split on spaces, folded; a query in ASCII quotes is one word. */
export function truthWords(query: string): string[] {
  const trimmed = query.trim();
  const quoted = /^"(.+)"$/s.exec(trimmed);
  const words = quoted ? [quoted[1].replace(/\s+/g, '')] : trimmed.split(/\s+/);
  return [...new Set(words.map((w) => fold(w).replace(/\s+/g, '')).filter(Boolean))];
}

/** Whether a page's text holds every word of the query, each within one paragraph. */
export function holds(text: string, query: string): boolean {
  const paragraphs = fold(text)
    .split('\n')
    .map((p) => p.replace(/[^\S\n]|\u200b|\ufeff/g, ''));
  const words = truthWords(query);
  return words.length > 0 && words.every((w) => paragraphs.some((p) => p.includes(w)));
}

/** The measure pages of a built site, with their text as the reader sees it. */
export function readBuiltMeasures(siteDir: string, base = '/'): TruthPage[] {
  const dir = join(siteDir, 'measures');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const tree = fromHtml(readFileSync(join(dir, name, 'index.html'), 'utf8'));
      const section = select('.measure-text', tree);
      if (!section) throw new Error(`measures/${name}/: no .measure-text`);
      const paragraphs = (selectAll(':scope > p:not(.muted)', section) as Element[]).map((p) => toString(p).replace(/\s*\n\s*/g, '').trim());
      return { url: `${base}measures/${name}/`, text: paragraphs.filter(Boolean).join('\n') };
    });
}

/** The pages that hold the query, in the order given. */
export function expectedUrls(pages: readonly TruthPage[], query: string): string[] {
  return pages.filter((p) => holds(p.text, query)).map((p) => p.url);
}
