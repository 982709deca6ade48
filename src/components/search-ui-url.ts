/**
 * The search UI's address, for the header's box (SearchBox.astro, which hands it to the loader)
 * and the search page (which names it in its head, to fetch it with the page).
 *
 * `?worker&url` makes Vite build src/browser/search/ui.ts as one self-contained module and gives
 * its URL at render time; so the loader has no import of its own and stays a few hundred bytes.
 */
import url from '../browser/search/ui.ts?worker&url';

export const searchUiUrl: string = url;
