/**
 * Hosting under a sub-path: built with BASE_PATH=/report/ and SITE_URL, every internal link,
 * asset, canonical URL, diagram link and the service worker's file list stay inside /report/
 * and resolve to a built file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';

const BASE = '/report/';
const dir = join(TEST_RUN_DIR, 'sub-path');
const site = join(dir, 'site');

beforeAll(() => {
  execFileSync(...astroBuildCommand(ROOT, ['--outDir', site]), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: buildEnv({ BASE_PATH: BASE, SITE_URL: 'https://example.org', ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
  });
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function htmlFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

/** The built file a site URL is served from, or undefined when it leaves the base. */
function fileOf(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rest = decodeURI(pathname.slice(BASE.length));
  return join(site, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
}

describe(`hosted under ${BASE}`, () => {
  it('keeps every link, asset and canonical URL inside the base, and each resolves', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(site)) {
      const from = `${BASE}${relative(site, file).replace(/index\.html$/, '')}`;
      const tree = fromHtml(readFileSync(file, 'utf8'));
      for (const el of selectAll('a[href], link[href], script[src]', tree) as Element[]) {
        const raw = String(el.properties.href ?? el.properties.src ?? el.properties.xLinkHref ?? '');
        if (/^(mailto|tel):/.test(raw) || raw.startsWith('#')) continue;
        const url = new URL(raw, `https://example.org${from}`);
        if (url.origin !== 'https://example.org') continue;
        const target = fileOf(url.pathname);
        if (!target || !existsSync(target)) problems.push(`${from} → ${raw}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names no other host than its own in any file, and links each page canonically at its address', () => {
    const files = (function under(d: string): string[] {
      return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? under(join(d, n)) : [join(d, n)]));
    })(site);
    expect(files.filter((f) => readFileSync(f).includes('localhost')).map((f) => relative(site, f))).toEqual([]);
    const canonical = (path: string) =>
      String((selectAll('link[rel=canonical]', fromHtml(readFileSync(join(site, path), 'utf8')))[0] as Element).properties.href);
    expect(canonical('measures/07/index.html')).toBe(`https://example.org${BASE}measures/07/`);
    // The sitemap lists the home page and every measure page (not /search/ or /print/), each at its canonical address.
    const locs = [...readFileSync(join(site, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`https://example.org${BASE}`);
    const measures = readdirSync(join(site, 'measures')).filter((n) => /^\d+$/.test(n));
    expect(measures.length).toBeGreaterThan(20);
    for (const n of measures) expect(locs).toContain(`https://example.org${BASE}measures/${n}/`);
    expect(locs.filter((l) => /\/(search|print)\/$/.test(l))).toEqual([]);
    for (const loc of locs) expect(canonical(`${loc.slice(`https://example.org${BASE}`.length)}index.html`), loc).toBe(loc);
    const json = JSON.parse(readFileSync(join(site, 'data/measures.json'), 'utf8')) as { measures: { url: string }[] };
    expect(json.measures[6].url).toBe(`https://example.org${BASE}measures/07/`);
  });

  it('points the topics diagram, the search and the offline worker at the base', () => {
    const topics = readFileSync(join(site, 'topics/index.html'), 'utf8');
    expect(topics).toContain(`href="${BASE}measures/09/"`);
    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    const files = JSON.parse(/^const FILES = (.*);$/m.exec(sw)![1]) as string[];
    expect(files.every((f) => f.startsWith(BASE))).toBe(true);
    for (const f of files) expect(existsSync(fileOf(f)!), f).toBe(true);
    const search = readFileSync(join(site, 'search/index.html'), 'utf8');
    expect(search).toContain(`action="${BASE}search/"`);
  });
});
