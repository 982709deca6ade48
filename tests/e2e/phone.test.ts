/**
 * Every kind of page on a 360×740 phone (mobile, touch, 2×) in Chromium, in light and in dark:
 * no page scrolls sideways, no text is cut off outside a box that scrolls, every diagram label is
 * at least 12 px as drawn, no table cell is squeezed below three Chinese characters, and axe finds
 * nothing. Each page's screenshot is saved to .cache/phone-shots/ (not committed) to look at.
 * Layout shift on /search/ is tested with the search page (tests/e2e/search.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALLEST_LABEL_PX } from '../../src/pure/diagrams/drawing-size.ts';
import { useBrowserAndSite } from '../support/browser.ts';
import { PAGE_KINDS, PHONE } from '../support/page-kinds.ts';
import { ROOT } from '../support/paths.ts';

const env = useBrowserAndSite();
const SHOTS = join(ROOT, '.cache/phone-shots');
const SHOT_HEIGHT = 8 * 740;

async function open(page: Page, path: string, search = false) {
  await page.goto(env.site.origin + path);
  if (search) {
    await page.waitForFunction(() => {
      const results = document.querySelector<HTMLElement>('[data-results]');
      return results?.dataset.state === 'ready' && results.dataset.partialState === 'ready';
    });
  }
  await page.evaluate(() => document.fonts.ready);
}

/** What the page shows that a phone reader could not read: measured in the browser. */
function layoutProblems(page: Page, smallestLabel: number) {
  return page.evaluate((smallest) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways: ${root.scrollWidth} px wide in ${root.clientWidth}`);

    const where = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    /** Text a reader is not meant to see (screen-reader text) or that a box lets them scroll to. */
    const exempt = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.clipPath === 'inset(50%)') return true;
        if (e !== el && ['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    /** The boxes that clip what overflows them (overflow hidden or clip, an SVG's own bounds). */
    const clippers = (el: Element) => {
      const boxes: Element[] = [];
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY)) boxes.push(e);
      }
      return boxes;
    };

    // Text cut off: any piece of text outside the screen, or outside a box that clips it.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || exempt(el)) continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      const text = node.textContent.trim().slice(0, 20);
      for (const r of rects) {
        if (r.left < -0.5 || r.right > root.clientWidth + 0.5) {
          problems.push(`text off the screen: “${text}” in ${where(el)} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
          break;
        }
        const cut = clippers(el).find((box) => {
          const b = box.getBoundingClientRect();
          return r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5;
        });
        if (cut) {
          problems.push(`text cut off: “${text}” in ${where(el)} by ${where(cut)}`);
          break;
        }
      }
    }

    // Diagram labels as drawn: the font size times the drawing's scale on the screen.
    for (const label of document.querySelectorAll<SVGTextElement>('figure.diagram svg text')) {
      if (!label.textContent?.trim() || !label.getClientRects().length) continue;
      const ctm = label.getScreenCTM();
      const px = parseFloat(getComputedStyle(label).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
      if (px < smallest - 0.01) problems.push(`diagram label at ${px.toFixed(1)} px: “${label.textContent.trim().slice(0, 20)}”`);
    }

    // Table cells: none squeezed below three Chinese characters (a cell narrower holds one short line).
    for (const cell of document.querySelectorAll<HTMLTableCellElement>('td, th')) {
      const rects = cell.getClientRects();
      if (!rects.length || !cell.textContent?.trim() || exempt(cell)) continue;
      const style = getComputedStyle(cell);
      const width = rects[0].width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (width >= 3 * parseFloat(style.fontSize) - 0.5) continue;
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`table cell ${Math.round(width)} px wide, text on ${lines.size} lines: “${cell.textContent.trim().slice(0, 20)}”`);
    }
    return problems;
  }, smallestLabel);
}

describe.each(['light', 'dark'] as const)('on a 360 px phone in %s mode', (colorScheme) => {
  mkdirSync(join(SHOTS, colorScheme), { recursive: true });

  it.each(PAGE_KINDS)('$name ($path) fits, reads and passes axe', async ({ name, path, search }) => {
    const context = await env.browser.newContext({ ...PHONE, colorScheme });
    try {
      const page = await context.newPage();
      await open(page, path, search);
      // The first screens of the page: a whole long page (/source/, /print/) is a picture too large to look at.
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), SHOT_HEIGHT);
      await page.screenshot({ path: join(SHOTS, colorScheme, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 360, height } });
      expect(await layoutProblems(page, SMALLEST_LABEL_PX)).toEqual([]);
      const { violations } = await new AxeBuilder({ page: page as never }).analyze();
      expect(
        violations.map(
          (v) =>
            `${v.id}: ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        ),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the checks themselves', () => {
  // The measures above pass on today's pages; these pages must fail them, or they prove nothing.
  it('catch a page that scrolls sideways, text cut off, a small diagram label and a squeezed cell', async () => {
    const context = await env.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.setContent(`<!doctype html><meta name="viewport" content="width=device-width">
        <p style="margin-left: 300px; white-space: nowrap">这一段伸出屏幕右边</p>
        <div style="overflow: hidden; width: 50px; white-space: nowrap">被截断的一行文字</div>
        <figure class="diagram"><svg viewBox="0 0 1000 100" width="300"><text x="0" y="50" style="font-size: 15px">图中的小字</text></svg></figure>
        <table><tr><td>说明</td><td style="width: 1em">一个字一行</td></tr></table>`);
      const problems = await layoutProblems(page, SMALLEST_LABEL_PX);
      expect(problems.some((p) => p.startsWith('scrolls sideways'))).toBe(true);
      expect(problems.some((p) => p.startsWith('text off the screen: “这一段伸出屏幕右边”'))).toBe(true);
      expect(problems.some((p) => p.startsWith('text cut off: “被截断的一行文字”'))).toBe(true);
      expect(problems.some((p) => p.startsWith('diagram label at 4.5 px'))).toBe(true);
      expect(problems.some((p) => p.startsWith('table cell') && p.endsWith('“一个字一行”'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('focus on a phone', () => {
  it('shows the focus of a status count on the home page as clearly as any link', async () => {
    const context = await env.browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await open(page, '/');
      const link = page.locator('.facts--status a').first();
      await link.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const focus = await link.evaluate((a) => ({
        focused: document.activeElement === a,
        background: getComputedStyle(a).backgroundColor,
        visible: a.matches(':focus-visible'),
      }));
      expect(focus).toEqual({ focused: true, background: 'rgb(255, 221, 0)', visible: true });
    } finally {
      await context.close();
    }
  });
});
