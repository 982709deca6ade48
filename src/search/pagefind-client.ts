/**
 * Pagefind in the browser, loaded from the site's own /pagefind/ bundle once the texts have
 * loaded. It ranks the measures that hold some of the words of a query of several words (its
 * BM25 over its Chinese word segmentation); which words a measure holds is checked on the
 * texts (engine.ts). With no Pagefind (`astro dev`), those measures come in the report's order.
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
      // In Pagefind's web worker (its default): its work never delays the reader's typing.
      const instance = module.createInstance({ basePath: `${base}${PAGEFIND_PATH}` });
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
