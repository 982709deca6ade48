/**
 * Where things are on the site, without the base path: shared by the pages (src/build-time/site/report.ts
 * adds the configured base) and the build's integrations, which run outside Astro's pages.
 */
import { paddedNumber } from '../model/measure-number.ts';

/** The site path of a measure, without the base: `measures/07/`. */
export const measurePath = (n: number) => `measures/${paddedNumber(n)}/`;

/** A site path under a base path (`/`, `/report/`). */
export function withBase(base: string, path: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\//, '')}`;
}

/**
 * A page's address as the site gives it to the world (canonical links, citations, the open data):
 * absolute when the site has an address of its own, else the site path itself — never an address
 * that is not the site's (README, "Where the site is published").
 */
export const siteAddress = (path: string, site: URL | undefined): string => (site ? new URL(path, site).href : path);
