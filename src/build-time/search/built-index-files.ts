/**
 * A built site's search index, read from its files in Node and decoded as the browser decodes
 * them (src/pure/search/index-format.ts): for the tests that hold what the browser shows against
 * the index, and for the benchmarks that count what a search reads or build the index again from
 * the documents it holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import {
  bucketOf,
  bucketPath,
  decodeBucket,
  decodePosting,
  decodeRecords,
  documentCount,
  fragmentPath,
  kindOf,
  MANIFEST_PATH,
  RECORD_BLOCK,
  recordsPath,
  separatePath,
  type DocRecord,
  type Fragment,
  type Posting,
  type SearchManifest,
} from '../../pure/search/index-format.ts';
import type { IndexStore } from '../../pure/search/store.ts';
import type { SearchDocument } from './build-index.ts';

export class BuiltIndexFiles implements IndexStore {
  readonly manifest: SearchManifest;
  /** Every file read so far, by its path under the site's base, the manifest first. */
  readonly read = new Set<string>([MANIFEST_PATH]);
  private readonly dir: string;

  constructor(siteDir: string) {
    this.dir = siteDir;
    this.manifest = JSON.parse(readFileSync(join(siteDir, MANIFEST_PATH), 'utf8')) as SearchManifest;
  }

  /** A binary file's bytes, inflated (index-format.ts). */
  private bytes(path: string): Uint8Array {
    this.read.add(path);
    return new Uint8Array(inflateRawSync(readFileSync(join(this.dir, path))));
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
    return this.json<Fragment>(fragmentPath(this.manifest.edition, doc));
  }

  private json<T>(path: string): T {
    this.read.add(path);
    return JSON.parse(readFileSync(join(this.dir, path), 'utf8')) as T;
  }

  /** The documents the index was made from: each one's fragment, with its kind, status and topics. */
  documents(): SearchDocument[] {
    const blocks = new Map<number, DocRecord[]>();
    const documents: SearchDocument[] = [];
    for (let doc = 0; doc < documentCount(this.manifest); doc++) {
      const block = Math.floor(doc / RECORD_BLOCK);
      if (!blocks.has(block)) blocks.set(block, decodeRecords(this.bytes(recordsPath(this.manifest.edition, block))));
      const { status, topics } = blocks.get(block)![doc % RECORD_BLOCK];
      const fragment = this.json<Fragment>(fragmentPath(this.manifest.edition, doc));
      documents.push({ ...fragment, kind: kindOf(this.manifest, doc), status, topics });
    }
    return documents;
  }
}
