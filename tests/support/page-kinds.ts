/**
 * Every kind of page a reader opens, and the phone they open it on: one list for the phone suite
 * (tests/e2e/phone.test.ts) and the screenshots a change to the layout is looked at with
 * (scripts/screenshots.ts), so that what is looked at is what is tested.
 */
import type { BrowserContextOptions } from 'playwright-core';

/** A 360×740 phone: mobile, touch, 2×. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every kind of page; a search page is ready when its results (and partial matches) are shown. */
export const PAGE_KINDS: { name: string; path: string; search?: true }[] = [
  { name: 'home', path: '/' },
  { name: 'status-list', path: '/status/in-progress/' },
  { name: 'measure-with-diagram', path: '/measures/07/' },
  { name: 'measure-with-figures', path: '/measures/09/' },
  { name: 'measure-with-most-figures', path: '/measures/14/' },
  { name: 'figures', path: '/figures/' },
  { name: 'topics', path: '/topics/' },
  { name: 'timeline', path: '/timeline/' },
  { name: 'documents', path: '/documents/' },
  { name: 'organisations', path: '/organisations/' },
  { name: 'source', path: '/source/' },
  { name: 'about-data', path: '/about-data/' },
  { name: 'print', path: '/print/' },
  { name: 'search-results', path: '/search/?q=职工', search: true },
  { name: 'search-no-results', path: '/search/?q=高铁', search: true },
  { name: 'search-filtered', path: '/search/?q=职工&status=推进中', search: true },
];
