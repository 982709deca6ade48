/** An index built in memory (build-index.ts) read as the browser reads the published one. */
import type { DocRecord, Fragment, Posting, SearchManifest } from '../../pure/search/index-format.ts';
import type { IndexStore } from '../../pure/search/store.ts';
import type { BuiltIndex } from './build-index.ts';

export class MemoryStore implements IndexStore {
  readonly manifest: SearchManifest;
  /** What was read, for tests that check a search reads only what it needs. */
  readonly read = { postings: [] as string[], fragments: [] as number[] };
  private readonly index: BuiltIndex;

  constructor(index: BuiltIndex) {
    this.index = index;
    this.manifest = index.manifest;
  }

  async posting(gram: string): Promise<Posting | undefined> {
    this.read.postings.push(gram);
    return this.index.postings.get(gram);
  }

  async records(docs: readonly number[]): Promise<DocRecord[]> {
    return docs.map((d) => this.index.records[d]);
  }

  async fragment(doc: number): Promise<Fragment> {
    this.read.fragments.push(doc);
    return this.index.fragments[doc];
  }
}
