/**
 * npm run bench:search [-- --sizes 30,1000,5000] [--queries tests/fixtures/search-queries.json] [--repeats 5] [--no-build]
 *
 * The search benchmark. For each size it builds a site (30: the real report; more: a synthetic
 * report generated from the real text, scripts/synthetic/generate.ts) into .cache/bench-search/,
 * serves it on localhost as a static host does (files gzipped once, not on every request), and
 * drives the real search UI in headless Chromium (Debian's package, through playwright-core):
 *
 * - every query of the query file, each in a fresh browser (empty cache, service workers
 *   blocked: the offline worker's background caching is not search), on the search page opened
 *   with ?q=: the bytes transferred (gzip as served, headers included, the page itself and
 *   everything the search fetched until its suggestions and partial matches were shown) and the
 *   time from navigation to the first result on screen and to the first page of results (20)
 *   on screen; and the same (to the first page) for a first search from
 *   the header box of a measure page (focus, type at once);
 * - accuracy, on the search page: the results shown as exact (all of them: "more" is pressed
 *   until the list is complete) against the ground truth, the built pages whose text holds the
 *   query (scripts/bench-search-truth.ts): recall, precision, whether the top hit holds the
 *   query, that no partial result holds every word, that absent words show nothing;
 * - the header box's list: every option shown is a true match, and its count is right;
 * - later queries (typing to results in the DOM), in the header box and on the search page;
 * - the sizes of the loader, the UI and the index;
 * - for comparison, plain Pagefind (its Node API, language zh-cn) on the same documents (read
 *   back from the built index: the same texts and places), searched as a site using it would:
 *   each query in a fresh browser, from navigation to the first 20 results' data (its
 *   fragments), bytes transferred, and its accuracy on all its results against the same truth.
 *
 * Prints Markdown tables and writes .cache/bench-search/results-<size>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { filesUnder } from '../src/build-time/files-under.ts';
import { expectedUrls, readBuiltDocuments, type TruthPage } from './bench-search-truth.ts';
import { median } from './bench-timing.ts';
import { INDEX_FOLDER } from '../src/pure/search/index-format.ts';
import { generateSynthetic } from './synthetic/generate.ts';
import * as pagefind from 'pagefind';
import { BuiltIndexFiles } from '../src/build-time/search/built-index-files.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,1000,5000' },
    queries: { type: 'string', default: 'tests/fixtures/search-queries.json' },
    repeats: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
});
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench-search');
const QUERIES: { q: string; kind: string }[] = JSON.parse(readFileSync(values.queries!, 'utf8')).queries;
const REPEATS = Number(values.repeats);
/**
 * Browser contexts without service workers: the site's offline worker caches the whole site in
 * the background after a first visit, which is not search and would compete with it here.
 */
const CONTEXT = { serviceWorkers: 'block' } as const;
const availableCores = availableParallelism();

// ---------------------------------------------------------------------------------------------
// Building

function buildSite(size: number): string {
  const siteDir = join(OUT, `site-${size}`);
  if (values['no-build'] && existsSync(siteDir)) return siteDir;
  let contentDir = join(ROOT, 'content');
  if (size !== 30) {
    contentDir = join(OUT, `content-${size}`);
    generateSynthetic(size, contentDir);
  }
  const started = performance.now();
  // A child process per build: the content folder is read from CONTENT_DIR when Astro starts.
  const script = `import { build } from 'astro'; await build(${JSON.stringify({ root: ROOT, outDir: siteDir, cacheDir: join(OUT, `astro-cache-${size}`), logLevel: 'error' })});`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const log = child.stderr?.toString() ?? '';
  if (child.status !== 0) {
    process.stderr.write(log);
    throw new Error(`the build of ${size} measures failed`);
  }
  // Entry-check warnings, if a synthetic report ever has any: counted, not printed.
  const warnings = (log.match(/warning/g) ?? []).length;
  console.error(`built ${size} measures in ${((performance.now() - started) / 1000).toFixed(1)} s${warnings ? ` (${warnings} entry-check warnings)` : ''}`);
  return siteDir;
}

// ---------------------------------------------------------------------------------------------
// Serving: a static host on localhost. Text files are gzipped once when first asked for, as a
// host serves precompressed files (Astro's preview server compresses on every request, which on
// a busy 2-core machine measures the server more than the search).

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
};

async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const cache = new Map<string, { body: Buffer; gzip?: Buffer; type: string }>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = join(dir, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const status = existsSync(file) ? 200 : 404;
    if (status === 404) file = join(dir, '404.html');
    let entry = cache.get(file);
    if (!entry) {
      const body = readFileSync(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      entry = { body, type, gzip: /^(text|application\/(json|javascript)|image\/svg)/.test(type) ? gzipSync(body, { level: 9 }) : undefined };
      cache.set(file, entry);
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, { 'Content-Type': entry.type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Cache-Control': 'no-cache' });
    response.end(gzip ? entry.gzip : entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Sets a search box's value as one input event (an IME commits a word at once) and times, in the
 * page, until the box says its results for it are shown. With `focusedFor`, the box is focused
 * first and the query typed that many ms later (0: in the same instant), as a first search is.
 */
async function timedQuery(page: Page, formSelector: string, inputSelector: string, q: string, focusedFor?: number): Promise<number> {
  return page.evaluate(
    ([formSel, inputSel, query, wait]) =>
      new Promise<number>((resolve) => {
        const stateOf = document.querySelector<HTMLElement>(formSel)!;
        const input = document.querySelector<HTMLInputElement>(inputSel)!;
        const type = () => {
          const t0 = performance.now();
          const done = () => stateOf.dataset.state === 'ready' && stateOf.dataset.query === query.trim().slice(0, 64);
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(stateOf, { attributes: true });
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        };
        if (wait === null) return type();
        // Focus loads the UI; what was typed meanwhile is searched as soon as it is attached.
        input.focus();
        setTimeout(type, wait);
      }),
    [formSelector, inputSelector, q, focusedFor ?? null] as const,
  );
}

/** A result link as the truth names it: the path, and the element id for a section or source paragraph (never the text-fragment directive). */
function placeOf(href: string, origin: string): string {
  const url = new URL(href, origin);
  const id = url.hash.replace(/^#/, '').split(':~:')[0];
  return `${url.pathname}${id ? `#${id}` : ''}`;
}

interface Cold {
  /** From navigation start (search page) or from typing (header box) to the first page of results on screen. */
  ms: number;
  /** Bytes received (gzip as served, headers included) until the search had also shown its suggestions and partial matches. */
  bytes: number;
  files: number;
}

/** The search page's first search, which also says when its first result was on screen. */
interface ColdSearchPage extends Cold {
  /** From navigation start to the first result on screen (the rest of its page follows). */
  firstMs: number;
}

/** Counts every response of a context's pages: encoded body and headers. */
function countBytes(context: BrowserContext): () => Promise<{ bytes: number; files: number }> {
  const sizes: Promise<number>[] = [];
  context.on('requestfinished', (request) => {
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  return async () => {
    const all = await Promise.all(sizes);
    return { bytes: all.reduce((n, b) => n + b, 0), files: all.length };
  };
}

/** The search page opened with ?q= in a fresh browser: navigation to the first results, and everything it downloaded. */
async function coldSearchPage(browser: Browser, origin: string, q: string): Promise<ColdSearchPage> {
  const context = await browser.newContext(CONTEXT);
  const counted = countBytes(context);
  const page = await context.newPage();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
  const [firstMs, ms] = await page.evaluate(
    (query) =>
      new Promise<[number, number]>((resolve) => {
        let first: number | undefined;
        const check = () => {
          const r = document.querySelector<HTMLElement>('[data-results]');
          if (first === undefined && r?.dataset.shown === query) first = performance.now();
          if (r?.dataset.state === 'ready' && r.dataset.query === query) return resolve([first ?? performance.now(), performance.now()]);
          requestAnimationFrame(check);
        };
        check();
      }),
    q.trim(),
  );
  await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-results]')?.dataset.partialState === 'ready');
  const { bytes, files } = await counted();
  await context.close();
  return { ms, firstMs, bytes, files };
}

/** A first search from the header box of a measure page in a fresh browser: focus and type at once. */
async function coldHeaderQuery(browser: Browser, origin: string, q: string): Promise<Cold> {
  const context = await browser.newContext(CONTEXT);
  const counted = countBytes(context);
  const page = await context.newPage();
  await page.goto(`${origin}/measures/01/`, { waitUntil: 'load' });
  const ms = await timedQuery(page, 'form[data-site-search]', 'form[data-site-search] input', q, 0);
  const { bytes, files } = await counted();
  await context.close();
  return { ms, bytes, files };
}

interface QueryResult {
  q: string;
  kind: string;
  truth: string[];
  shown: string[];
  partial: string[];
  popupOptions: string[];
  popupSummary: string;
  pageMs: number;
  headerMs: number;
  cold: ColdSearchPage;
  coldHeader: Cold;
  recall: number;
  precision: number;
  topExact: boolean | null;
}

async function accuracy(browser: Browser, origin: string, pages: TruthPage[]): Promise<QueryResult[]> {
  const context = await browser.newContext(CONTEXT);
  const searchPage = await context.newPage();
  await searchPage.goto(`${origin}/search/`);
  await searchPage.waitForFunction(() => document.querySelector<HTMLElement>('[data-results]')?.dataset.state === 'ready');
  const headerPage = await context.newPage();
  await headerPage.goto(`${origin}/measures/02/`);
  await headerPage.locator('#site-search-q').focus();
  await timedQuery(headerPage, 'form[data-site-search]', '#site-search-q', '工会');

  const results: QueryResult[] = [];
  for (const { q, kind } of QUERIES) {
    const truth = expectedUrls(pages, q);
    const cold = await coldSearchPage(browser, origin, q);
    const coldHeader = await coldHeaderQuery(browser, origin, q);
    // Latency of a later query: the median of REPEATS timings of the same query (the machine is
    // shared; one timing can catch another process's time slice). The first may fetch index files.
    const pageTimes: number[] = [];
    for (let i = 0; i < REPEATS; i++) pageTimes.push(await timedQuery(searchPage, '[data-results]', '#search-q', q));
    const pageMs = median(pageTimes);
    // Every exact match: press "more" until the list is complete.
    for (;;) {
      const more = searchPage.locator('[data-exact-more]');
      if (!(await more.isVisible())) break;
      const before = await searchPage.locator('[data-exact] > li').count();
      await more.click();
      await searchPage.waitForFunction((n) => document.querySelectorAll('[data-exact] > li').length > n, before);
    }
    const links = (selector: string) => searchPage.locator(selector).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const shown = (await links('[data-exact] .search-result__title a')).map((h) => placeOf(h, origin));
    await searchPage.waitForFunction(() => document.querySelector<HTMLElement>('[data-results]')?.dataset.partialState === 'ready');
    const partial = (await links('[data-partial]:not([hidden]) [data-partial-list] .search-result__title a')).map((h) => placeOf(h, origin));

    const headerTimes: number[] = [];
    for (let i = 0; i < REPEATS; i++) headerTimes.push(await timedQuery(headerPage, 'form[data-site-search]', '#site-search-q', q));
    const headerMs = median(headerTimes);
    const popupOptions = (
      await headerPage
        .locator('.search-popup [role="option"]:not(.search-option--all):not(.search-options__group [role="option"])')
        .evaluateAll((os) => os.map((o) => o.getAttribute('data-href')!))
    ).map((h) => placeOf(h, origin));
    const popupSummary = await headerPage.locator('.search-popup__summary').innerText();

    const truthSet = new Set(truth);
    const hits = shown.filter((u) => truthSet.has(u)).length;
    results.push({
      q,
      kind,
      truth,
      shown,
      partial,
      popupOptions,
      popupSummary,
      pageMs,
      headerMs,
      cold,
      coldHeader,
      recall: truth.length ? hits / truth.length : shown.length === 0 ? 1 : 0,
      precision: shown.length ? hits / shown.length : truth.length === 0 ? 1 : 0,
      topExact: truth.length ? truthSet.has(shown[0]) : shown.length === 0 ? null : false,
    });
  }
  await context.close();
  return results;
}

// ---------------------------------------------------------------------------------------------
// The competitor: plain Pagefind on the same documents

/** Where the baseline is written in the built site, with a page of its own (the site's policy allows no WebAssembly). */
const BASELINE = 'pagefind-baseline/';

async function writeBaseline(siteDir: string): Promise<void> {
  const documents = new BuiltIndexFiles(siteDir).documents();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index || errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
  for (const d of documents) {
    const added = await index.addCustomRecord({ url: d.url, content: `${d.title}\n${d.text}`, language: 'zh-cn', meta: { title: d.title || d.label } });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(siteDir, BASELINE) });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  writeFileSync(join(siteDir, BASELINE, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Pagefind baseline</title>');
}

interface BaselineResult {
  q: string;
  cold: Cold;
  results: string[];
}

/** Each query in a fresh browser: navigation to the first 20 results' data, the bytes, then every result's place. */
async function baseline(browser: Browser, origin: string): Promise<BaselineResult[]> {
  const out: BaselineResult[] = [];
  for (const { q } of QUERIES) {
    const context = await browser.newContext(CONTEXT);
    const counted = countBytes(context);
    const page = await context.newPage();
    await page.goto(`${origin}/${BASELINE}`, { waitUntil: 'commit' });
    const ms = await page.evaluate(
      async ([query, base]) => {
        const pf = await import(/* @vite-ignore */ `${base}pagefind.js`);
        await pf.options({ basePath: base });
        const search = await pf.search(query);
        await Promise.all(search.results.slice(0, 20).map((r: { data: () => Promise<unknown> }) => r.data()));
        (window as unknown as { __search: unknown }).__search = search;
        return performance.now();
      },
      [q, `/${BASELINE}`] as const,
    );
    const { bytes, files } = await counted();
    const urls = await page.evaluate(async () => {
      const search = (window as unknown as { __search: { results: { data: () => Promise<{ url: string }> }[] } }).__search;
      return Promise.all(search.results.map(async (r) => (await r.data()).url));
    });
    out.push({ q, cold: { ms, bytes, files }, results: urls.map((u) => placeOf(u, origin)) });
    await context.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sizes

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const files = (dir: string) => filesUnder(dir).map((f) => join(dir, f));
function sizeOf(paths: string[]) {
  return paths.reduce(
    (acc, p) => {
      const b = readFileSync(p);
      return { raw: acc.raw + b.length, gzip: acc.gzip + gzipSync(b, { level: 9 }).length, files: acc.files + 1 };
    },
    { raw: 0, gzip: 0, files: 0 },
  );
}

// ---------------------------------------------------------------------------------------------
// Report

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const max = (xs: number[]) => Math.max(...xs);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
/** Queries of two to four characters: the issue's target for a first search. */
const isShort = (q: string) => !/\s/.test(q.trim()) && [...q.trim()].length >= 2 && [...q.trim()].length <= 4;

function summarise(rs: QueryResult[]) {
  const withTruth = rs.filter((r) => r.truth.length > 0);
  const pairsTruth = withTruth.reduce((n, r) => n + r.truth.length, 0);
  const pairsFound = withTruth.reduce((n, r) => n + r.shown.filter((u) => r.truth.includes(u)).length, 0);
  const shownTotal = rs.reduce((n, r) => n + r.shown.length, 0);
  const shownRight = rs.reduce((n, r) => n + r.shown.filter((u) => r.truth.includes(u)).length, 0);
  return {
    queries: rs.length,
    recall: pairsTruth ? pairsFound / pairsTruth : 1,
    precision: shownTotal ? shownRight / shownTotal : 1,
    top: withTruth.length ? withTruth.filter((r) => r.topExact).length / withTruth.length : 1,
    absentClean: rs.filter((r) => r.truth.length === 0).every((r) => r.shown.length === 0 && r.partial.length === 0),
    // A partial result never holds every word (every exact match comes before any partial one).
    partialClean: rs.every((r) => r.partial.every((u) => !r.truth.includes(u))),
  };
}

async function run(size: number, browser: Browser) {
  const siteDir = buildSite(size);
  const pages = readBuiltDocuments(siteDir);
  const server = await serveStatic(siteDir);
  const origin = server.origin;
  const load = loadavg()[0];
  try {
    for (const { q, kind } of QUERIES) if (kind === 'absent' && expectedUrls(pages, q).length) throw new Error(`query file: "${q}" is not absent`);
    const results = await accuracy(browser, origin, pages);
    await writeBaseline(siteDir);
    const base = await baseline(browser, origin);

    // Header list: every option is a true match; the summary counts them all.
    const popupProblems = results.flatMap((r) => {
      const wrong = r.popupOptions.filter((u) => !r.truth.includes(u));
      // `至少20项…`: a long word's places not all read yet, so never more than the truth.
      const counted = sumCounts(r.popupSummary);
      const countRight = !r.truth.length
        ? r.popupSummary.startsWith('原文中没有')
        : r.popupSummary.startsWith('至少')
          ? counted <= r.truth.length
          : counted === r.truth.length;
      return [...wrong.map((u) => `${r.q}: ${u} shown but does not hold it`), ...(countRight ? [] : [`${r.q}: "${r.popupSummary}" (${r.truth.length} true)`])];
    });

    const ui = files(join(siteDir, '_astro')).filter((f) => /\/ui-[^/]+\.js$/.test(f));
    const index = files(join(siteDir, INDEX_FOLDER));
    // The one script file every page loads (src/browser/every-page.ts: the search loader and the offline registration).
    const loaderSrc = /<script type="module" src="([^"]+)"/.exec(readFileSync(join(siteDir, 'measures/01/index.html'), 'utf8'))?.[1];
    if (!loaderSrc) throw new Error(`${siteDir}/measures/01/index.html loads no script: the search loader is missing`);
    const loader = readFileSync(join(siteDir, loaderSrc.replace(/^\//, '')), 'utf8');
    const s = summarise(results);
    const short = results.filter((r) => isShort(r.q));
    const report = {
      size,
      loadAverage: { before: load, after: loadavg()[0] },
      documents: pages.length,
      queries: results.length,
      accuracy: s,
      cold: {
        searchPageMs: { median: median(results.map((r) => r.cold.ms)), max: max(results.map((r) => r.cold.ms)), shortMax: max(short.map((r) => r.cold.ms)) },
        searchPageFirstMs: {
          median: median(results.map((r) => r.cold.firstMs)),
          max: max(results.map((r) => r.cold.firstMs)),
          shortMax: max(short.map((r) => r.cold.firstMs)),
        },
        searchPageBytes: {
          median: median(results.map((r) => r.cold.bytes)),
          max: max(results.map((r) => r.cold.bytes)),
          shortMax: max(short.map((r) => r.cold.bytes)),
          maxQuery: results.reduce((a, b) => (b.cold.bytes > a.cold.bytes ? b : a)).q,
        },
        headerMs: {
          median: median(results.map((r) => r.coldHeader.ms)),
          max: max(results.map((r) => r.coldHeader.ms)),
          shortMax: max(short.map((r) => r.coldHeader.ms)),
        },
        headerBytes: {
          median: median(results.map((r) => r.coldHeader.bytes)),
          max: max(results.map((r) => r.coldHeader.bytes)),
          shortMax: max(short.map((r) => r.coldHeader.bytes)),
        },
      },
      later: {
        header: { median: median(results.map((r) => r.headerMs)), p95: p95(results.map((r) => r.headerMs)), max: max(results.map((r) => r.headerMs)) },
        searchPage: { median: median(results.map((r) => r.pageMs)), p95: p95(results.map((r) => r.pageMs)), max: max(results.map((r) => r.pageMs)) },
      },
      sizes: {
        loaderGzip: gzipSync(loader).length,
        ui: sizeOf(ui),
        index: sizeOf(index),
        pagefind: sizeOf(files(join(siteDir, BASELINE)).filter((f) => !f.endsWith('.html'))),
      },
      pagefind: {
        accuracy: summarise(
          results.map((r, i) => {
            const shown = base[i].results;
            return { ...r, shown, partial: [], topExact: r.truth.length ? r.truth.includes(shown[0]) : shown.length === 0 ? null : false };
          }),
        ),
        bytes: {
          median: median(base.map((b) => b.cold.bytes)),
          max: max(base.map((b) => b.cold.bytes)),
          shortMax: max(base.filter((b) => isShort(b.q)).map((b) => b.cold.bytes)),
        },
        ms: {
          median: median(base.map((b) => b.cold.ms)),
          max: max(base.map((b) => b.cold.ms)),
          shortMax: max(base.filter((b) => isShort(b.q)).map((b) => b.cold.ms)),
        },
        perQuery: base,
      },
      popupProblems,
      shortfalls: results
        .filter((r) => r.recall < 1 || r.precision < 1 || r.topExact === false || (r.truth.length === 0 && r.partial.length > 0))
        .map((r) => ({ q: r.q, kind: r.kind, truth: r.truth.length, shown: r.shown.length, partial: r.partial.length })),
      perQuery: results,
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `results-${size}.json`), JSON.stringify(report, null, 1));
    return report;
  } finally {
    await server.close();
  }
}

/** `12项措施、1段引言包含…` → 13. */
function sumCounts(summary: string): number {
  const head = summary.split('包含')[0];
  return [...head.matchAll(/(\d+)(项|段)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

type Report = Awaited<ReturnType<typeof run>>;

function print(reports: Report[]) {
  const col = (f: (r: Report) => string) => reports.map(f).join(' | ');
  const head = `| | ${reports.map((r) => `${r.size} measures`).join(' | ')} |\n| --- | ${reports.map(() => '---').join(' | ')} |`;
  console.log(
    `\n## Search benchmark (${QUERIES.length} queries, ${new Set(QUERIES.map((q) => q.kind)).size} kinds, Chromium headless, Node ${process.version})\n`,
  );
  console.log(
    `Machine load average (1 min) during the runs: ${reports.map((r) => `${r.size}: ${r.loadAverage.before.toFixed(1)} → ${r.loadAverage.after.toFixed(1)}`).join('; ')} on ${availableCores} cores.\n`,
  );
  console.log(head);
  console.log(`| recall (exact results found / places holding the query) | ${col((r) => pct(r.accuracy.recall))} |`);
  console.log(`| precision (shown as exact that hold the query) | ${col((r) => pct(r.accuracy.precision))} |`);
  console.log(`| top hit holds the query | ${col((r) => pct(r.accuracy.top))} |`);
  console.log(
    `| no partial result holds every word; absent words show nothing | ${col((r) => `${r.accuracy.partialClean ? 'yes' : 'NO'}; ${r.accuracy.absentClean ? 'yes' : 'NO'}`)} |`,
  );
  console.log(`| header list: every option a true match, count right | ${col((r) => (r.popupProblems.length ? `NO (${r.popupProblems.length})` : 'yes'))} |`);
  console.log(
    `| first search, search page opened with ?q=, fresh browser: bytes transferred, page included (median / max; max for 2–4 characters) | ${col((r) => `${kib(r.cold.searchPageBytes.median)} / ${kib(r.cold.searchPageBytes.max)}; ${kib(r.cold.searchPageBytes.shortMax)}`)} |`,
  );
  console.log(
    `| the same: navigation to the first result on screen (median / max; max for 2–4 characters) | ${col((r) => `${ms(r.cold.searchPageFirstMs.median)} / ${ms(r.cold.searchPageFirstMs.max)}; ${ms(r.cold.searchPageFirstMs.shortMax)}`)} |`,
  );
  console.log(
    `| the same: navigation to the first page of results (20) on screen (median / max; max for 2–4 characters) | ${col((r) => `${ms(r.cold.searchPageMs.median)} / ${ms(r.cold.searchPageMs.max)}; ${ms(r.cold.searchPageMs.shortMax)}`)} |`,
  );
  console.log(
    `| first search, header box of a measure page: bytes, page included (median / max; max for 2–4) | ${col((r) => `${kib(r.cold.headerBytes.median)} / ${kib(r.cold.headerBytes.max)}; ${kib(r.cold.headerBytes.shortMax)}`)} |`,
  );
  console.log(
    `| the same: typing to the results (median / max; max for 2–4) | ${col((r) => `${ms(r.cold.headerMs.median)} / ${ms(r.cold.headerMs.max)}; ${ms(r.cold.headerMs.shortMax)}`)} |`,
  );
  console.log(
    `| later queries, header box (median / p95 / max) | ${col((r) => `${ms(r.later.header.median)} / ${ms(r.later.header.p95)} / ${ms(r.later.header.max)}`)} |`,
  );
  console.log(
    `| later queries, search page (median / p95 / max) | ${col((r) => `${ms(r.later.searchPage.median)} / ${ms(r.later.searchPage.p95)} / ${ms(r.later.searchPage.max)}`)} |`,
  );
  console.log(`| script every page loads: search loader + offline registration (gzip) | ${col((r) => `${r.sizes.loaderGzip} B`)} |`);
  console.log(`| search UI module (raw / gzip) | ${col((r) => `${kib(r.sizes.ui.raw)} / ${kib(r.sizes.ui.gzip)}`)} |`);
  console.log(`| the whole index (files; raw / gzip) | ${col((r) => `${r.sizes.index.files}; ${kib(r.sizes.index.raw)} / ${kib(r.sizes.index.gzip)}`)} |`);
  console.log('\n### Against plain Pagefind on the same documents (each query in a fresh browser)\n');
  console.log(`| | ${reports.map((r) => `${r.size}: this site | ${r.size}: Pagefind`).join(' | ')} |\n| --- | ${reports.map(() => '--- | ---').join(' | ')} |`);
  const pair = (f: (r: Report) => string, g: (r: Report) => string) => reports.map((r) => `${f(r)} | ${g(r)}`).join(' | ');
  console.log(
    `| recall / precision / top hit holds the query | ${pair(
      (r) => `${pct(r.accuracy.recall)} / ${pct(r.accuracy.precision)} / ${pct(r.accuracy.top)}`,
      (r) => `${pct(r.pagefind.accuracy.recall)} / ${pct(r.pagefind.accuracy.precision)} / ${pct(r.pagefind.accuracy.top)}`,
    )} |`,
  );
  console.log(
    `| absent words find nothing | ${pair(
      (r) => (r.accuracy.absentClean ? 'yes' : 'NO'),
      (r) => (r.pagefind.accuracy.absentClean ? 'yes' : 'NO'),
    )} |`,
  );
  console.log(
    `| first search bytes (median / max; max for 2–4 characters) | ${pair(
      (r) => `${kib(r.cold.searchPageBytes.median)} / ${kib(r.cold.searchPageBytes.max)}; ${kib(r.cold.searchPageBytes.shortMax)}`,
      (r) => `${kib(r.pagefind.bytes.median)} / ${kib(r.pagefind.bytes.max)}; ${kib(r.pagefind.bytes.shortMax)}`,
    )} |`,
  );
  console.log(
    `| first search: navigation to the first results (median / max; max for 2–4) | ${pair(
      (r) => `${ms(r.cold.searchPageMs.median)} / ${ms(r.cold.searchPageMs.max)}; ${ms(r.cold.searchPageMs.shortMax)}`,
      (r) => `${ms(r.pagefind.ms.median)} / ${ms(r.pagefind.ms.max)}; ${ms(r.pagefind.ms.shortMax)}`,
    )} |`,
  );
  console.log(
    `| index (files; raw / gzip) | ${pair(
      (r) => `${r.sizes.index.files}; ${kib(r.sizes.index.raw)} / ${kib(r.sizes.index.gzip)}`,
      (r) => `${r.sizes.pagefind.files}; ${kib(r.sizes.pagefind.raw)} / ${kib(r.sizes.pagefind.gzip)}`,
    )} |`,
  );
  console.log("\n(Pagefind's bytes: its page is a blank page, so they are the search alone; this site's include the search page, its styles and UI.)");
  console.log('\n### By kind of query\n');
  console.log(`| kind | queries | ${reports.map((r) => `recall / precision / top (${r.size})`).join(' | ')} |`);
  console.log(`| --- | --- | ${reports.map(() => '---').join(' | ')} |`);
  for (const kind of [...new Set(QUERIES.map((q) => q.kind))]) {
    const cells = reports.map((r) => {
      const s = summarise(r.perQuery.filter((p) => p.kind === kind));
      return `${pct(s.recall)} / ${pct(s.precision)} / ${kind === 'absent' ? (s.absentClean ? 'none shown' : 'SHOWN') : pct(s.top)}`;
    });
    console.log(`| ${kind} | ${QUERIES.filter((q) => q.kind === kind).length} | ${cells.join(' | ')} |`);
  }
  for (const r of reports) {
    console.log(
      `\n${r.size} measures — queries that fall short: ${r.shortfalls.length ? r.shortfalls.map((x) => `${x.q} (${x.kind}: ${x.shown} shown, ${x.truth} true, ${x.partial} partial)`).join('; ') : 'none'}`,
    );
    if (r.popupProblems.length) console.log(`header list problems: ${r.popupProblems.join('; ')}`);
    console.log(`largest first search: "${r.cold.searchPageBytes.maxQuery}", ${kib(r.cold.searchPageBytes.max)}`);
    const targets = [
      r.accuracy.recall === 1 &&
        r.accuracy.precision === 1 &&
        r.accuracy.top === 1 &&
        r.accuracy.absentClean &&
        r.accuracy.partialClean &&
        !r.popupProblems.length,
      r.cold.searchPageBytes.shortMax <= 200 * 1024 && r.cold.headerBytes.shortMax <= 200 * 1024,
      r.cold.searchPageFirstMs.shortMax <= 500,
      r.later.header.max <= 50 && r.later.searchPage.max <= 50,
    ];
    console.log(
      `targets (accuracy 100 %; first search of 2–4 characters ≤ 200 KiB; its first result ≤ 500 ms; later queries ≤ 50 ms, max): ${targets.map((t) => (t ? 'met' : 'MISSED')).join(', ')}`,
    );
  }
  console.log(`\nDetails: ${reports.map((r) => relative(ROOT, join(OUT, `results-${r.size}.json`))).join(', ')}`);
}

const sizes = values.sizes!.split(',').map(Number);
const browser = await launchBrowser();
try {
  const reports: Report[] = [];
  for (const size of sizes) reports.push(await run(size, browser));
  print(reports);
} finally {
  await browser.close();
}
