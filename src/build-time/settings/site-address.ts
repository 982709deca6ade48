/**
 * Where the site is published: the address of its home page and the base path of every link.
 * From the publication's settings (`site` in publication.yaml), which the SITE_URL and BASE_PATH
 * variables of a build override (a host that publishes under its own address). Without an
 * address the site links to itself by site-relative addresses and leaves out what needs an
 * absolute one (canonical links, og:url, the sitemap): never an address that is not the site's.
 */
import { readSettings } from './read-settings.ts';

export interface SiteAddress {
  /** The home page's address (`https://example.org/report/`), or undefined when none is set. */
  site?: string;
  /** The path every page's address starts with: `/`, `/report/`. */
  base: string;
}

/** A base path with one slash at each end: `report` → `/report/`. */
const basePath = (path: string) => `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** The address from the variables of a build and the publication's `site`. */
export function siteAddressOf(env: { SITE_URL?: string; BASE_PATH?: string }, publicationSite: string | undefined): SiteAddress {
  const site = env.SITE_URL || publicationSite || undefined;
  const base = env.BASE_PATH ? basePath(env.BASE_PATH) : site ? basePath(new URL(site).pathname) : '/';
  return site ? { site, base } : { base };
}

/**
 * The address of the content folder's site. Settings that cannot be read give none here: the
 * entry checks stop such a build with their problems, before any address is needed.
 */
export function siteAddress(contentDir: string, env: NodeJS.ProcessEnv = process.env): SiteAddress {
  return siteAddressOf(env, readSettings(contentDir).settings?.publication.site);
}
