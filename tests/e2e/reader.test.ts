/**
 * A reader in a real browser: opens the home page, follows a measure, uses the figure links and
 * the pager, reads on a 360 px phone, in dark mode and on paper.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readMeasureEntries } from '../support/entries.ts';
import { useBrowserAndSite } from '../support/browser.ts';

const entries = readMeasureEntries();
const env = useBrowserAndSite();
const outsideRequests: string[] = [];

async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await env.browser.newPage(options);
  page.on('request', (request) => {
    if (!request.url().startsWith(env.site.origin)) outsideRequests.push(request.url());
  });
  await page.goto(env.site.origin + path);
  return page;
}

describe('reading the report', () => {
  it('goes from the home page to a measure and reads it', async () => {
    const seventeen = entries.find((e) => e.data.number === 17)!.data;
    const page = await open('/');
    await expect(page.locator('h1').innerText()).resolves.toContain('全总党组巡视整改进展情况');
    await expect(page.getByText('第1版和第3版未能获得').first().isVisible()).resolves.toBe(true);

    await page.locator('.task-list a', { hasText: seventeen.title }).click();
    await page.waitForURL(`${env.site.origin}/measures/17/`);
    await expect(page.locator('h1').innerText()).resolves.toBe(`（17）${seventeen.title}`);
    await expect(page.locator('.status-line .tag').innerText()).resolves.toBe(seventeen.status);
    await expect(page.locator('.status-line').innerText()).resolves.toContain(seventeen.statusNote);

    // A figure in the text leads to its row in the table, and the row leads back.
    const first = seventeen.figures[0];
    await page.locator('.measure-text a.figure', { hasText: first.phrase }).first().click();
    expect(new URL(page.url()).hash).toBe('#figure-1');
    await expect(page.locator('#figure-1').isVisible()).resolves.toBe(true);
    await page.locator('#figure-1 td:first-child a').click();
    expect(new URL(page.url()).hash).toBe('#figure-1-in-text');

    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${env.site.origin}/measures/18/`);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`${env.site.origin}/measures/17/`);
    await page.close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    for (const path of ['/', '/measures/15/', '/measures/17/', '/source/', '/404.html']) {
      const page = await open(path, { viewport: { width: 360, height: 740 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('follows the system dark mode with readable text', async () => {
    const page = await open('/measures/01/', { colorScheme: 'dark' });
    const [background, color] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.backgroundColor, style.color];
    });
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(luminance(background)).toBeLessThan(60);
    expect(luminance(color)).toBeGreaterThan(180);
    await page.close();
  });

  it('prints without the site header and navigation', async () => {
    const page = await open('/measures/02/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.measure-text').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('never asked any other origin for anything', () => {
    expect(outsideRequests).toEqual([]);
  });
});
