/**
 * Pagefind in the browser, loaded from the site's own /pagefind/ bundle when search first
 * starts. Pagefind ranks the pages that match a query in part (its Chinese word segmentation
 * and prefix matching find related pages); exactness is checked on the texts (engine.ts).
 */
import { FILTER_STATUS, FILTER_TOPIC, PAGEFIND_PATH } from './texts.ts';

interface PagefindResult {
  id: string;
  score: number;
}
interface PagefindResponse {
  results: PagefindResult[];
}
type PagefindFilters = Record<string, { any: string[] }>;
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: PagefindFilters }): Promise<PagefindResponse | null>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
let loading: Promise<PagefindApi | null> | undefined;

/** Starts loading Pagefind (once); resolves to null when it cannot load (e.g. `astro dev`). */
export function loadPagefind(): Promise<PagefindApi | null> {
  loading ??= (async () => {
    try {
      const url = `${base}${PAGEFIND_PATH}pagefind.js`;
      const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
      // Main thread: a search here is a few milliseconds, less than a round trip to a worker.
      const instance = module.createInstance({ basePath: `${base}${PAGEFIND_PATH}`, noWorker: true });
      await instance.options({ excerptLength: 0 });
      await instance.init();
      return instance;
    } catch (error) {
      console.warn('Search: Pagefind is not available; only exact matches are shown.', error);
      return null;
    }
  })();
  return loading;
}

/** Pagefind's result ids for a query, best first, with the filters applied (any of each). */
export async function pagefindIds(query: string, filters: { statuses: string[]; topics: string[] }): Promise<string[]> {
  const pagefind = await loadPagefind();
  if (!pagefind) return [];
  const options: PagefindFilters = {};
  if (filters.statuses.length) options[FILTER_STATUS] = { any: filters.statuses };
  if (filters.topics.length) options[FILTER_TOPIC] = { any: filters.topics };
  const response = await pagefind.search(query, { filters: options });
  return response?.results.map((r) => r.id) ?? [];
}
