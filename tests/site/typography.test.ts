/**
 * Chinese typography on the built pages: the reading pages show Chinese punctuation where the
 * extracted source has ASCII marks, /source/ keeps the marks as extracted and says so, and no
 * page leaves a space after a full stop.
 */
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { SOURCE_TEXT } from '../support/source-text.ts';

/** Text that is not prose: left out of what a reader reads. */
const NOT_PROSE = new Set(['script', 'style', 'template', 'svg', 'code', 'pre', 'kbd', 'samp']);

/** A page's visible text, block by block on lines (as hast-util-to-text lays it out), code left out. */
function proseOf(tree: Root): string {
  const body = structuredClone(select('body', tree)!);
  const strip = (el: Element) => {
    el.children = el.children.filter((c) => c.type !== 'element' || !NOT_PROSE.has(c.tagName));
    for (const c of el.children) if (c.type === 'element') strip(c);
  };
  strip(body);
  return textOf(body);
}

/** What a page says outside its body text: the title, descriptions, tooltips, labels. */
function attributeTexts(tree: Root): string[] {
  const meta = selectAll('meta[name="description"], meta[property^="og:"]', tree).map((m) => String(m.properties.content ?? ''));
  const labels = selectAll('body [title], body [aria-label]', tree).flatMap((el) =>
    [el.properties.title, el.properties.ariaLabel].filter((v) => typeof v === 'string'),
  );
  return [textOf(select('title', tree)), ...meta, ...(labels as string[])];
}

// An ASCII comma, semicolon, colon or bracket right beside a Chinese character, spaces between allowed.
const ASCII_MARK_IN_CHINESE = /\p{Script=Han}[ \t]*[,;:()]|[,;:()][ \t]*\p{Script=Han}/u;
const SPACE_AFTER_FULL_STOP = /。[ \t\u00a0\u3000]+(?=\S)/;

const pages = builtPages();
const reading = pages.filter((p) => p !== '/source/');

describe('reading pages', () => {
  it('are every page but /source/', () => {
    expect(pages).toContain('/source/');
    expect(reading.length).toBeGreaterThan(30);
  });

  it.each(reading)('%s shows Chinese punctuation in Chinese text, in the text and in its title, descriptions and labels', (path) => {
    const tree = readPage(path);
    const found = [proseOf(tree), ...attributeTexts(tree)].flatMap((text) => {
      const m = ASCII_MARK_IN_CHINESE.exec(text);
      return m ? [text.slice(Math.max(0, m.index - 12), m.index + 12)] : [];
    });
    expect(found).toEqual([]);
  });

  it('show the source’s marks in Chinese: (15)’s lead sentence', () => {
    const h1 = textOf(select('h1', readPage('/measures/15/')));
    expect(h1).toContain('落实《全国工会网上工作纲要（2017—2020年）》，研究制定');
  });
});

describe('/source/', () => {
  const page = readPage('/source/');
  const text = selectAll('.source-text > p', page)
    .map((p) => textOf(p))
    .join('\n');

  it('keeps the ASCII commas and brackets as extracted', () => {
    const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
    expect(count(text, /,/g)).toBe(count(SOURCE_TEXT, /,/g));
    expect(count(text, /\(/g)).toBe(count(SOURCE_TEXT, /\(/g));
    expect(count(text, /[，（）]/g)).toBe(0);
  });

  it('says that it does, and that the other pages show Chinese punctuation', () => {
    const notice = textOf(select('main .notice', page));
    expect(notice).toContain('半角');
    expect(notice).toContain('其他页面');
  });
});

describe('every page', () => {
  it.each(pages)('%s has no space after a full stop', (path) => {
    const tree = readPage(path);
    const found = [proseOf(tree), ...attributeTexts(tree)].flatMap((text) => {
      const m = SPACE_AFTER_FULL_STOP.exec(text);
      return m ? [text.slice(Math.max(0, m.index - 12), m.index + 12)] : [];
    });
    expect(found).toEqual([]);
  });
});
