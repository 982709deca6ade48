/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** True in `astro build`: the search route hands its documents over (src/build-time/integrations/search-index.ts). */
  readonly SEARCH_INDEX_HANDED_OVER: boolean;
}
