/** The whole report prints: /print/ to PDF in Chromium, every measure in order, nothing cut. */
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';
import { readMeasureEntries } from '../support/entries.ts';

const env = useBrowserAndSite();
const entries = readMeasureEntries();

describe('printing the report', () => {
  it('puts every measure in order on the print page and prints it to a PDF of many A4 pages', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/print/`);
    const headings = await page.locator('.print-measure h2').allInnerTexts();
    expect(headings).toEqual(entries.map((e) => `（${e.data.number}）${e.data.title}`));

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.print-only-note').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    // About 33 000 characters of Chinese at print size fill well over ten A4 pages.
    expect(pages).toBeGreaterThan(10);
    await page.close();
  }, 60_000);

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
});
