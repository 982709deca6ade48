/**
 * A report larger than the home page's list: 250 measures (a synthetic report made from the real
 * text, scripts/synthetic/generate.ts), built apart from the shared test build. The home page
 * lists the first LIST_PAGE_SIZE and the list continues on /list/2/ …; every measure is listed
 * exactly once, every page of the list links to the others, and all those links resolve.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { generateSynthetic } from '../../scripts/synthetic/generate.ts';
import { launchBrowser, serveSite } from '../support/browser.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';

const COUNT = 250;
const PAGE_SIZE = 100;
const dir = join(TEST_RUN_DIR, 'large-report');
const site = join(dir, 'site');

beforeAll(() => {
  generateSynthetic(COUNT, join(dir, 'content'), join(ROOT, 'content'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', site], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: buildEnv({ CONTENT_DIR: join(dir, 'content'), ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
  });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string) => fromHtml(readFileSync(join(site, path, 'index.html'), 'utf8'));
const listed = (path: string) =>
  selectAll('ol.task-list li a', page(path)).map((a) => Number(/（(\d+)）/.exec(toText(a))![1]));
const pagerLinks = (path: string) =>
  selectAll('a', select('nav.list-pager', page(path))!).map((a) => ({
    href: String((a as Element).properties.href),
    current: (a as Element).properties.ariaCurrent === 'page',
  }));

describe(`a report of ${COUNT} measures`, () => {
  const paths = ['', 'list/2/', 'list/3/'];

  it(`lists ${PAGE_SIZE} measures a page, each measure exactly once, in order`, () => {
    const pages = paths.map(listed);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(existsSync(join(site, 'list/1'))).toBe(false);
    expect(existsSync(join(site, 'list/4'))).toBe(false);
  });

  it('links every page of the list from each, marking the one shown', () => {
    for (const [i, path] of paths.entries()) {
      const links = pagerLinks(path);
      expect(links.map((l) => l.href)).toEqual(['/#measures', '/list/2/', '/list/3/']);
      expect(links.map((l) => l.current)).toEqual(paths.map((_, j) => j === i));
      for (const { href } of links) expect(existsSync(join(site, href.replace(/#.*$/, ''), 'index.html'))).toBe(true);
    }
    expect(toText(select('h1', page('list/3/'))!)).toContain('第3页');
  });

  it('shows only the first page of the list on the home page, and says how many measures there are', () => {
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    expect(selectAll('ol.task-list li', fromHtml(home))).toHaveLength(PAGE_SIZE);
    expect(home).toContain(`含${COUNT}项整改措施`);
  });

  it('has no accessibility violations on the list pages, light and dark (axe in Chromium)', async () => {
    const [browser, served] = await Promise.all([launchBrowser(), serveSite(site)]);
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const path of ['/', '/list/2/']) {
          const context = await browser.newContext({ colorScheme });
          const tab = await context.newPage();
          await tab.goto(served.origin + path);
          const { violations } = await new AxeBuilder({ page: tab as never }).analyze();
          expect(violations.map((v) => `${colorScheme} ${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
          await context.close();
        }
      }
    } finally {
      await browser.close();
      await served.close();
    }
  }, 120_000);
});
