/**
 * Offline, as a reader on a train: after one visit online, every kind of page, the diagrams and
 * the search work with the network cut; a new edition is noticed on the next online visit and
 * the reader is asked before the page changes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';

let browser: Browser;
const copy = mkdtempSync(join(tmpdir(), 'offline-site-'));
let server: Awaited<ReturnType<typeof preview>>;
let origin: string;

beforeAll(async () => {
  // A copy of the test build, so the "new edition" can be published without touching the build.
  cpSync(TEST_SITE_DIR, copy, { recursive: true });
  [browser, server] = await Promise.all([launchBrowser(), preview({ root: ROOT, outDir: copy, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } })]);
  origin = `http://127.0.0.1:${server.port}`;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(copy, { recursive: true, force: true });
});

/** Visits the home page online and waits until the worker controls it and has cached every file. */
async function firstVisit(context: BrowserContext, at = origin): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${at}/`);
  const expected = (readFileSync(join(copy, 'sw.js'), 'utf8').match(/^const FILES = (.*);$/m) ?? [])[1];
  const count = (JSON.parse(expected ?? '[]') as string[]).length;
  expect(count).toBeGreaterThan(40);
  // Installing: the worker fetches every file, then takes control of the page.
  const ready = () =>
    page.evaluate(async (n) => {
      if (!navigator.serviceWorker.controller) return false;
      const cache = (await caches.keys()).find((k) => k.startsWith('report-'));
      return cache ? (await (await caches.open(cache)).keys()).length === n : false;
    }, count);
  await expect.poll(ready, { timeout: 30_000, interval: 250 }).toBe(true);
  return page;
}

describe('offline', () => {
  it('after one visit, reads every kind of page, the diagrams and the search with the network cut', async () => {
    // A server of its own, stopped after the first visit: the site's origin is then unreachable,
    // as on a train. (Chromium's offline emulation also cuts the service worker off.)
    const own = await preview({ root: ROOT, outDir: copy, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    const ownOrigin = `http://127.0.0.1:${own.port}`;
    const context = await browser.newContext();
    const page = await firstVisit(context, ownOrigin);
    await own.stop();
    const origin = ownOrigin;
    const outside: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(origin)) outside.push(r.url());
    });

    for (const [path, check] of [
      ['/measures/23/', '.measure-text p'],
      ['/measures/07/', 'figure.diagram svg'],
      ['/topics/', 'figure.diagram svg'],
      ['/figures/', 'table.bar-chart'],
      ['/timeline/', '.timeline time'],
      ['/source/', '.source-text p'],
      ['/data/measures.json', 'body'],
    ] as const) {
      const response = await page.goto(origin + path);
      expect(response?.ok(), path).toBe(true);
      await expect(page.locator(check).first().isVisible(), path).resolves.toBe(true);
    }

    await page.goto(`${origin}/search/?q=${encodeURIComponent('建会')}`);
    await page.locator('[data-search-page] a[href*="/measures/06/"]').first().waitFor({ timeout: 15_000 });

    const missing = await page.goto(`${origin}/no-such-page/`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('找不到该页');
    expect(outside).toEqual([]);
    await context.close();
  }, 90_000);

  it('tells the reader when a new edition is out, and switches only when asked', async () => {
    const context = await browser.newContext();
    const page = await firstVisit(context);
    await expect(page.locator('[data-update-notice]').isVisible()).resolves.toBe(false);

    // Publish a new edition: another page text and so another worker version.
    const home = join(copy, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p id="new-edition">新版</p></main>'));
    const sw = join(copy, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "([^"]+)";/, 'const VERSION = "$1-next";'));

    await page.reload();
    await page.locator('[data-update-notice]').waitFor({ state: 'visible', timeout: 30_000 });
    // Until the reader accepts, the page shown is the edition they had.
    await expect(page.locator('#new-edition').count()).resolves.toBe(0);
    await page.locator('[data-update-accept]').click();
    await page.locator('#new-edition').waitFor({ timeout: 30_000 });
    await context.close();
  }, 90_000);
});
