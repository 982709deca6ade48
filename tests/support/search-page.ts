/** The search page as the browser tests read it: its states and its results' places. */
import type { Page } from 'playwright-core';

/** Waits until the search page shows its results for `query` (and, with `partial`, its partial matches too). */
export async function waitForResults(page: Page, query: string, partial = false): Promise<void> {
  await page.waitForFunction(
    ([q, p]) => {
      const r = document.querySelector<HTMLElement>('[data-results]');
      return r?.dataset.state === 'ready' && r.dataset.query === q && (!p || r.dataset.partialState === 'ready');
    },
    [query, partial] as const,
  );
}

/** A result's place as the truth names it: its page, and its element id for a section or a source paragraph (not the text-fragment directive). */
export function placeOf(href: string): string {
  const url = new URL(href, 'http://x');
  const id = url.hash.replace(/^#/, '').split(':~:')[0];
  return `${url.pathname}${id ? `#${id}` : ''}`;
}

/** The places of the exact results on screen, in their order. */
export const exactLinks = (page: Page) =>
  page
    .locator('[data-exact] .search-result__title a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    .then((hs) => hs.map(placeOf));

/** Presses "more" until every exact result is on screen. */
export async function showAll(page: Page): Promise<void> {
  for (;;) {
    const more = page.locator('[data-exact-more]');
    if (!(await more.isVisible())) return;
    const before = await page.locator('[data-exact] > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-exact] > li').length > n, before);
  }
}
