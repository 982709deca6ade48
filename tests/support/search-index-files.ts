/**
 * The search index of a built site, read from its files as the browser reads them (the same
 * decoding, src/pure/search/index-format.ts): what the browser tests compare the order of the
 * results shown with.
 */
import { BuiltIndexFiles } from '../../src/build-time/search/built-index-files.ts';
import { NO_SELECTION } from '../../src/pure/search/rank.ts';
import { Searcher } from '../../src/pure/search/search.ts';

export { BuiltIndexFiles };

/** The places a query finds in a built site's index, best first (`/measures/06/`, `/#section-1`, `/source/#p1`). */
export async function rankedPlaces(siteDir: string, query: string): Promise<string[]> {
  const store = new BuiltIndexFiles(siteDir);
  const { list } = await new Searcher(store).exact(query, NO_SELECTION);
  // Every place: a long word's unread documents read too.
  await list.extend(Number.POSITIVE_INFINITY);
  return Promise.all(list.all.map(async (m) => (await store.fragment(m.doc)).url));
}
