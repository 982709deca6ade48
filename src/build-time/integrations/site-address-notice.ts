/**
 * A build without a site address says so when it is done: its pages link by site-relative
 * addresses and leave out what needs an absolute one (canonical links, og:url, the sitemap), which
 * serves a copy anywhere but is not what a publisher wants search engines to see
 * (README, "Where the site is published").
 */
import type { AstroIntegration } from 'astro';

export const NO_SITE_ADDRESS =
  'No site address (site in content/publication.yaml, or SITE_URL): the pages link by site-relative addresses, with no canonical link, og:url or sitemap. Set it before publishing (README, "Where the site is published").';

export default function siteAddressNotice(site: string | undefined): AstroIntegration {
  return {
    name: 'report-site-address',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (!site) logger.warn(NO_SITE_ADDRESS);
      },
    },
  };
}
