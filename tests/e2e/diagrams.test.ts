/**
 * Diagrams as a reader sees them in Chromium: SVG in the page, the rendering that matches the
 * system theme shown (and readable on its background), links inside diagrams followed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';

const env = useBrowserAndSite();

/** Which rendering is displayed, and the contrast of its label text against the page behind it. */
async function shownDiagram(page: Page) {
  return page.evaluate(() => {
    const figure = document.querySelector('figure.diagram')!;
    const visible = [...figure.querySelectorAll('.diagram-theme')].filter((el) => getComputedStyle(el).display !== 'none');
    const svg = visible[0]?.querySelector('svg');
    const label = svg?.querySelector('.nodeLabel text, .label text, text');
    const rgb = (c: string) =>
      c
        .match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const rect = svg?.querySelector('.node rect, rect.basic');
    const text = label ? getComputedStyle(label).fill : '';
    const box = rect ? getComputedStyle(rect).fill : getComputedStyle(document.body).backgroundColor;
    const [a, b] = [lum(text), lum(box)].sort((x, y) => y - x);
    return {
      shown: visible.map((el) => el.className),
      width: svg?.getBoundingClientRect().width ?? 0,
      contrast: (a + 0.05) / (b + 0.05),
    };
  });
}

describe('diagrams', () => {
  it.each([
    ['light', 'diagram-theme diagram-theme--light'],
    ['dark', 'diagram-theme diagram-theme--dark'],
  ] as const)('in %s mode show the rendering %s, with readable labels', async (scheme, expected) => {
    const page = await env.browser.newPage({ colorScheme: scheme });
    await page.goto(`${env.site.origin}/`);
    const shown = await shownDiagram(page);
    expect(shown.shown).toEqual([expected]);
    expect(shown.width).toBeGreaterThan(200);
    expect(shown.contrast).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('print the light rendering', async () => {
    const page = await env.browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${env.site.origin}/measures/07/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect((await shownDiagram(page)).shown).toEqual(['diagram-theme diagram-theme--light']);
    await page.close();
  });

  it('lead from a node of the topics diagram to its measure', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/topics/`);
    await page.locator('.diagram-theme--light svg a', { hasText: '（9）' }).first().click();
    await page.waitForURL(`${env.site.origin}/measures/09/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('（9）');
    await page.close();
  });
});
