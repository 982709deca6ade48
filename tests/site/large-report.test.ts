/**
 * A report larger than the home page's list: 700 measures (a synthetic report made from the real
 * text, scripts/synthetic/generate.ts), built apart from the shared test build. The home page
 * lists the first LIST_PAGE_SIZE and the list continues on /list/2/ …; every measure is listed
 * exactly once, every page of the list links to the others, and all those links resolve. The
 * figures, the cited documents and the timeline are split into pages the same way, the indexes
 * cut each line short with a link to the search, and no page but /print/ grows past a budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import AxeBuilder from '@axe-core/playwright';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { generateSynthetic } from '../../scripts/synthetic/generate.ts';
import { launchBrowser, serveSite } from '../support/browser.ts';
import { unmarkedJudgements } from '../support/editorial-marks.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';

// Enough for the largest topic to hold more than a page (it holds about a sixth of the measures).
const COUNT = 700;
const PAGE_SIZE = 100;
// As src/build-time/site/report.ts and src/build-time/site/indexes.ts set them: measures under one topic, document or
// organisation on an index page; documents a page; dated actions a page.
const INDEX_LINE = 10;
const DOCUMENTS_PAGE = 100;
const TIMELINE_PAGE = 100;
// No page but /print/ grows with the report. The largest is the documents index's first page,
// about 130 KB at 700 or 5000 measures (a hundred documents, ten numbers each); unbounded, it
// was 270 KB at 700 and 1.3 MB at 5000.
const PAGE_BUDGET = 160 * 1024;
const dir = join(TEST_RUN_DIR, 'large-report');
const site = join(dir, 'site');

beforeAll(() => {
  generateSynthetic(COUNT, join(dir, 'content'), join(ROOT, 'content'));
  execFileSync(...astroBuildCommand(ROOT, ['--outDir', site]), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: buildEnv({ CONTENT_DIR: join(dir, 'content'), ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
  });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string) => fromHtml(readFileSync(join(site, path, 'index.html'), 'utf8'));
const listed = (path: string) => selectAll('ol.task-list li a', page(path)).map((a) => Number(/（(\d+)）/.exec(toText(a))![1]));
const pagerLinks = (path: string) =>
  selectAll('a', select('nav.list-pager', page(path))!).map((a) => ({
    href: String((a as Element).properties.href),
    current: (a as Element).properties.ariaCurrent === 'page',
  }));

describe(`a report of ${COUNT} measures`, () => {
  const pageCount = Math.ceil(COUNT / PAGE_SIZE);
  const paths = ['', ...Array.from({ length: pageCount - 1 }, (_, i) => `list/${i + 2}/`)];

  it(`lists ${PAGE_SIZE} measures a page, each measure exactly once, in order`, () => {
    const pages = paths.map(listed);
    expect(pages.map((p) => p.length)).toEqual(paths.map((_, i) => Math.min(PAGE_SIZE, COUNT - i * PAGE_SIZE)));
    expect(pages.flat()).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(existsSync(join(site, 'list/1'))).toBe(false);
    expect(existsSync(join(site, `list/${pageCount + 1}`))).toBe(false);
  });

  it('links every page of the list from each, marking the one shown', () => {
    for (const [i, path] of paths.entries()) {
      const links = pagerLinks(path);
      expect(links.map((l) => l.href)).toEqual(paths.map((p) => (p ? `/${p}` : '/#measures')));
      expect(links.map((l) => l.current)).toEqual(paths.map((_, j) => j === i));
      for (const { href } of links) expect(existsSync(join(site, href.replace(/#.*$/, ''), 'index.html'))).toBe(true);
    }
    expect(toText(select('h1', page('list/3/'))!)).toContain(`第3页，共${pageCount}页`);
  });

  it("says on each page of the list that the statuses are the editors' judgement", () => {
    for (const path of paths) expect(unmarkedJudgements(page(path), { figures: [], corrections: [] }), path).toEqual([]);
  });

  it('shows only the first page of the list on the home page, and says how many measures there are', () => {
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    expect(selectAll('ol.task-list li', fromHtml(home))).toHaveLength(PAGE_SIZE);
    expect(home).toContain(`含${COUNT}项整改措施`);
  });

  it(`lists the measures of each status on pages of ${PAGE_SIZE}, each exactly once, in order, the home page's counts linking to the first`, () => {
    const statuses = new Map<string, number[]>();
    for (const file of readdirSync(join(dir, 'content/measures')).sort()) {
      const { number, status } = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'content/measures', file), 'utf8'))![1]) as {
        number: number;
        status: string;
      };
      statuses.set(status, [...(statuses.get(status) ?? []), number]);
    }
    const counts = selectAll('.facts--status a', page('')).map((a) => String((a as Element).properties.href));
    // Some status must hold more than a page, or the paging was never tried.
    expect(Math.max(...[...statuses.values()].map((n) => n.length))).toBeGreaterThan(PAGE_SIZE);
    for (const [status, numbers] of statuses) {
      const first = counts.find((href) => toText(select(`a[href="${href}"]`, page(''))!).includes(status))!;
      const pages = Math.ceil(numbers.length / PAGE_SIZE);
      const paths = [first.slice(1), ...Array.from({ length: pages - 1 }, (_, i) => `${first.slice(1)}${i + 2}/`)];
      expect(paths.flatMap(listed), status).toEqual(numbers.sort((a, b) => a - b));
      if (pages > 1) for (const path of paths) expect(pagerLinks(path).map((l) => l.href)).toEqual(paths.map((p) => `/${p}`));
      expect(existsSync(join(site, `${first.slice(1)}${pages + 1}`))).toBe(false);
    }
  });

  it('lists at most a page of measures under each topic, document and organisation, then links to the search for all', () => {
    const topics = selectAll('section', page('topics/'));
    const counts = topics.map((t) => Number(/（(\d+)项）/.exec(toText(select('h2', t)!))![1]));
    // Some topic must hold more than a page, or this test would prove nothing.
    expect(Math.max(...counts)).toBeGreaterThan(PAGE_SIZE);
    for (const [i, topic] of topics.entries()) {
      const label = toText(select('h2', topic)!).replace(/（\d+项）$/, '');
      expect(selectAll('ol.task-list li', topic).length).toBe(Math.min(counts[i], INDEX_LINE));
      const more = select('p.more a', topic) as Element | undefined;
      if (counts[i] > INDEX_LINE) expect(String(more?.properties.href)).toBe(`/search/?topic=${encodeURIComponent(label)}`);
      else expect(more).toBeUndefined();
    }
    let cut = 0;
    for (const path of ['documents/', 'organisations/']) {
      for (const line of selectAll('dd > ul.inline-list', page(path))) {
        const numbers = selectAll('li a[title]', line);
        const all = selectAll('li a:not([title])', line);
        expect(numbers.length).toBeLessThanOrEqual(INDEX_LINE);
        if (all.length) {
          cut++;
          expect(numbers.length).toBe(INDEX_LINE);
          expect(toText(all[0])).toMatch(/^等\d+项，在搜索页查看全部$/);
          expect(String((all[0] as Element).properties.href)).toMatch(/^\/search\/\?q=/);
        }
      }
    }
    // Some line must have been cut, or the limit was never tried.
    expect(cut).toBeGreaterThan(0);
    expect(existsSync(join(site, 'search/index.html'))).toBe(true);
    expect(String((select('meta[name=description]', page('topics/')) as Element).properties.content)).toContain(`${COUNT}项`);
  });

  it(`splits the documents index into pages of ${DOCUMENTS_PAGE}, most cited first, each document on exactly one`, () => {
    const cited = new Map<string, number>();
    for (const file of readdirSync(join(dir, 'content/measures'))) {
      const { documents } = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'content/measures', file), 'utf8'))![1]) as { documents: string[] };
      // Names as the reading pages show them: the source's ASCII brackets as Chinese ones.
      for (const d of documents.map(chinesePunctuation)) cited.set(d, (cited.get(d) ?? 0) + 1);
    }
    const pageCount = Math.ceil(cited.size / DOCUMENTS_PAGE);
    expect(pageCount).toBeGreaterThan(1);
    const paths = ['documents/', ...Array.from({ length: pageCount - 1 }, (_, i) => `documents/${i + 2}/`)];
    const listed = paths.map((path) =>
      selectAll('dt', page(path)).map((dt) =>
        toText(dt)
          .replace(/〔编者注：[^〕]*〕/g, '')
          .replace(/^《|》$/g, ''),
      ),
    );
    expect(listed.map((l) => l.length)).toEqual(paths.map((_, i) => Math.min(DOCUMENTS_PAGE, cited.size - i * DOCUMENTS_PAGE)));
    expect(listed.flat().sort()).toEqual([...cited.keys()].sort());
    const counts = listed.flat().map((d) => cited.get(d)!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(existsSync(join(site, `documents/${pageCount + 1}`))).toBe(false);
    for (const [i, path] of paths.entries()) {
      const links = pagerLinks(path);
      expect(links.map((l) => l.href)).toEqual(paths.map((p) => `/${p}`));
      expect(links.map((l) => l.current)).toEqual(paths.map((_, j) => j === i));
    }
  });

  it(`splits the timeline into pages of ${TIMELINE_PAGE} dated actions, in order, each action on exactly one`, () => {
    const dated: string[] = [];
    const otherYears: string[] = [];
    for (const file of readdirSync(join(dir, 'content/measures')).sort()) {
      const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'content/measures', file), 'utf8'))![1]) as {
        number: number;
        dates: { phrase: string; year: number }[];
      };
      for (const d of data.dates) (d.year === 2020 ? dated : otherYears).push(`${d.phrase} （${data.number}）`);
    }
    const total = dated.length + otherYears.length;
    const pageCount = Math.ceil(total / TIMELINE_PAGE);
    expect(pageCount).toBeGreaterThan(2);
    expect(otherYears.length).toBeGreaterThan(0);
    const paths = ['timeline/', ...Array.from({ length: pageCount - 1 }, (_, i) => `timeline/${i + 2}/`)];
    const ofYear = paths.map((path) => selectAll('.timeline ol > li', page(path)));
    const others = paths.map((path) => selectAll('section[aria-labelledby="earlier"] ul > li', page(path)));
    expect(paths.map((_, i) => ofYear[i].length + others[i].length)).toEqual(paths.map((_, i) => Math.min(TIMELINE_PAGE, total - i * TIMELINE_PAGE)));
    expect(
      ofYear
        .flat()
        .map((li) => `${toText(select('time', li)!).trim()} ${toText(select('a', li)!)}`)
        .sort(),
    ).toEqual(dated.sort());
    // The other years come after the report's year, as on one page.
    expect(others.flat()).toHaveLength(otherYears.length);
    const firstWithOthers = others.findIndex((o) => o.length);
    expect(ofYear.slice(firstWithOthers + 1).flat()).toEqual([]);
    // The dates run in order through the pages; a month cut between pages continues.
    const times = ofYear.flat().map((li) => String((select('time', li) as Element).properties.dateTime));
    expect(times).toEqual([...times].sort());
    const headings = paths.map((path) => selectAll('.timeline > li > h2', page(path)).map((h) => toText(h)));
    for (let i = 1; i < headings.length && headings[i].length; i++) {
      const month = parseInt(headings[i][0], 10);
      if (month === parseInt(headings[i - 1].at(-1)!, 10)) expect(headings[i][0]).toContain('（续）');
      else expect(headings[i][0]).not.toContain('（续）');
    }
    for (const [i, path] of paths.entries()) {
      expect(pagerLinks(path).map((l) => l.current)).toEqual(paths.map((_, j) => j === i));
      expect(pagerLinks(path).map((l) => l.href)).toEqual(paths.map((p) => `/${p}`));
    }
    // Each page is named by the dates of the report's year it holds, the pages with other years' as such.
    const names = selectAll('a', select('nav.list-pager', page('timeline/'))!).map((a) => toText(a));
    expect(names[0]).toMatch(/^\d{1,2}月(\d{1,2}日)?–\d{1,2}月(\d{1,2}日)?$/);
    expect(names.map((n, i) => n.endsWith('更早日期') === others[i].length > 0)).toEqual(paths.map(() => true));
  });

  it(`has no page but /print/ over ${PAGE_BUDGET / 1024} KiB`, () => {
    const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('print/'));
    expect(pages.length).toBeGreaterThan(COUNT);
    const over = pages.map((f) => ({ f, size: statSync(join(site, f)).size })).filter((p) => p.size > PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it('splits the figures into a page per hundred measures, and each measure page links to its figures there', () => {
    const figurePaths = ['figures/', ...Array.from({ length: pageCount - 1 }, (_, i) => `figures/${i + 2}/`)];
    const firstOfPage: number[] = [];
    for (const [i, path] of figurePaths.entries()) {
      const rows = selectAll('section table tbody tr[id]', page(path)).map((tr) => String((tr as Element).properties.id));
      expect(rows.length).toBeGreaterThan(0);
      // Row ids are m<measure>-figure-<n>: every row of page i+1 belongs to its hundred measures.
      const measures = rows.map((id) => Number(/^m(\d+)-/.exec(id)![1]));
      expect(Math.min(...measures)).toBeGreaterThanOrEqual(i * PAGE_SIZE + 1);
      expect(Math.max(...measures)).toBeLessThanOrEqual((i + 1) * PAGE_SIZE);
      firstOfPage.push(measures[0]);
    }
    // From a measure of the first, second and last figures page, every row link lands on its row.
    for (const n of [firstOfPage[0], firstOfPage[1], firstOfPage.at(-1)!]) {
      const links = selectAll('a[href^="/figures/"][href*="#"]', page(`measures/${String(n).padStart(2, '0')}/`)).map((a) =>
        String((a as Element).properties.href),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const [path, id] = link.slice(1).split('#');
        expect(select(`[id="${id}"]`, page(path)), link).toBeDefined();
      }
    }
  });

  describe('axe in Chromium, on the pages that continue a list', () => {
    // One test a page and scheme, in one browser: axe takes several seconds on a page this long.
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    let served: Awaited<ReturnType<typeof serveSite>>;
    beforeAll(async () => {
      [browser, served] = await Promise.all([launchBrowser(), serveSite(site)]);
    });
    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });
    const cases = (['light', 'dark'] as const).flatMap((colorScheme) =>
      ['/', '/list/2/', '/figures/3/', '/documents/2/', '/timeline/2/'].map((path) => ({ colorScheme, path })),
    );
    it.each(cases)(
      '$path has no violations ($colorScheme)',
      async ({ colorScheme, path }) => {
        const context = await browser.newContext({ colorScheme });
        try {
          const tab = await context.newPage();
          await tab.goto(served.origin + path);
          const { violations } = await new AxeBuilder({ page: tab as never }).analyze();
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        } finally {
          await context.close();
        }
      },
      300_000,
    );
  });
});
