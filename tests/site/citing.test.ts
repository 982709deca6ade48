/**
 * A reader can cite a measure and knows how current it is: each measure page has one line to
 * copy (who reports, the publication, the part held, the measure as its heading names it, the
 * paragraphs of the source, the page's address, the edition's date); the status counts say the
 * date the report's account stands at and the edition's date; a report-an-error link appears
 * exactly when the publication's settings give an address for it. The settings' words and dates
 * are read from content/publication.yaml here, not from the code that writes the pages.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { builtPages, readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';

const settings = parse(readFileSync(join(ROOT, 'content/publication.yaml'), 'utf8')) as {
  reporter: string;
  title: string;
  asOf?: string;
  edition: string;
  source: { held: number[]; pageWord: string };
  reportErrorsTo?: string;
};
const entries = readMeasureEntries();
const pad = (n: number) => String(n).padStart(2, '0');
/** `2026-12-07` → `2026年12月7日`, as a reader writes the date. */
const written = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The line a reader copies from a measure page, made from the entry, the page's heading and address, and the settings. */
function expectedCitation(page: Root, number: number, address: string): string {
  const entry = entries.find((e) => e.data.number === number)!;
  const heading = textOf(select('h1', page));
  return `${settings.reporter}：${settings.title}（报告第${settings.source.held[0]}${settings.source.pageWord}），${heading}，原文第${entry.data.source.paragraphs.join('、')}段。${address}（本站${written(settings.edition)}版）`;
}

/** The address a page gives itself: its canonical link when it has one, else its path on the site. */
const addressOf = (page: Root, path: string) => String((select('link[rel=canonical]', page) as Element | undefined)?.properties.href ?? path);

describe.each(entries.map((e) => [e.data.number] as const))('measure (%i)', (number) => {
  const path = `/measures/${pad(number)}/`;
  const page = readPage(path);

  it('has a citation line a reader can copy, true to the page and the settings', () => {
    const lines = selectAll('.citing .citation-line', page);
    expect(lines).toHaveLength(1);
    expect(textOf(lines[0])).toBe(expectedCitation(page, number, addressOf(page, path)));
    expect(textOf(select('.citing h2', page))).toBe('引用本项');
  });

  it('has a report-an-error link only when the settings give an address for it', () => {
    if (settings.reportErrorsTo) expect(select('.citing a.report-error', page)).toBeTruthy();
    else expect(select('a.report-error', page)).toBeFalsy();
  });
});

describe('the status counts', () => {
  const countsPages = builtPages().filter((p) => select('.facts--status', readPage(p)));

  it('are on the home page and each status’s list', () => {
    expect(countsPages).toContain('/');
    expect(countsPages.filter((p) => p.startsWith('/status/')).length).toBeGreaterThan(0);
  });

  it.each(countsPages)('%s: are followed by the as-of date of the report and the date of this edition', (path) => {
    const page = readPage(path);
    const counts = select('.facts--status', page)!;
    // The element right after the counts.
    const parent = selectAll('*', page).find((el) => el.children.includes(counts))!;
    const next = parent.children.slice(parent.children.indexOf(counts) + 1).find((c): c is Element => c.type === 'element')!;
    expect(String(next.properties.className)).toContain('edition-dates');
    const times = selectAll('time', next).map((t) => [String(t.properties.dateTime), textOf(t)]);
    expect(times).toEqual([...(settings.asOf ? [[settings.asOf, written(settings.asOf)]] : []), [settings.edition, written(settings.edition)]]);
    expect(textOf(next)).toBe(`${settings.asOf ? `原文所述进展截至${written(settings.asOf)}；` : ''}本站这一版编成于${written(settings.edition)}。`);
  });
});

describe('a report with an address for error reports, published at an address of its own', () => {
  const dir = join(TEST_RUN_DIR, 'citing');
  const content = join(dir, 'content');
  const site = join(dir, 'site');
  const SITE = 'https://example.org';
  const MAIL = 'mailto:editors@example.org';

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const file = join(content, 'publication.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nreportErrorsTo: ${MAIL}\n`);
    execFileSync(...astroBuildCommand(ROOT, ['--outDir', site]), {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: buildEnv({ CONTENT_DIR: content, SITE_URL: SITE, ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
    });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pageOf = (path: string) => fromHtml(readFileSync(join(site, path, 'index.html'), 'utf8'));

  it.each(entries.map((e) => e.data.number))('(%i) cites its absolute address and links a mail to the editors naming the measure and the page', (number) => {
    const path = `/measures/${pad(number)}/`;
    const page = pageOf(path);
    const address = `${SITE}${path}`;
    expect(textOf(select('.citation-line', page))).toBe(expectedCitation(page, number, address));
    const link = select('.citing a.report-error', page)!;
    expect(textOf(link)).toBe('向编者报告本项的错误');
    const href = new URL(String(link.properties.href));
    expect(`${href.protocol}${href.pathname}`).toBe(MAIL);
    expect(href.searchParams.get('subject')).toBe(`报告错误：${textOf(select('h1', page))}`);
    expect(href.searchParams.get('body')).toBe(`${address}\n\n`);
  });
});
