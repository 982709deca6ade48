/**
 * The whole report prints: /print/ to PDF in Chromium, every measure in order, nothing cut; a
 * first page saying what it is, the contents, page numbers and a running head, read back from
 * the PDF's own text (pdf.js).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { dateText, runningHead } from '../../src/build-time/site/publication-text.ts';
import { PUBLICATION } from '../support/report-vocabulary.ts';
import { useBrowserAndSite } from '../support/browser.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { correctedParts, textWithNotes } from '../../src/pure/text/corrected-text.ts';

/**
 * Text as compared with a PDF's: a CJK font's map gives some characters as radicals (⼯ for 工,
 * ⻅ for 见): NFKC folds the Kangxi radicals back, and a character of the text may stand as one of
 * the radicals NFKC leaves (CJK Radicals Supplement), and the em dash as a horizontal bar (―).
 * The PDF also holds the spaces the browser sets between Chinese and Latin or digits.
 */
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\u2015/g, '\u2014');
const pattern = (words: string) =>
  comparable(words)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\p{Script=Han}/gu, (c) => `[${c}\u2E80-\u2EFF]`);
const has = (pdfText: string, words: string) => new RegExp(pattern(words), 'u').test(pdfText);
const opensWith = (pdfText: string, words: string) => new RegExp(`^${pattern(words)}`, 'u').test(pdfText);

/** The text of each page of a PDF, its pieces joined as they are laid out, made comparable. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const { items } = await (await doc.getPage(i)).getTextContent();
    pages.push(comparable(items.map((item) => ('str' in item ? item.str : '')).join('')));
  }
  await doc.destroy();
  return pages;
}

const env = useBrowserAndSite();
const entries = readMeasureEntries();

describe('printing the report', () => {
  it('puts every measure in order on the print page and prints it to a PDF of many A4 pages', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/print/`);
    // Titles as the reading pages print them, the editors' notes on corrected passages left out.
    const headings = (await page.locator('.print-measure h2').allInnerTexts()).map((h) => h.replace(/〔编者注：[^〕]*〕/g, ''));
    expect(headings).toEqual(entries.map((e) => `（${e.data.number}）${chinesePunctuation(e.data.title)}`));

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.print-only-note').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    // About 33 000 characters of Chinese at print size fill well over ten A4 pages.
    expect(pages).toBeGreaterThan(10);
    await page.close();
  });

  it('keeps every page of the site within the paper width when printed', async () => {
    const page = await env.browser.newPage({ viewport: { width: 794, height: 1123 } });
    for (const path of ['/measures/17/', '/figures/', '/source/']) {
      await page.goto(env.site.origin + path);
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('prints a first page saying what it is, then the contents, with the running head and page numbers on every other page', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/print/`);
    await page.evaluate(() => document.fonts.ready);
    // The page's own @page rules (size, margins, margin boxes), as a reader's browser prints it.
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const [first, second] = pages;
    expect(has(first, PUBLICATION.title)).toBe(true);
    expect(has(first, PUBLICATION.reporter)).toBe(true);
    // The source, the date the report's account stands at and the date of this edition.
    expect(has(first, '来源')).toBe(true);
    if (PUBLICATION.asOf) expect(has(first, dateText(PUBLICATION.asOf))).toBe(true);
    expect(has(first, dateText(PUBLICATION.edition))).toBe(true);
    expect(has(first, runningHead(PUBLICATION))).toBe(false);
    expect(first).not.toMatch(/\d+\/\d+/);
    expect(has(second, '目录')).toBe(true);
    // Each page after the first opens with its margin boxes: the running head, then the page number.
    pages.slice(1).forEach((text, i) => expect(opensWith(text, `${runningHead(PUBLICATION)}${i + 2}/${pages.length}`), `page ${i + 2}`).toBe(true));
    // The contents list every measure by number before the first measure's text.
    const contents = pages
      .slice(
        1,
        pages.findIndex((text) => has(text, '依据原文')),
      )
      .join('');
    for (const { data } of entries) expect(has(contents, `（${data.number}）${data.title}`), `(${data.number})`).toBe(true);
    // A status box is never split: each measure's status and its words are whole on one page.
    for (const { data } of entries) {
      const words = textWithNotes(correctedParts(data.statusNote, data.corrections));
      expect(
        pages.some((text) => has(text, `${data.status}编者判断，依据原文“${words}”`)),
        `(${data.number})`,
      ).toBe(true);
    }
  });

  it('sets the text the width of the paper, not a screen column', async () => {
    // A4 less the stylesheet's margins of 18 mm each side: 174 mm at 96 px an inch.
    const page = await env.browser.newPage({ viewport: { width: Math.round((174 / 25.4) * 96), height: 1000 } });
    await page.goto(`${env.site.origin}/print/`);
    await page.emulateMedia({ media: 'print' });
    const widths = await page.evaluate(() => ({
      main: document.querySelector('main')!.getBoundingClientRect().width,
      text: document.querySelector('.print-measure p:not(.status-line)')!.getBoundingClientRect().width,
      intro: document.querySelector('.print-section p')!.getBoundingClientRect().width,
    }));
    expect(widths.text).toBeGreaterThan(widths.main * 0.99);
    expect(widths.intro).toBeGreaterThan(widths.main * 0.99);
    await page.close();
  });
});
