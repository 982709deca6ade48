/**
 * Search in a real browser: the header box (lazy loading, typing, keyboard, ARIA combobox),
 * the search page (the URL is the search, back button, filters with counts, partial matches,
 * next steps when nothing is found), sections and source paragraphs, traditional input, a
 * phone and dark mode, no layout shift, JavaScript off, and a run with every request outside
 * the site blocked. Which results are expected comes from the built pages
 * (scripts/bench-search-truth.ts), not from the search code; their order from the index's
 * files read in Node (tests/support/search-index-files.ts), and in known cases by hand.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedUrls, readBuiltDocuments } from '../../scripts/bench-search-truth.ts';
import { STATUSES, TOPICS } from '../support/report-vocabulary.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { launchBrowser, serveSite, type ServedSite } from '../support/browser.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';
import { rankedPlaces } from '../support/search-index-files.ts';
import { exactLinks, placeOf, waitForResults } from '../support/search-page.ts';

const pages = readBuiltDocuments(TEST_SITE_DIR);
const entries = readMeasureEntries();
const statusOf = (url: string) => entries.find((e) => url.endsWith(`/${String(e.data.number).padStart(2, '0')}/`))!.data;

let browser: Browser;
let site: ServedSite;
const outside: string[] = [];
const pageErrors: string[] = [];

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(site.origin)) outside.push(r.url());
    // The service worker's own script and its background caching of the site for offline
    // reading (src/browser/offline/) are not the page loading search code; everything the page asks for is counted.
    else if (!r.serviceWorker() && !r.url().endsWith('/sw.js')) requests.push(r.url().slice(site.origin.length));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(site.origin + path);
  return { page, context, requests };
}

const headerInput = (page: Page) => page.locator('#site-search-q');

/** Types into the header box and waits until its list shows the result for that query. */
async function typeInHeader(page: Page, query: string) {
  await headerInput(page).fill(query);
  await page.waitForFunction((q) => {
    const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
    return form?.dataset.state === 'ready' && form.dataset.query === q;
  }, query);
}

const optionPlaces = (page: Page) =>
  page
    .locator('[role="listbox"] [role="option"]:not(.search-option--all)')
    .evaluateAll((os) => os.map((o) => o.getAttribute('data-href')!))
    .then((hs) => hs.map(placeOf));

/** WCAG contrast ratio of two computed colours (`rgb(…)`). */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

beforeAll(async () => {
  mkdirSync(join(ROOT, '.cache/screenshots'), { recursive: true });
  [browser, site] = await Promise.all([launchBrowser(), serveSite()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the header search box', () => {
  it('loads no search code until the reader focuses it', async () => {
    const { page, context, requests } = await open('/measures/07/');
    // Loaded: every request the page makes by itself has been made.
    await page.waitForLoadState('load');
    const pageScript = await page.locator('script[type="module"][src]').getAttribute('src');
    expect(requests.filter((r) => /\.js|search-index/.test(r))).toEqual([pageScript]);
    const ui = page.waitForRequest((r) => /\/_astro\/ui-.*\.js$/.test(r.url()));
    const manifest = page.waitForRequest((r) => r.url().endsWith('/search-index/manifest.json'));
    await headerInput(page).focus();
    await Promise.all([ui, manifest]);
    await typeInHeader(page, '建会');
    // Only what the query needs: no file of the index holds every text.
    expect(requests.filter((r) => r.includes('/search-index/')).length).toBeLessThan(10);
    await context.close();
  });

  it('shows the measures that hold the query, with the passage and the query marked', async () => {
    const { page, context } = await open('/');
    await headerInput(page).focus();
    await typeInHeader(page, '建会');
    const want = expectedUrls(pages, '建会');
    const options = page.locator('[role="listbox"] [role="option"]:not(.search-option--all)');
    expect(await options.count()).toBe(Math.min(want.length, 6));
    // An option holds no link or other interactive element (ARIA listbox).
    expect(await page.locator('[role="listbox"] a, [role="listbox"] button').count()).toBe(0);
    // Best first: (6) has 建会 in its title.
    expect(await optionPlaces(page)).toEqual((await rankedPlaces(TEST_SITE_DIR, '建会')).slice(0, 6));
    expect((await optionPlaces(page))[0]).toBe('/measures/06/');
    expect([...(await optionPlaces(page))].sort()).toEqual([...want].sort().slice(0, 6));
    for (const mark of await options.locator('mark').allInnerTexts()) expect(mark).toBe('建会');
    await expect(page.locator('.search-popup__summary').innerText()).resolves.toBe(`${want.length}项措施包含“建会”`);
    await expect(headerInput(page).getAttribute('aria-expanded')).resolves.toBe('true');

    // Full-width input, a character inside a word, a number, a word joined across a column break.
    for (const q of ['（征求意见稿）', '匠', '1.2亿', '社会保险']) {
      await typeInHeader(page, q);
      const n = expectedUrls(pages, q).length;
      expect(n, q).toBeGreaterThan(0);
      await expect(page.locator('.search-popup__summary').innerText()).resolves.toBe(`${n}项措施包含“${q}”`);
    }
    await typeInHeader(page, '高铁');
    await expect(page.locator('.search-popup__summary').innerText()).resolves.toBe('原文中没有“高铁”');
    expect(await page.locator('[role="option"]:not(.search-option--all)').count()).toBe(0);

    // A click on a result opens its measure.
    await typeInHeader(page, '建会');
    const first = page.locator('[role="listbox"] [role="option"]').first();
    const href = (await first.getAttribute('data-href'))!;
    await first.click();
    await page.waitForURL((url) => url.pathname === href.split('#')[0]);
    await context.close();
  });

  it('works with the keyboard: / focuses, arrows move, Enter opens, Esc closes then clears', async () => {
    const { page, context } = await open('/measures/03/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-q');
    await page.keyboard.type('工匠');
    await page.waitForFunction(() => {
      const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
      return form?.dataset.state === 'ready' && form.dataset.query === '工匠';
    });
    const input = headerInput(page);
    const options = page.locator('[role="option"]');
    const count = await options.count();
    expect(count).toBeGreaterThan(2);

    await page.keyboard.press('ArrowDown');
    const first = await options.nth(0).getAttribute('id');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(first);
    await expect(options.nth(0).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await options.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Wraps to the last option: the search page with every result.
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await options.nth(count - 1).getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(first);
    // Focus stays in the box the whole time.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-q');

    await page.keyboard.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('.search-popup').isVisible()).resolves.toBe(false);
    await expect(input.inputValue()).resolves.toBe('工匠');
    await page.keyboard.press('Escape');
    await expect(input.inputValue()).resolves.toBe('');

    await page.keyboard.type('工匠');
    await page.waitForFunction(() => {
      const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
      return form?.dataset.state === 'ready' && form.dataset.query === '工匠';
    });
    await page.keyboard.press('ArrowDown');
    const target = await options.nth(0).getAttribute('data-href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target!.split('#')[0]);
    await context.close();
  });

  it('Enter with no option chosen opens the search page for the query', async () => {
    const { page, context } = await open('/source/');
    await headerInput(page).focus();
    await typeInHeader(page, '入会');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === '入会');
    await waitForResults(page, '入会');
    expect((await exactLinks(page)).sort()).toEqual(expectedUrls(pages, '入会').sort());
    await context.close();
  });

  it('ignores the pinyin an input method shows while composing', async () => {
    const { page, context } = await open('/');
    await headerInput(page).focus();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#site-search-q')?.dataset.searchAttached === 'true');
    // A search starts synchronously on input (it marks the form 'loading' with its query): none starts while composing.
    const started = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search-q')!;
      input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      input.value = 'jian hui';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'jian hui' }));
      return document.querySelector<HTMLFormElement>('form[data-site-search]')!.dataset.query ?? null;
    });
    expect(started).toBeNull();
    await expect(page.locator('.search-popup').isVisible()).resolves.toBe(false);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search-q')!;
      input.value = '建会';
      input.dispatchEvent(new CompositionEvent('compositionend', { data: '建会' }));
    });
    await page.waitForFunction(() => {
      const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
      return form?.dataset.state === 'ready' && form.dataset.query === '建会';
    });
    await expect(page.locator('.search-popup').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the search page', () => {
  it('runs the query in its URL, lists every exact match, then partial matches under their own heading', async () => {
    const q = '工匠 创新';
    const { page, context } = await open(`/search/?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q, true);
    await expect(page.locator('#search-q').inputValue()).resolves.toBe(q);
    const want = expectedUrls(pages, q);
    expect(want.length).toBeGreaterThan(0);
    expect((await exactLinks(page)).sort()).toEqual([...want].sort());
    await expect(page.locator('[data-summary]').innerText()).resolves.toBe(`${want.length}项措施包含“工匠”“创新”。`);
    // Best first, as the index ranks them (unsorted).
    expect(await exactLinks(page)).toEqual(await rankedPlaces(TEST_SITE_DIR, q));
    await expect(page.title()).resolves.toContain(q);
    // Every passage marks both words.
    for (const item of await page.locator('[data-exact] .search-result').all()) {
      expect(new Set(await item.locator('mark').allInnerTexts())).toEqual(new Set(['工匠', '创新']));
    }
    const partial = page.locator('[data-partial]');
    await expect(partial.isVisible()).resolves.toBe(true);
    await expect(partial.locator('h2').innerText()).resolves.toBe('只有部分词语的结果');
    const partialLinks = (await partial.locator('.search-result__title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(placeOf);
    const either = pages.filter((p) => expectedUrls([p], '工匠').length || expectedUrls([p], '创新').length).map((p) => p.url);
    expect(partialLinks.sort()).toEqual(either.filter((u) => !want.includes(u)).sort());
    for (const held of await partial.locator('.search-result__held').allInnerTexts()) expect(['只含“工匠”', '只含“创新”']).toContain(held);
    await context.close();
  });

  it('shows the best result while the texts of the others are still on their way, then the whole page in rank order', async () => {
    const q = '职工';
    const ranked = await rankedPlaces(TEST_SITE_DIR, q);
    const firstPage = Math.min(20, ranked.length);
    expect(firstPage).toBeGreaterThan(2);
    // No offline worker: its background caching would ask for the same files.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // Every result's text (a fragment) is held here; the page asks for them in rank order.
    const held: Route[] = [];
    await context.route(/\/search-index\/[^/]+\/f\d+\.json$/, (route) => void held.push(route));
    const page = await context.newPage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
    // expect.poll's own limit (1 s) would be a timing assumption: the site tests' limit instead (vitest.config.ts).
    await expect.poll(() => held.length, { timeout: 600_000 }).toBe(firstPage);
    const state = () => page.locator('[data-results]').evaluate((r) => ({ ...(r as HTMLElement).dataset }));
    // Nothing is on screen before the best result's text is.
    expect(await state()).toMatchObject({ state: 'loading' });
    await expect(page.locator('[data-exact] > li').count()).resolves.toBe(0);
    // All but the last result's text arrive: the page shows them, best first, and is not yet complete.
    for (const route of held.slice(0, -1)) await route.continue();
    await page.waitForFunction((n) => document.querySelectorAll('[data-exact] > li').length === n, firstPage - 1);
    expect(await state()).toMatchObject({ shown: q, state: 'loading' });
    expect(await exactLinks(page)).toEqual(ranked.slice(0, firstPage - 1));
    // The count comes with the first result, and the last text changes nothing of it.
    const summary = await page.locator('[data-summary]').innerText();
    expect(summary).toContain('职工');
    await held.at(-1)!.continue();
    await waitForResults(page, q);
    expect(await exactLinks(page)).toEqual(ranked.slice(0, firstPage));
    await expect(page.locator('[data-summary]').innerText()).resolves.toBe(summary);
    await context.close();
  });

  it('offers the shorter words inside a one-word query as other searches, never as results', async () => {
    const q = '绿色生态工匠';
    const { page, context } = await open(`/search/?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q, true);
    expect(await exactLinks(page)).toEqual(expectedUrls(pages, q));
    await expect(page.locator('[data-partial]').isVisible()).resolves.toBe(false);
    // 工匠 finds more than 绿色生态工匠; 绿色 and 生态 find the same measure and are not offered.
    await expect(page.locator('[data-suggestions] a').allInnerTexts()).resolves.toEqual(['工匠']);
    const offered = page.locator('[data-suggestions] a', { hasText: '工匠' });
    await expect(page.locator('[data-suggestions]').innerText()).resolves.toContain(`工匠（${expectedUrls(pages, '工匠').length}项）`);
    await offered.click();
    await waitForResults(page, '工匠');
    expect((await exactLinks(page)).sort()).toEqual(expectedUrls(pages, '工匠').sort());
    await context.close();
  });

  it('shows nothing for absent words or a word whose characters only occur apart, and says what to do next', { timeout: 90_000 }, async () => {
    for (const q of ['高铁', '新冠疫苗', '建会', '工会高铁']) {
      const { page, context } = await open(`/search/?q=${encodeURIComponent(q)}`);
      await waitForResults(page, q, true);
      expect((await exactLinks(page)).sort()).toEqual([...expectedUrls(pages, q)].sort());
      await expect(page.locator('[data-partial]').isVisible()).resolves.toBe(false);
      const none = expectedUrls(pages, q).length === 0;
      if (none) await expect(page.locator('[data-summary]').innerText()).resolves.toBe(`原文中没有“${q}”。`);
      // Next steps when nothing was found (新冠疫苗 offers 新冠 as well).
      await expect(page.locator('[data-next-steps]').isVisible()).resolves.toBe(none);
      if (none) await expect(page.locator('[data-next-steps] a').allInnerTexts()).resolves.toEqual(['按主题浏览措施', '查看全部措施', '阅读原文全文']);
      await context.close();
    }
  });

  it.each([
    ['集中督导', '/#section-1', '原文第2、3段'],
    ['下转第3版', '/source/#p47', null],
  ] as const)(
    'finds %s, outside the measures, and links to where it stands (%s)',
    async (q, place, source) => {
      expect(expectedUrls(pages, q)).toEqual([place]);
      const { page, context } = await open(`/search/?q=${encodeURIComponent(q)}`);
      await waitForResults(page, q, true);
      expect(await exactLinks(page)).toEqual([place]);
      // A section says where its words stand on the source page.
      await expect(page.locator('.search-result__source').allInnerTexts()).resolves.toEqual(source ? [source] : []);
      await page.locator('[data-exact] .search-result__title a').click();
      await page.waitForURL((url) => placeOf(url.href) === place, { waitUntil: 'commit' });
      await expect(page.locator(`#${place.split('#')[1]}`).innerText()).resolves.toContain(q);
      await context.close();
    },
    90_000,
  );

  it('finds for traditional characters what it finds for simplified ones', async () => {
    for (const [traditional, simplified] of [
      ['職工書屋', '职工书屋'],
      ['勞動模範', '劳动模范'],
    ]) {
      const want = expectedUrls(pages, simplified);
      expect(want.length, simplified).toBeGreaterThan(0);
      expect(expectedUrls(pages, traditional)).toEqual(want);
      const { page, context } = await open(`/search/?q=${encodeURIComponent(traditional)}`);
      await waitForResults(page, traditional);
      expect((await exactLinks(page)).sort()).toEqual([...want].sort());
      // The passage marks the report's own (simplified) characters.
      expect(await page.locator('[data-exact] mark').first().innerText()).toBe(simplified);
      await context.close();
    }
  });

  it('keeps the URL in step with the search, so the back button returns to it', async () => {
    const { page, context } = await open('/search/');
    await waitForResults(page, '');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
    // With no query, every measure in report order, each with its status.
    await expect(page.locator('[data-exact] .search-result').first().locator('.tag').count()).resolves.toBe(1);
    const entries = await page.evaluate(() => history.length);
    await page.locator('#search-q').fill('工匠');
    await waitForResults(page, '工匠');
    expect(new URL(page.url()).searchParams.get('q')).toBe('工匠');
    await page.locator('#search-q').fill('10·29');
    await waitForResults(page, '10·29');
    expect(new URL(page.url()).searchParams.get('q')).toBe('10·29');
    // Typing replaced the URL: no history entry per keystroke.
    await expect(page.evaluate(() => history.length)).resolves.toBe(entries);
    expect(await exactLinks(page)).toEqual(await rankedPlaces(TEST_SITE_DIR, '10·29'));
    expect([...(await exactLinks(page))].sort()).toEqual([...expectedUrls(pages, '10·29')].sort());
    // Choosing a filter adds one (Back then undoes it: the filter test).
    await page.locator(`input[name="status"]:not(:disabled)`).first().check();
    await expect.poll(() => page.evaluate(() => history.length)).toBe(entries + 1);
    await page.locator(`input[name="status"]:checked`).uncheck();
    await waitForResults(page, '10·29');

    await page.locator('[data-exact] .search-result__title a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/measures/'));
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/search/');
    await waitForResults(page, '10·29');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('10·29');
    expect(await exactLinks(page)).toEqual(await rankedPlaces(TEST_SITE_DIR, '10·29'));
    await context.close();
  });

  it('filters by status and topic, combined with the query, with counts', async () => {
    const q = '入会';
    const { page, context } = await open(`/search/?q=${q}`);
    await waitForResults(page, q);
    const want = expectedUrls(pages, q).filter((u) => u.includes('/measures/'));
    const count = (name: string, value: string) => page.locator(`label:has(input[name="${name}"][value="${value}"]) [data-count]`).innerText();
    for (const s of STATUSES) {
      await expect(count('status', s.label)).resolves.toBe(String(want.filter((u) => statusOf(u).status === s.label).length));
    }
    // Choose the status with the most results: the list narrows, the URL says so.
    const status = [...STATUSES].sort(
      (a, b) => want.filter((u) => statusOf(u).status === b.label).length - want.filter((u) => statusOf(u).status === a.label).length,
    )[0];
    await page.locator(`input[name="status"][value="${status.label}"]`).check();
    await waitForResults(page, q);
    expect(new URL(page.url()).searchParams.getAll('status')).toEqual([status.label]);
    const withStatus = want.filter((u) => statusOf(u).status === status.label);
    expect((await exactLinks(page)).sort()).toEqual(withStatus.sort());
    await expect(page.locator('[data-summary]').innerText()).resolves.toBe(`${want.length}项措施包含“入会”，筛选后${withStatus.length}项。`);
    // Topic counts follow the chosen status.
    for (const t of TOPICS) {
      await expect(count('topic', t.label)).resolves.toBe(String(withStatus.filter((u) => statusOf(u).topics.includes(t.label)).length));
    }
    const topic = TOPICS.find((t) => withStatus.some((u) => statusOf(u).topics.includes(t.label)))!;
    await page.locator(`input[name="topic"][value="${topic.label}"]`).check();
    await waitForResults(page, q);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([topic.label]);
    expect((await exactLinks(page)).sort()).toEqual(withStatus.filter((u) => statusOf(u).topics.includes(topic.label)).sort());

    // Back undoes the topic; the shared URL reproduces the filtered search.
    await page.goBack();
    await waitForResults(page, q);
    await expect(page.locator(`input[name="topic"][value="${topic.label}"]`).isChecked()).resolves.toBe(false);
    expect((await exactLinks(page)).sort()).toEqual(withStatus.sort());
    const shared = page.url();
    const { page: other, context: otherContext } = await open(new URL(shared).pathname + new URL(shared).search);
    await waitForResults(other, q);
    expect((await exactLinks(other)).sort()).toEqual(withStatus.sort());
    await expect(other.locator(`input[name="status"][value="${status.label}"]`).isChecked()).resolves.toBe(true);
    await otherContext.close();

    await page.locator('[data-clear-filters]').click();
    await waitForResults(page, q);
    expect((await exactLinks(page)).sort()).toEqual([...want].sort());
    await context.close();
  });

  it('lists the measures of a status without any query', async () => {
    const status = STATUSES[2].label;
    const { page, context } = await open(`/search/?status=${encodeURIComponent(status)}`);
    await waitForResults(page, '');
    const want = pages.filter((p) => p.url.includes('/measures/') && statusOf(p.url).status === status).map((p) => p.url);
    expect(await exactLinks(page)).toEqual(want);
    await context.close();
  });
});

describe('search for every reader', () => {
  it('fits a 360 px phone, header list and search page', async () => {
    const { page, context } = await open('/measures/17/', { viewport: { width: 360, height: 740 } });
    await headerInput(page).focus();
    await typeInHeader(page, '工会');
    const box = await page.locator('.search-popup').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // The header with its box and list never widens the page (other parts of a page are the reader test's).
    const header = await page.locator('.site-header').evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }));
    expect(header.scroll).toBeLessThanOrEqual(header.width);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('工会')}`);
    await waitForResults(page, '工会');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('folds the filters away on a phone, so the results are on the first screen; a filter that would find nothing cannot be ticked', async () => {
    const { page, context } = await open(`/search/?q=${encodeURIComponent('建会')}`, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await waitForResults(page, '建会');
    await expect(page.locator('[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    const first = await page.locator('[data-exact] .search-result').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(740);
    await page.locator('[data-filters] summary').click();
    const counts = await page
      .locator('.search-filter')
      .evaluateAll((labels) =>
        labels.map((l) => ({ n: l.querySelector('[data-count]')!.textContent, disabled: (l.querySelector('input') as HTMLInputElement).disabled })),
      );
    expect(counts.some((c) => c.n === '0')).toBe(true);
    for (const c of counts) expect(c.disabled, JSON.stringify(c)).toBe(c.n === '0');
    await page.screenshot({ path: join(ROOT, '.cache/screenshots/search-360-filters-light.png'), fullPage: false });
    await context.close();
  });

  it('moves nothing while results load (cumulative layout shift ≤ 0.1), on a phone and on a desktop', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      // Before any of the page's code: a record of every layout shift not caused by the reader.
      await page.addInitScript(() => {
        const w = window as unknown as { layoutShift: number };
        w.layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.layoutShift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('工匠 创新')}`);
      await waitForResults(page, '工匠 创新', true);
      const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
      expect(shift, `${viewport.width} px`).toBeLessThanOrEqual(0.1);
      await context.close();
    }
  });

  it('keeps both search boxes dark in dark mode, with placeholders of at least 4.5:1', async () => {
    const { page, context } = await open('/search/', { colorScheme: 'dark', viewport: { width: 360, height: 740 } });
    await waitForResults(page, '');
    for (const selector of ['#site-search-q', '#search-q']) {
      const [fg, bg, placeholder] = await page
        .locator(selector)
        .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor, getComputedStyle(el, '::placeholder').color]);
      expect(contrast(bg, 'rgb(255, 255, 255)'), `${selector} is not white`).toBeGreaterThan(4.5);
      expect(contrast(fg, bg), selector).toBeGreaterThanOrEqual(4.5);
      expect(contrast(placeholder, bg), `${selector} placeholder`).toBeGreaterThanOrEqual(4.5);
    }
    await page.screenshot({ path: join(ROOT, '.cache/screenshots/search-360-dark.png') });
    await context.close();
  });

  it('keeps marked words readable in dark mode', async () => {
    const { page, context } = await open('/search/?q=%E5%B7%A5%E5%8C%A0', { colorScheme: 'dark' });
    await waitForResults(page, '工匠');
    const [fg, bg] = await page
      .locator('[data-exact] mark')
      .first()
      .evaluate((m) => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('has no accessibility violations (axe) with the list open and on the search page, light and dark', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const violations = async (page: Page) => {
      // The site's CSP rightly refuses an injected script: axe runs in a context that bypasses it.
      await page.addScriptTag({ content: axe });
      return page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
        ).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await open('/measures/07/', { colorScheme, bypassCSP: true });
      await headerInput(page).focus();
      await typeInHeader(page, '工匠');
      await page.keyboard.press('ArrowDown');
      expect(await violations(page), `${colorScheme}, header list`).toEqual([]);
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent('工匠 创新')}&status=${encodeURIComponent(STATUSES[0].label)}`);
      await waitForResults(page, '工匠 创新', true);
      expect(await violations(page), `${colorScheme}, search page`).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('without JavaScript, both forms still open the search page with the query (and the filters) in its URL', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/measures/03/`);
    await headerInput(page).fill('建会');
    await headerInput(page).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === '建会');
    await expect(page.locator('noscript, .notice').first().count()).resolves.toBeGreaterThan(0);
    await page.locator('#search-q').fill('入会');
    await page.locator('[data-filters] summary').click();
    await page.locator(`input[name="status"][value="${STATUSES[0].label}"]`).check();
    await page.locator('.search-page__box button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === '入会' && url.searchParams.getAll('status').join() === STATUSES[0].label);
    await context.close();
  });

  it('finds the same in a browser without DecompressionStream (Safari before 16.4): the index is inflated by the site’s own code', async () => {
    const q = '工匠 创新';
    const context = await browser.newContext();
    await context.addInitScript(() => Reflect.deleteProperty(globalThis, 'DecompressionStream'));
    const page = await context.newPage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
    await expect(page.evaluate(() => typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream)).resolves.toBe('undefined');
    await waitForResults(page, q, true);
    expect(await exactLinks(page)).toEqual(await rankedPlaces(TEST_SITE_DIR, q));
    await context.close();
  });

  it('works with every request outside the site blocked', async () => {
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(site.origin)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/measures/01/`);
    await headerInput(page).focus();
    await typeInHeader(page, '10·29');
    await expect(page.locator('.search-popup__summary').innerText()).resolves.toBe(`${expectedUrls(pages, '10·29').length}项措施包含“10·29”`);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('工匠 创新')}`);
    await waitForResults(page, '工匠 创新', true);
    expect((await exactLinks(page)).sort()).toEqual(expectedUrls(pages, '工匠 创新').sort());
    await expect(page.locator('[data-partial]').isVisible()).resolves.toBe(true);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('never asked any other origin for anything, and no page had a script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
