/**
 * The real report has no site address in its settings (content/publication.yaml leaves `site`
 * out) and the shared test build sets no SITE_URL: so the site links to itself by site-relative
 * addresses and leaves out what needs an absolute one — no canonical link, og:url or sitemap —
 * and no file of it names localhost or any other host. (With an address: base-path.test.ts and
 * second-report.test.ts.) It offers no report-an-error link either, as the settings give no
 * address for one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { readPage, selectAll } from '../support/built-site.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}
const files = filesUnder(TEST_SITE_DIR);
const pages = files.filter((f) => f.endsWith('.html')).map((f) => `/${relative(TEST_SITE_DIR, f).replace(/index\.html$/, '')}`);

describe('a site without an address', () => {
  it('is what the settings say', () => {
    expect(reportSettings(join(ROOT, 'content')).publication.site).toBeUndefined();
  });

  it('has no file that names localhost', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => readFileSync(f).includes('localhost')).map((f) => relative(TEST_SITE_DIR, f))).toEqual([]);
  });

  it('gives no page a canonical link, og:url or sitemap, and has no sitemap', () => {
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) expect(selectAll('link[rel=canonical], meta[property="og:url"], link[rel=sitemap]', readPage(page)), page).toEqual([]);
    expect(files.filter((f) => /sitemap/.test(f))).toEqual([]);
  });

  it('gives the open data site-relative addresses', () => {
    const json = JSON.parse(readFileSync(join(TEST_SITE_DIR, 'data/measures.json'), 'utf8')) as { measures: { number: number; url: string }[] };
    expect(json.measures.map((m) => m.url)).toEqual(json.measures.map((m) => `/measures/${String(m.number).padStart(2, '0')}/`));
    const rows = parse(readFileSync(join(TEST_SITE_DIR, 'data/figures.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.页面).toMatch(/^\/measures\/\d{2}\/$/);
  });

  it('offers no report-an-error link when the settings give no address for one', () => {
    for (const page of pages) expect(selectAll('footer a[href^="mailto:"]', readPage(page)), page).toEqual([]);
  });
});
