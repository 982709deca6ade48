/**
 * A correction shows wherever the corrected words are shown: on every built page, every
 * occurrence of a corrected passage — in a measure's text, in its title in a list, a pager, a
 * heading, in `<title>`, a description or a tooltip, the citation line, on the source page —
 * carries the editors' mark or note, and the search results' titles carry the note too.
 */
import type { Element, Root, Text } from 'hast';
import { describe, expect, it } from 'vitest';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { builtPages, readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { TEST_SITE_DIR } from '../support/paths.ts';
import { BuiltIndexFiles } from '../support/search-index-files.ts';
import { readMeasureEntries } from '../support/entries.ts';

const entries = readMeasureEntries();
const corrections = entries.flatMap((e) => e.data.corrections.map((c) => ({ measure: e.data.number, ...c })));
const NOTE = '〔编者注：';

/** Where an occurrence may stand unmarked: inside a mark, or in the editors' notes that explain the corrections. */
const MARKED = ['correction', 'corrected', 'correction-notes'];

function classes(el: Element): string[] {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

/** Every text node of the page's body with the elements it stands in, outermost first. */
function textNodes(tree: Root): { text: Text; ancestors: Element[] }[] {
  const found: { text: Text; ancestors: Element[] }[] = [];
  const walk = (el: Element, ancestors: Element[]) => {
    for (const child of el.children) {
      if (child.type === 'text') found.push({ text: child, ancestors: [...ancestors, el] });
      else if (child.type === 'element' && !['script', 'style', 'template'].includes(child.tagName)) walk(child, [...ancestors, el]);
    }
  };
  walk(select('body', tree)!, []);
  return found;
}

/** The page's texts outside its body text: the title, descriptions, tooltips, labels. */
function attributeTexts(tree: Root): string[] {
  const meta = selectAll('meta[name="description"], meta[property^="og:"]', tree).map((m) => String(m.properties.content ?? ''));
  const labels = selectAll('body [title], body [aria-label]', tree).flatMap((el) =>
    [el.properties.title, el.properties.ariaLabel].filter((v) => typeof v === 'string'),
  );
  return [textOf(select('title', tree)), ...meta, ...(labels as string[])];
}

const occurrences = (text: string, phrase: string) => {
  const at: number[] = [];
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) at.push(i);
  return at;
};

describe('corrections', () => {
  it('exist in the report, one of them in a title', () => {
    expect(corrections.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.data.corrections.some((c) => e.data.title.includes(c.original)))).toBe(true);
  });

  const pages = builtPages();

  it.each(pages)('%s marks every corrected passage it shows', (path) => {
    const tree = readPage(path);
    const problems: string[] = [];
    for (const c of corrections) {
      // The source page shows the words as extracted; the others as the reading pages show them.
      const phrase = path === '/source/' ? c.original : chinesePunctuation(c.original);
      for (const { text, ancestors } of textNodes(tree)) {
        if (ancestors.some((a) => classes(a).some((k) => MARKED.includes(k)))) continue;
        // Unmarked, the passage is plain text to copy (the citation line): its note follows it.
        for (const at of occurrences(text.value, phrase)) {
          if (!text.value.slice(at + phrase.length).startsWith(NOTE)) problems.push(`text: …${text.value.slice(0, 40)}…`);
        }
      }
      for (const text of attributeTexts(tree)) {
        for (const at of occurrences(text, phrase)) {
          const after = text.slice(at + phrase.length);
          // A tooltip that names the passage to explain it is an editors' note; anywhere else the note follows the passage.
          if (!after.startsWith(NOTE) && !text.startsWith('编者')) problems.push(`attribute: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('note each corrected passage of a title right after it', () => {
    let passages = 0;
    for (const path of pages) {
      const walk = (el: Element) => {
        const children = el.children.filter((c): c is Element => c.type === 'element');
        children.forEach((child, i) => {
          if (classes(child).includes('corrected')) {
            passages++;
            const next = children[i + 1];
            expect(next && classes(next).includes('correction-note') && textOf(next).startsWith(NOTE), `${path}: ${textOf(child)} without its note`).toBe(true);
          }
          walk(child);
        });
      };
      walk(select('body', readPage(path))!);
    }
    // (14)'s title is printed in lists, pagers, related measures, its heading and the print page.
    expect(passages).toBeGreaterThanOrEqual(10);
  });

  it('are noted in the titles the search shows', async () => {
    const index = new BuiltIndexFiles(TEST_SITE_DIR);
    const { first, count } = index.manifest.kinds.measure;
    const fragments = await Promise.all(Array.from({ length: count }, (_, i) => index.fragment(first + i)));
    let noted = 0;
    for (const e of entries) {
      const fragment = fragments.find((f) => f.url === `/measures/${String(e.data.number).padStart(2, '0')}/`)!;
      for (const c of e.data.corrections.filter((c) => e.data.title.includes(c.original))) {
        expect(fragment.title).toContain(`${chinesePunctuation(c.original)}${NOTE}`);
        noted++;
      }
    }
    expect(noted).toBeGreaterThan(0);
  });
});
