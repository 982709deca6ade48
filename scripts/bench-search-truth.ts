/**
 * Ground truth for the search benchmark and the search tests, written independently of
 * site's search code (src/pure/search/): the places whose text holds the query, read from the built HTML pages — each
 * measure page (the paragraphs of `.measure-text`, with its title), each introductory section
 * of the home page (its heading and paragraphs), and each paragraph of the source page that is
 * in no measure or section — compared after the same documented folding (traditional
 * characters by opencc-js, NFKC for widths, lower case, dot and dash variants, no spaces), done
 * here with opencc-js, String.normalize and regular expressions instead of the site's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });

export interface TruthPage {
  /** The page's path, e.g. `/measures/07/` (with the site's base), and the element's id for a section or a source paragraph (`/#section-1`, `/source/#p1`). */
  url: string;
  /** Its measure text, paragraph per line. */
  text: string;
}

function fold(s: string): string {
  // Character by character: the site folds one character for one (a phrase such as 瞭解 keeps its 瞭).
  return [...s]
    .map((c) => {
      const simple = toSimplified(c);
      return simple.length === c.length ? simple : c;
    })
    .join('')
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
      const paragraphs = (selectAll(':scope > p:not(.muted)', section) as Element[]).map(paragraphText);
      return { url: `${base}measures/${name}/`, text: paragraphs.filter(Boolean).join('\n') };
    });
}

const paragraphText = (p: Element) =>
  toString(p)
    .replace(/\s*\n\s*/g, '')
    .trim();

/**
 * Every place a search finds, in report order: the home page's sections, the measure pages, the
 * source page's paragraphs whose text is in none of them.
 */
export function readBuiltDocuments(siteDir: string, base = '/'): TruthPage[] {
  const home = fromHtml(readFileSync(join(siteDir, 'index.html'), 'utf8'));
  const sections = (selectAll('section[id^="section-"]', home) as Element[]).map((section) => ({
    url: `${base}#${section.properties.id}`,
    text: [select('h2', section) as Element, ...(selectAll('p', section) as Element[])].map(paragraphText).filter(Boolean).join('\n'),
  }));
  const measures = readBuiltMeasures(siteDir, base);
  const sourcePage = fromHtml(readFileSync(join(siteDir, 'source/index.html'), 'utf8'));
  const elsewhere = [...sections, ...measures].map((d) => fold(d.text).replace(/\s/g, '')).join('\n');
  const source = (selectAll('.source-text > p', sourcePage) as Element[])
    .map((p) => ({
      url: `${base}source/#${p.properties.id}`,
      text: toString(p)
        .replace(/^\s*[\d–]+/, '')
        .replace(/\s*\n\s*/g, '')
        .trim(),
    }))
    .filter(
      (p) =>
        !elsewhere.includes(
          fold(p.text)
            .replace(/\s/g, '')
            .replace(/^\(\d+\)/, ''),
        ),
    );
  return [...sections, ...measures, ...source];
}

/** The pages that hold the query, in the order given. */
export function expectedUrls(pages: readonly TruthPage[], query: string): string[] {
  return pages.filter((p) => holds(p.text, query)).map((p) => p.url);
}
