/**
 * The page's one search: opened from the manifest when the reader first needs it (the loader,
 * src/browser/search/loader.ts, asks for the manifest as it imports the UI, and hands the request
 * over), then shared by the header box and the search page.
 */
import { Searcher } from '../../pure/search/search.ts';
import { FetchedStore } from './fetched-store.ts';
import { withBase } from '../../pure/site/site-paths.ts';

const base = withBase(import.meta.env.BASE_URL, '');

let early: Promise<Response> | undefined;
let opening: Promise<Searcher> | undefined;
let opened: Searcher | undefined;

/** The loader's request for the manifest, made alongside the import of the UI. */
export function takeManifestRequest(request: Promise<Response> | undefined): void {
  early = request;
}

/** Resolves when a search can run. */
export function openSearch(): Promise<Searcher> {
  opening ??= (async () => {
    const request = early;
    early = undefined;
    const store = await FetchedStore.open(base, request);
    opened = new Searcher(store);
    // For the benchmark and anyone profiling (DevTools → Performance → Timings).
    performance.mark('search:index-ready');
    return opened;
  })();
  opening.catch(() => (opening = undefined));
  return opening;
}

/** The search, if it has opened. */
export const openedSearch = () => opened;
