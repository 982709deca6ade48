/**
 * The only code a page runs before the reader asks for more, loaded by every page
 * (src/layouts/Base.astro) as one small file, cached after the first visit. A file, not an
 * inline script: the site's Content-Security-Policy allows none (src/pure/site/content-security-policy.ts).
 */
import './search/loader.ts';
import './offline/register.ts';
