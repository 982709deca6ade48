/** The built site, read as HTML: what each kind of page shows, and what it must not carry. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/pure/site/content-security-policy.ts';
import type { MeasureDate } from '../../src/pure/model/schema.ts';
import { STATUSES } from '../support/report-vocabulary.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { pageExists, readHtml, readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';

const entries = readMeasureEntries();
const pad = (n: number) => String(n).padStart(2, '0');
const attr = (el: Element, name: string) => String(el.properties?.[name] ?? '');
/** A title as the pages print it, without the editors' notes on corrected passages (tests/site/corrections-shown.test.ts checks those). */
const shownTitle = (el: Element | undefined) => textOf(el).replace(/〔编者注：[^〕]*〕/g, '');

/** The <dd> of a measure page's summary list whose <dt> says `name`. */
function summaryRow(page: Root, name: string): Element | undefined {
  const row = selectAll('dl.summary-list > div', page).find((div) => textOf(select('dt', div)) === name);
  return row && select('dd', row);
}

/**
 * A date as a reader sees it: the year always written out (`2020年2月12日`, `2020年8月`,
 * `2020年6月22日至7月9日`), and when the text gives none, the editors' mark quoting the text.
 */
function shownDate(d: MeasureDate): string {
  const until = d.until ? `至${d.until.month === d.month ? '' : `${d.until.month}月`}${d.until.day}日` : '';
  const date = `${d.year}年${d.month}月${d.day ? `${d.day}日` : ''}${until}`;
  return d.yearInferred ? `${date}（年份为编者推定：原文作“${d.phrase}”）` : date;
}

function htmlFiles(dir = TEST_SITE_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('every page', () => {
  const files = htmlFiles();

  it('builds home, source, 404 and one page per measure', () => {
    const paths = files.map((f) => `/${relative(TEST_SITE_DIR, f)}`).sort();
    expect(paths).toContain('/index.html');
    expect(paths).toContain('/source/index.html');
    expect(paths).toContain('/404.html');
    for (const { data } of entries) expect(paths).toContain(`/measures/${pad(data.number)}/index.html`);
    expect(paths.filter((p) => p.startsWith('/measures/'))).toHaveLength(entries.length);
  });

  it.each(htmlFiles().map((f) => relative(TEST_SITE_DIR, f)))('%s is zh-CN, titled, described, without scripts or other origins', (file) => {
    const tree = readPage(`/${file}`);
    const html = select('html', tree)!;
    expect(attr(html, 'lang')).toBe('zh-CN');
    expect(textOf(select('title', tree)).length).toBeGreaterThan(2);
    expect(attr(select('meta[name="description"]', tree)!, 'content').length).toBeGreaterThan(10);
    // The only script a page may carry is the file with the search box's loader and the offline support (see below).
    for (const script of selectAll('script', tree)) expect(isAllowedScript(script), `${file}: a script other than the loaders`).toBe(true);
    expect(selectAll('script', tree).length).toBeLessThanOrEqual(1);
    // Nothing is loaded from anywhere but the site itself: no fonts, scripts, images or styles.
    for (const el of selectAll('[src], link[rel="stylesheet"], link[rel="preload"], link[rel="icon"]', tree)) {
      const url = attr(el, 'src') || attr(el, 'href');
      expect(url, `${file} loads ${url}`).not.toMatch(/^(?:https?:)?\/\//);
    }
    expect(select('a.skip-link[href="#main"]', tree)).toBeTruthy();
    expect(select('main#main', tree)).toBeTruthy();
  });

  it('every internal link and fragment resolves', () => {
    const problems: string[] = [];
    for (const file of files) {
      const from = `/${relative(TEST_SITE_DIR, file)}`.replace(/index\.html$/, '');
      const tree = readPage(from === '/404.html' ? '/404.html' : from);
      for (const a of selectAll('a[href]', tree)) {
        const href = attr(a, 'href');
        if (/^[a-z]+:/.test(href)) continue;
        const target = new URL(href, `http://site${from}`);
        const path = target.pathname;
        if (!pageExists(path)) {
          problems.push(`${from} → ${href}: no page`);
          continue;
        }
        const id = decodeURIComponent(target.hash.slice(1));
        if (id && !select(`[id="${id}"]`, readPage(path))) problems.push(`${from} → ${href}: no #${id}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('home page', () => {
  const home = readPage('/');

  it('says what the report is, that pages 1 and 3 are missing, and links to the source', () => {
    const text = textOf(home);
    expect(text).toContain('全总党组');
    expect(text).toMatch(/第1版和第3版未能获得/);
    expect(select('a[href="/source/"]', select('main', home)!)).toBeTruthy();
  });

  it('gives the headline structure from the intro entry', () => {
    const facts = selectAll('.facts:not(.facts--status) li', home).map((li) => textOf(li).replace(/\s+/g, ''));
    for (const expected of ['4个主要方面', '12个问题', '31个具体表现', '64项整改任务', '6个领导小组分设的小组', '24个第一责任单位', '3次集中督导']) {
      expect(facts).toContain(expected);
    }
  });

  it('counts the measures by status as the entries say', () => {
    const counts = selectAll('.facts--status li', home).map((li) => textOf(li).replace(/\s+/g, ''));
    for (const status of STATUSES) {
      const n = entries.filter((e) => e.data.status === status.label).length;
      expect(counts).toContain(`${n}项${status.label}`);
    }
  });

  it('lists every measure in order with its status, linking to its page', () => {
    const items = selectAll('.task-list li', home);
    expect(items).toHaveLength(entries.length);
    items.forEach((li, i) => {
      const { data } = entries[i];
      expect(attr(select('a', li)!, 'href')).toBe(`/measures/${pad(data.number)}/`);
      expect(shownTitle(select('a', li))).toContain(chinesePunctuation(data.title));
      expect(textOf(select('.tag', li))).toBe(data.status);
    });
  });
});

it('the report has dates with the year written and dates whose year the editors inferred, spans and months alone (so the date checks below test each)', () => {
  const dates = entries.flatMap((e) => e.data.dates);
  expect(dates.some((d) => d.yearInferred) && dates.some((d) => !d.yearInferred)).toBe(true);
  expect(dates.some((d) => d.until) && dates.some((d) => !d.day)).toBe(true);
  expect(entries.some((e) => e.data.corrections.some((c) => !c.suggested))).toBe(true);
});

describe.each(entries.map((e) => [e.data.number, e] as const))('measure page (%i)', (number, { data, body }) => {
  const path = `/measures/${pad(number)}/`;
  const page = readPage(path);
  const main = select('main', page)!;

  it('shows number, title and the status with its justifying words', () => {
    expect(shownTitle(select('h1', page))).toBe(`（${number}）${chinesePunctuation(data.title)}`);
    expect(textOf(select('.status-line .tag', page))).toBe(data.status);
    expect(textOf(select('.status-line', page))).toContain(chinesePunctuation(data.statusNote));
  });

  it('marks every figure in the text and lists it in the table, linked both ways', () => {
    const marks = selectAll('.measure-text a.figure', page);
    expect(marks).toHaveLength(data.figures.length);
    const rows = selectAll('section[aria-labelledby="figures"] tbody tr', page);
    expect(rows).toHaveLength(data.figures.length);
    data.figures.forEach((f, i) => {
      expect(textOf(marks[i])).toBe(f.phrase);
      expect(attr(marks[i], 'href')).toBe(`#${attr(rows[i], 'id')}`);
      expect(attr(select('a', rows[i])!, 'href')).toBe(`#${attr(marks[i], 'id')}`);
    });
  });

  it('gives every date in text order with its year, marking a year the editors inferred and quoting the source', () => {
    const row = summaryRow(page, '日期');
    if (!data.dates.length) return expect(row).toBeUndefined();
    expect(row, 'the row 日期').toBeDefined();
    expect(selectAll('li', row!).map((li) => textOf(li))).toEqual(data.dates.map(shownDate));
    // Nowhere else on the page does a year pass for the source's: one mark per inferred year.
    expect((textOf(main).match(/年份为编者推定/g) ?? []).length).toBe(data.dates.filter((d) => d.yearInferred).length);
  });

  it('marks each corrected passage in the text, linked both ways with the editorial note', () => {
    const marks = selectAll('.measure-text a.correction', page);
    const notes = selectAll('#corrections + p + ol > li', page);
    expect(marks).toHaveLength(data.corrections.length);
    expect(notes).toHaveLength(data.corrections.length);
    data.corrections.forEach((c, i) => {
      expect(textOf(marks[i])).toBe(c.original);
      expect(attr(marks[i], 'href')).toBe(`#${attr(notes[i], 'id')}`);
      expect(attr(select('a', notes[i])!, 'href')).toBe(`#${attr(marks[i], 'id')}`);
      expect(textOf(notes[i])).toBe(`原文“${c.original}”${c.suggested ? `，疑为“${c.suggested}”` : ''}。${c.note}`);
    });
    if (data.corrections.length) expect(textOf(select('#corrections', page))).toBe('编者订正');
  });

  it('links related measures and its neighbours, and nothing that grows with the report', () => {
    for (const r of data.related) expect(select(`a[href="/measures/${pad(r)}/"]`, main)).toBeTruthy();
    const prev = entries.find((e) => e.data.number === number - 1);
    const next = entries.find((e) => e.data.number === number + 1);
    expect(Boolean(select('a[rel="prev"]', page))).toBe(Boolean(prev));
    expect(Boolean(select('a[rel="next"]', page))).toBe(Boolean(next));
    // Only the measures this one is tied to: neighbours, related, linked from its text, or
    // pointing at it; never a list of every measure.
    const tied = new Set([
      ...data.related,
      ...[...body.matchAll(/\]\((\d+)\.mdx?[)#]/g)].map((m) => Number(m[1])),
      ...entries.filter((e) => e.data.related.includes(number) || new RegExp(`\\]\\(0*${number}\\.mdx?[)#]`).test(e.body)).map((e) => e.data.number),
    ]);
    const measureLinks = new Set(selectAll('a[href^="/measures/"]', page).map((a) => attr(a, 'href')));
    expect(measureLinks.size).toBeLessThanOrEqual(tied.size + 2);
  });
});

describe('source page', () => {
  const page = readPage('/source/');

  it('says plainly that pages 1 and 3 are not available and keeps the continuation marks', () => {
    const text = textOf(page);
    expect(text).toContain('第1版和第3版未能获得');
    expect(text).toContain('(上接第1版)');
    expect(text).toContain('(下转第3版)');
    // Set apart as the numbering of the settings reads them: the two marks, and the headings of the introduction
    // (each paragraph's text after its number in the margin).
    const texts = (selector: string) => selectAll(selector, page).map((p) => textOf(p).replace(/^\d+/, ''));
    expect(texts('.source-text p.continuation')).toEqual(['(上接第1版)', '(下转第3版)']);
    const headings = texts('.source-text p.heading');
    expect(headings.length).toBeGreaterThan(1);
    expect(
      headings.every((h) => /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/.test(h)),
      headings.join(' | '),
    ).toBe(true);
  });

  it('lists every editorial correction, each linking to its note on the measure page', () => {
    const items = selectAll('#corrections ~ ol > li', page);
    const corrections = entries.flatMap(({ data }) => data.corrections.map((c, i) => ({ number: data.number, c, i })));
    expect(items).toHaveLength(corrections.length);
    corrections.forEach(({ number, c }, k) => {
      const link = attr(select('a', items[k])!, 'href');
      const [path, id] = link.split('#');
      expect(path).toBe(`/measures/${pad(number)}/`);
      // The note it links to is this correction's.
      expect(textOf(select(`[id="${id}"]`, readPage(path))!)).toContain(`原文“${c.original}”`);
      expect(textOf(items[k])).toBe(`（${number}）原文“${c.original}”${c.suggested ? `，疑为“${c.suggested}”` : ''}。${c.note}`);
    });
  });
});

describe('404 page', () => {
  it('says the page was not found and leads home', () => {
    const page = readPage('/404.html');
    expect(textOf(select('h1', page))).toBe('找不到该页');
    expect(select('main a[href="/"]', page)).toBeTruthy();
  });
});

/**
 * The one script a page may carry: a module file of the site's own (no inline script: the CSP
 * allows none), holding the search box's loader — which imports the search UI only when the reader
 * focuses the box (tests/e2e/search.test.ts checks that nothing loads before) — and the offline
 * support (registers the service worker after load, offers a new edition).
 */
function pageScript(script: Element): string | undefined {
  const src = attr(script, 'src');
  if (attr(script, 'type') !== 'module' || !src.startsWith('/_astro/') || toString(script).trim()) return undefined;
  const code = readHtml(src);
  return code.includes('data-site-search') && code.includes('serviceWorker') ? code : undefined;
}
const isAllowedScript = (script: Element) => pageScript(script) !== undefined;

it('the measure pages carry no client JavaScript but the search loader and offline support, one file of at most 2 KiB gzip', () => {
  for (const { data } of entries) {
    const html = readHtml(`/measures/${pad(data.number)}/`);
    const scripts = selectAll('script', readPage(`/measures/${pad(data.number)}/`));
    expect(scripts).toHaveLength(1);
    const code = pageScript(scripts[0]);
    expect(code).toBeDefined();
    expect(gzipSync(code!).length).toBeLessThanOrEqual(2048);
    // Apart from this file and the module the loader imports on focus (data-ui), no JavaScript at all.
    const rest = html.replace(/<script type="module" src="[^"]*"><\/script>/, '').replace(/ data-ui="[^"]*"/, '');
    expect(rest).not.toMatch(/<script|\.js["']/);
  }
});

describe('for hosts and search engines', () => {
  it('names the site on a phone’s home screen by the short name in the settings', () => {
    const manifest = JSON.parse(readFileSync(join(TEST_SITE_DIR, 'manifest.webmanifest'), 'utf8')) as { short_name: string };
    expect(manifest.short_name).toBe(reportSettings(join(ROOT, 'content')).publication.shortName);
    expect(manifest.short_name).toBe('整改进展');
  });

  it('declares, on every page, one Content-Security-Policy that allows only the site itself and no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    for (const file of htmlFiles()) {
      const tags = selectAll('meta[http-equiv="content-security-policy"]', readPage(`/${relative(TEST_SITE_DIR, file)}`));
      expect(
        tags.map((t) => attr(t, 'content')),
        file,
      ).toEqual([CONTENT_SECURITY_POLICY]);
    }
  });
});
