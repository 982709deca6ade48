/**
 * The search index of a built site, read from its files as the browser reads them (the same
 * decoding, src/pure/search/index-format.ts): what the browser tests compare the order of the
 * results shown with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bucketOf,
  bucketPath,
  decodeBucket,
  decodePosting,
  decodeRecords,
  fragmentPath,
  MANIFEST_PATH,
  RECORD_BLOCK,
  recordsPath,
  separatePath,
  type DocRecord,
  type Fragment,
  type Posting,
  type SearchManifest,
} from '../../src/pure/search/index-format.ts';
import { NO_SELECTION } from '../../src/pure/search/rank.ts';
import { Searcher } from '../../src/pure/search/search.ts';
import type { IndexStore } from '../../src/pure/search/store.ts';

export class BuiltIndexFiles implements IndexStore {
  readonly manifest: SearchManifest;
  private readonly dir: string;

  constructor(siteDir: string) {
    this.dir = siteDir;
    this.manifest = JSON.parse(readFileSync(join(siteDir, MANIFEST_PATH), 'utf8')) as SearchManifest;
  }

  private bytes(path: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.dir, path)));
  }

  async posting(gram: string): Promise<Posting | undefined> {
    const { edition, buckets, separate } = this.manifest;
    if (separate.includes(gram)) return decodePosting(this.bytes(separatePath(edition, gram)));
    const bytes = decodeBucket(this.bytes(bucketPath(edition, bucketOf(gram, buckets)))).get(gram);
    return bytes && decodePosting(bytes);
  }

  async records(docs: readonly number[]): Promise<DocRecord[]> {
    return docs.map((d) => decodeRecords(this.bytes(recordsPath(this.manifest.edition, Math.floor(d / RECORD_BLOCK))))[d % RECORD_BLOCK]);
  }

  async fragment(doc: number): Promise<Fragment> {
    return JSON.parse(readFileSync(join(this.dir, fragmentPath(this.manifest.edition, doc)), 'utf8')) as Fragment;
  }
}

/** The places a query finds in a built site's index, best first (`/measures/06/`, `/#section-1`, `/source/#p1`). */
export async function rankedPlaces(siteDir: string, query: string): Promise<string[]> {
  const store = new BuiltIndexFiles(siteDir);
  const { list } = await new Searcher(store).exact(query, NO_SELECTION);
  // Every place: a long word's unread documents read too.
  await list.extend(Number.POSITIVE_INFINITY);
  return Promise.all(list.all.map(async (m) => (await store.fragment(m.doc)).url));
}
