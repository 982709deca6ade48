/**
 * Search on a large report: a synthetic report of 1000 measures made from the real text
 * (scripts/synthetic/generate.ts), built apart from the shared test build. Queries that find
 * one, hundreds or nearly every measure find exactly the places that hold them (every page of
 * results), best first as the index ranks them, with the counts right; and what a first search
 * downloads is a few small files of the index, never all of it: within a fixed budget for any
 * query, a long word that hundreds of measures may hold included.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { expectedUrls, readBuiltDocuments, type TruthPage } from '../../scripts/bench-search-truth.ts';
import { generateSynthetic } from '../../scripts/synthetic/generate.ts';
import { filesUnder } from '../../src/build-time/files-under.ts';
import { INDEX_FOLDER } from '../../src/pure/search/index-format.ts';
import { launchBrowser, serveSite, type ServedSite } from '../support/browser.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';
import { rankedPlaces } from '../support/search-index-files.ts';
import { exactLinks, showAll, waitForResults } from '../support/search-page.ts';

const COUNT = 1000;
/**
 * What a first search may download of the index, whatever the query, as a static host sends
 * it (JSON gzipped, the binary files as they are, deflated at build): under 48 KiB at 1000 and
 * 5000 measures for every query of README's table (Search); a budget that does not grow with the
 * report.
 */
const FIRST_SEARCH_INDEX_BUDGET = 56 * 1024;
const dir = join(TEST_RUN_DIR, 'search-large');
const siteDir = join(dir, 'site');
let browser: Browser;
let site: ServedSite;
let pages: TruthPage[];

beforeAll(async () => {
  generateSynthetic(COUNT, join(dir, 'content'), join(ROOT, 'content'));
  execFileSync(...astroBuildCommand(ROOT, ['--outDir', siteDir]), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: buildEnv({ CONTENT_DIR: join(dir, 'content'), ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
  });
  pages = readBuiltDocuments(siteDir);
  [browser, site] = await Promise.all([launchBrowser(), serveSite(siteDir)]);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`search on a report of ${COUNT} measures`, () => {
  // One measure's word, a few hundred, nearly all; 3, 4, 5+ characters; traditional; two words.
  it.each(['建会', '工会', '疗休养', '产业工人', '職工書屋', '中华全国总工会', '2020年', '工会工作的重要论述', '工匠 创新', '2020年 工匠', '高铁'])(
    'finds exactly what holds “%s”, best first, with the count right',
    async (q) => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const indexFiles = new Set<string>();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith(`/${INDEX_FOLDER}`)) indexFiles.add(path);
      });
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
      await waitForResults(page, q, true);
      const want = expectedUrls(pages, q);
      // `865项措施、1段引言包含…`: the counts add up to every place that holds it; `至少20项措施…`
      // while a long word's places are read page by page: no more than there are.
      const counted = (summary: string) => [...summary.split('包含')[0].matchAll(/(\d+)(项|段)/g)].reduce((n, m) => n + Number(m[1]), 0);
      const summary = await page.locator('[data-summary]').innerText();
      if (!want.length) expect(summary).toBe(`原文中没有“${q}”。`);
      else if (summary.startsWith('至少')) expect(counted(summary)).toBeLessThanOrEqual(want.length);
      else expect(counted(summary)).toBe(want.length);
      // The first search, its suggestions and partial matches included, within the budget.
      const served = (path: string) => (path.endsWith('.bin') ? statSync(join(siteDir, path)).size : gzipSync(readFileSync(join(siteDir, path))).length);
      const bytes = [...indexFiles].reduce((n, path) => n + served(path), 0);
      expect(bytes, [...indexFiles].join(' ')).toBeLessThan(FIRST_SEARCH_INDEX_BUDGET);
      await showAll(page);
      const shown = await exactLinks(page);
      expect(shown).toEqual(await rankedPlaces(siteDir, q));
      expect([...shown].sort()).toEqual([...want].sort());
      // Every place read: the count is exact.
      if (want.length) expect(counted(await page.locator('[data-summary]').innerText())).toBe(want.length);
      await context.close();
    },
    120_000,
  );

  it('publishes an index of many small files, none of them more than a small part of it', () => {
    const sizes = filesUnder(join(siteDir, INDEX_FOLDER)).map((f) => statSync(join(siteDir, INDEX_FOLDER, f)).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(sizes.length).toBeGreaterThan(COUNT);
    expect(Math.max(...sizes)).toBeLessThan(total / 50);
  });
});
