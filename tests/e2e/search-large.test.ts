/**
 * Search on a large report: a synthetic report of 1000 measures made from the real text
 * (scripts/synthetic/generate.ts), built apart from the shared test build. Queries that find
 * one, hundreds or nearly every measure find exactly the places that hold them (every page of
 * results), best first as the index ranks them, with the counts right; and what a first search
 * downloads is a few small files of the index, never all of it.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { expectedUrls, readBuiltDocuments, type TruthPage } from '../../scripts/bench-search-truth.ts';
import { generateSynthetic } from '../../scripts/synthetic/generate.ts';
import { filesUnder } from '../../src/lib/files-under.ts';
import { INDEX_FOLDER } from '../../src/search/pure/index-format.ts';
import { launchBrowser, serveSite, type ServedSite } from '../support/browser.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';
import { rankedPlaces } from '../support/search-index-files.ts';
import { exactLinks, showAll, waitForResults } from '../support/search-page.ts';

const COUNT = 1000;
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
  it.each(['建会', '工会', '疗休养', '产业工人', '職工書屋', '中华全国总工会', '工匠 创新', '高铁'])('finds exactly what holds “%s”, best first, with the count right', async (q) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const indexFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/${INDEX_FOLDER}`)) indexFiles.push(r.url());
    });
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q);
    const want = expectedUrls(pages, q);
    const summary = await page.locator('[data-summary]').innerText();
    // `865项措施、1段引言包含…`: the counts add up to every place that holds it.
    if (want.length) expect([...summary.split('包含')[0].matchAll(/(\d+)(项|段)/g)].reduce((n, m) => n + Number(m[1]), 0)).toBe(want.length);
    else expect(summary).toBe(`原文中没有“${q}”。`);
    // A word of up to four characters: its first results come from a few of the index's files.
    // (A longer one reads the text of each measure that may hold it: README, “The index”.)
    if ([...q].length <= 4) expect(indexFiles.length).toBeLessThan(40);
    await showAll(page);
    const shown = await exactLinks(page);
    expect(shown).toEqual(await rankedPlaces(siteDir, q));
    expect([...shown].sort()).toEqual([...want].sort());
    await context.close();
  }, 120_000);

  it('publishes an index of many small files, none of them more than a small part of it', () => {
    const sizes = filesUnder(join(siteDir, INDEX_FOLDER)).map((f) => statSync(join(siteDir, INDEX_FOLDER, f)).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(sizes.length).toBeGreaterThan(COUNT);
    expect(Math.max(...sizes)).toBeLessThan(total / 50);
  });
});
