/**
 * Chinese text as a reader's browser sets it, on a 360 px phone and a 1280 px desktop: body
 * text justified (clreq), no heading or title with a single character on its last line, a
 * marked figure never broken inside, the source's paragraph links big enough to tap.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';

const env = useBrowserAndSite();
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
const PAGES = ['/', '/measures/14/', '/measures/15/', '/measures/28/', '/documents/', '/topics/'];

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await env.browser.newPage({ viewport });
  await page.goto(env.site.origin + path);
  // The page's own fonts are the system's: wait until they are ready before measuring lines.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** For each element matching `selector`: its text, how many lines it takes and how many characters stand on the last. */
function lastLines(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => {
      const range = document.createRange();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const tops: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i])) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0) tops.push(rect.top);
        }
      }
      // Characters on one line have tops within a few pixels (a note in smaller type sits a little lower).
      tops.sort((a, b) => a - b);
      const lines: number[][] = [];
      for (const top of tops) {
        const line = lines.at(-1);
        if (line && top - line[0] < 10) line.push(top);
        else lines.push([top]);
      }
      return { text: (el.textContent ?? '').trim().slice(0, 30), lines: lines.length, onLast: lines.at(-1)?.length ?? 0 };
    }),
  );
}

describe.each(VIEWPORTS)('at $width px', (viewport) => {
  it.each(PAGES)('%s: headings and titles never end with one character alone on a line', async (path) => {
    const page = await open(path, viewport);
    const found = (await lastLines(page, 'main h1, main h2, .task-list a, .pager a, .summary-list li > a')).filter((l) => l.lines > 1 && l.onLast < 2);
    expect(found).toEqual([]);
    await page.close();
  });

  it('keeps every marked figure on one line', async () => {
    for (const path of ['/measures/09/', '/measures/15/', '/measures/17/', '/']) {
      const page = await open(path, viewport);
      const broken = await page.locator('a.figure').evaluateAll((as) => as.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));
      expect(broken, path).toEqual([]);
      expect(await page.locator('a.figure').count(), path).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('justifies the body text', async () => {
    const page = await open('/measures/15/', viewport);
    const align = await page
      .locator('.measure-text p')
      .first()
      .evaluate((p) => getComputedStyle(p).textAlign);
    expect(align).toBe('justify');
    await page.close();
  });

  it('makes each source paragraph of a measure a target of at least 24 × 24 px', async () => {
    const page = await open('/measures/14/', viewport);
    const boxes = await page.locator('.source-paragraphs a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(boxes).toHaveLength(3);
    for (const [w, h] of boxes) {
      expect(w).toBeGreaterThanOrEqual(24);
      expect(h).toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });
});
