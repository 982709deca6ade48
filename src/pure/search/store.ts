/**
 * What the search reads from its index: an interface, so that the same search runs on the files
 * a browser fetches (src/browser/search/fetched-store.ts) and on an index built in memory (the
 * unit tests, src/build-time/search/).
 */
import type { DocRecord, Fragment, Posting, SearchManifest } from './index-format.ts';

export interface IndexStore {
  readonly manifest: SearchManifest;
  /** The posting of a gram; undefined when no document holds it. */
  posting(gram: string): Promise<Posting | undefined>;
  /** The records of these documents, in the order asked. */
  records(docs: readonly number[]): Promise<DocRecord[]>;
  fragment(doc: number): Promise<Fragment>;
}
